import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logger.js';

/** Vectors by the sha256 of the text they embed, all of one model and one length. */
export interface EmbeddingCache {
  model: string;
  dimensions: number;
  vectors: Map<string, Float32Array>;
}

const MAGIC = Buffer.from('AIPMEMB1');
const HASH_BYTES = 32;

/** The sha256 (hex) a chunk's vector is cached under: the text embedded, so any edit re-embeds that chunk. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One file per model, named so a person can tell them apart and two models never share one. */
export function cacheFile(dir: string, model: string): string {
  const slug = model.replace(/[^a-z0-9.-]+/gi, '-').slice(0, 60);
  return path.join(dir, `${slug}-${contentHash(model).slice(0, 12)}.bin`);
}

function parse(bytes: Buffer, model: string): EmbeddingCache {
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an embeddings cache');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  const header = JSON.parse(bytes.subarray(headerStart, headerStart + headerLength).toString('utf8')) as {
    model: string;
    dimensions: number;
    count: number;
  };
  const { dimensions, count } = header;
  if (header.model !== model) throw new Error(`cache holds ${header.model}`);
  const hashesStart = headerStart + headerLength;
  const vectorsStart = hashesStart + count * HASH_BYTES;
  if (bytes.length !== vectorsStart + count * dimensions * 4) throw new Error('cache is truncated');
  // Copied once into an aligned buffer: a Float32Array view needs a 4-byte-aligned offset.
  const floats = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + vectorsStart, bytes.byteOffset + bytes.length),
  );
  const vectors = new Map<string, Float32Array>();
  for (let at = 0; at < count; at++) {
    const hash = bytes
      .subarray(hashesStart + at * HASH_BYTES, hashesStart + (at + 1) * HASH_BYTES)
      .toString('hex');
    vectors.set(hash, floats.subarray(at * dimensions, (at + 1) * dimensions));
  }
  return { model, dimensions, vectors };
}

/**
 * The cached vectors of `model`, or an empty cache when there is none or it cannot be read (then every chunk
 * is embedded again; a warning says why).
 */
export async function readEmbeddingCache(
  dir: string,
  model: string,
  logger: Logger,
): Promise<EmbeddingCache> {
  let bytes: Buffer;
  try {
    bytes = await readFile(cacheFile(dir, model));
  } catch {
    return { model, dimensions: 0, vectors: new Map() };
  }
  try {
    return parse(bytes, model);
  } catch (error) {
    logger.warn('embeddings_cache_unreadable', { model, error: String(error) });
    return { model, dimensions: 0, vectors: new Map() };
  }
}

function encode(cache: EmbeddingCache): Buffer[] {
  const entries = [...cache.vectors];
  const header = Buffer.from(
    JSON.stringify({ model: cache.model, dimensions: cache.dimensions, count: entries.length }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const hashes = Buffer.concat(entries.map(([hash]) => Buffer.from(hash, 'hex')));
  const floats = new Float32Array(entries.length * cache.dimensions);
  entries.forEach(([, vector], at) => {
    floats.set(vector, at * cache.dimensions);
  });
  return [MAGIC, length, header, hashes, Buffer.from(floats.buffer)];
}

/**
 * Writes the cache atomically (a temp file renamed into place: a crash leaves the old cache or the new one,
 * never half of one). A failure only costs the next start the embedding calls.
 */
export async function writeEmbeddingCache(dir: string, cache: EmbeddingCache, logger: Logger): Promise<void> {
  const file = cacheFile(dir, cache.model);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      for (const part of encode(cache)) await handle.write(part);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    logger.warn('embeddings_cache_not_written', { dir, error: String(error) });
    await rm(temporary, { force: true });
  }
}
