import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../logger.js';
import type { IndexSnapshot } from './orama-index.js';
import { TEXT_LAYER_VERSION } from './text.js';
import type { SourceDocument } from './types.js';
import type { TermGroup } from './vocabulary.js';

/** Bump when the snapshot's shape or the index's fields change. */
const SNAPSHOT_FORMAT = 2;

function oramaVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@orama/orama/package.json') as { version: string }).version;
}

/**
 * A snapshot is valid for exactly one corpus, tokenizer, vocabulary and Orama version, and — for a hybrid
 * index — one embedding model and vector length: any change to any of them changes the key, and the index is
 * rebuilt. Without an embedding model the key is what it always was.
 */
export function snapshotKey(
  documents: SourceDocument[],
  vocabulary: TermGroup[],
  embedding?: string,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([SNAPSHOT_FORMAT, TEXT_LAYER_VERSION, oramaVersion(), vocabulary]));
  if (embedding !== undefined) hash.update(`\u0000embedding\u0000${embedding}`);
  for (const document of documents) hash.update(`\u0000${document.id}\u0000${document.text}`);
  return hash.digest('hex').slice(0, 32);
}

function snapshotFile(dir: string, key: string): string {
  return path.join(dir, `index-${key}.json`);
}

/** The snapshot for this key, or undefined when there is none or it cannot be read (then the index is built). */
export async function readSnapshot(
  dir: string,
  key: string,
  logger: Logger,
): Promise<IndexSnapshot | undefined> {
  let raw: string;
  try {
    raw = await readFile(snapshotFile(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(raw) as IndexSnapshot;
  } catch (error) {
    logger.warn('index_snapshot_unreadable', { key, error: String(error) });
    return undefined;
  }
}

/**
 * Writes the snapshot atomically (a temp file renamed into place, so a crash never leaves half a snapshot) and
 * removes older ones. A failure only costs the next start a rebuild.
 */
export async function writeSnapshot(
  dir: string,
  key: string,
  snapshot: IndexSnapshot,
  logger: Logger,
): Promise<void> {
  const file = snapshotFile(dir, key);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, file);
    for (const name of await readdir(dir)) {
      if (/^index-[0-9a-f]{32}\.json$/.test(name) && name !== path.basename(file))
        await rm(path.join(dir, name), { force: true });
    }
  } catch (error) {
    logger.warn('index_snapshot_not_written', { dir, error: String(error) });
    await rm(temporary, { force: true });
  }
}
