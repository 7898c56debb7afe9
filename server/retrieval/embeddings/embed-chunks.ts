import type { Logger } from '../../logger.js';
import { sectionBody } from '../orama-index.js';
import type { Chunk } from '../types.js';
import {
  contentHash,
  type EmbeddingCache,
  readEmbeddingCache,
  writeEmbeddingCache,
} from './embedding-cache.js';
import type { EmbeddingClient } from './embedding-client.js';

/** What the index needs from the embedding pass: one vector per indexed chunk, by position. */
export interface ChunkVectors {
  model: string;
  dimensions: number;
  vectors: Float32Array[];
}

export interface EmbedChunksOptions {
  client: EmbeddingClient;
  /** Chunk texts per request. */
  batchSize: number;
  /** `<DATA_DIR>/embeddings`; without it nothing is cached (every build embeds every chunk). */
  cacheDir?: string;
  logger: Logger;
}

/**
 * Embedding models read a bounded number of tokens (8k for OpenAI's); a section's heading path and opening
 * say what it is about, so a long one is embedded by its beginning.
 */
const EMBEDDED_CHARS = 4_000;
/** A batch that has not answered by then is a fault, not a slow server. */
const BATCH_TIMEOUT_MS = 120_000;

/** The text a chunk is embedded as: where it sits (its heading path) and what it says. */
export function embeddingText(chunk: Chunk): string {
  return `${chunk.headings.join(' › ')}\n${sectionBody(chunk)}`.slice(0, EMBEDDED_CHARS);
}

function acceptBatch(vectors: number[][], expected: number, dimensions: number): number {
  if (vectors.length !== expected)
    throw new Error(`endpoint returned ${vectors.length} of ${expected} vectors`);
  const length = dimensions || (vectors[0]?.length ?? 0);
  if (length === 0 || vectors.some((vector) => vector.length !== length))
    throw new Error('endpoint returned vectors of different lengths');
  return length;
}

async function embedMissing(
  texts: Map<string, string>,
  cache: EmbeddingCache,
  options: EmbedChunksOptions,
): Promise<{ embedded: number; batches: number }> {
  const missing = [...texts].filter(([hash]) => !cache.vectors.has(hash));
  let batches = 0;
  for (let start = 0; start < missing.length; start += options.batchSize) {
    const batch = missing.slice(start, start + options.batchSize);
    const vectors = await options.client.embedBatch(
      batch.map(([, text]) => text),
      AbortSignal.timeout(BATCH_TIMEOUT_MS),
    );
    if (cache.dimensions !== 0 && vectors[0]?.length !== cache.dimensions) {
      // The model behind this name changed length: vectors of two lengths cannot be compared, so start over.
      cache.vectors.clear();
      cache.dimensions = 0;
      return embedMissing(texts, cache, options);
    }
    cache.dimensions = acceptBatch(vectors, batch.length, cache.dimensions);
    batch.forEach(([hash], at) => {
      cache.vectors.set(hash, Float32Array.from(vectors[at] ?? []));
    });
    batches += 1;
  }
  return { embedded: missing.length, batches };
}

/** Only the vectors of today's chunks are kept, so the cache never outgrows the corpus. */
function pruned(cache: EmbeddingCache, hashes: string[]): EmbeddingCache {
  const vectors = new Map<string, Float32Array>();
  for (const hash of hashes) {
    const vector = cache.vectors.get(hash);
    if (vector) vectors.set(hash, vector);
  }
  return { ...cache, vectors };
}

/**
 * Embeds every chunk once: vectors cached under `cacheDir` by content hash are reused, only new or changed
 * chunks are sent, in batches of `batchSize`. When the endpoint fails, what it did embed is cached, the
 * failure is logged, and the result is undefined: the index is then built for keyword search alone.
 */
export async function embedChunks(
  chunks: Chunk[],
  options: EmbedChunksOptions,
): Promise<ChunkVectors | undefined> {
  const { client, cacheDir, logger } = options;
  const started = performance.now();
  const hashes = chunks.map((chunk) => contentHash(embeddingText(chunk)));
  const texts = new Map(chunks.map((chunk, at) => [hashes[at] ?? '', embeddingText(chunk)]));
  const loaded = cacheDir ? await readEmbeddingCache(cacheDir, client.model, logger) : undefined;
  const cache = loaded ?? { model: client.model, dimensions: 0, vectors: new Map() };
  const cached = [...texts.keys()].filter((hash) => cache.vectors.has(hash)).length;
  try {
    const { embedded, batches } = await embedMissing(texts, cache, options);
    const kept = pruned(cache, hashes);
    if (cacheDir && (embedded > 0 || kept.vectors.size !== cache.vectors.size))
      await writeEmbeddingCache(cacheDir, kept, logger);
    const vectors = hashes.map((hash) => kept.vectors.get(hash) ?? new Float32Array(kept.dimensions));
    const ms = Math.round(performance.now() - started);
    logger.info('embeddings_ready', {
      model: client.model,
      chunks: chunks.length,
      cached,
      embedded,
      batches,
      ms,
    });
    return { model: client.model, dimensions: kept.dimensions, vectors };
  } catch (error) {
    if (cacheDir && cache.vectors.size > cached)
      await writeEmbeddingCache(cacheDir, pruned(cache, hashes), logger);
    logger.error('embeddings_unavailable', {
      model: client.model,
      message: error instanceof Error ? error.message.slice(0, 300) : String(error),
    });
    return undefined;
  }
}
