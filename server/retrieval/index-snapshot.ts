import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { findHeadings, type HeadingLine } from './markdown.js';
import type { IndexSnapshot } from './orama-index.js';
import { readRecords, writeRecords } from './snapshot-records.js';
import { TEXT_LAYER_VERSION } from './text.js';
import type { SourceDocument } from './types.js';
import type { TermGroup } from './vocabulary.js';

/** Bump when the snapshot's shape or the index's fields change (3: records, one per line). */
const SNAPSHOT_FORMAT = 3;
/** Snapshots of this and earlier formats, which a new one replaces. */
const SNAPSHOT_NAME = /^index-[0-9a-f]{32}\.jsonl?$/;

/** An installed package's version, read beside its entry point (not every package exports `package.json`). */
function packageVersion(name: string): string {
  const entry = createRequire(import.meta.url).resolve(name);
  const folder = entry.slice(0, entry.lastIndexOf(`/${name}/`) + name.length + 2);
  return (JSON.parse(readFileSync(`${folder}package.json`, 'utf8')) as { version: string }).version;
}

/** Writes via a temp file renamed into place, so a crash never leaves half a file; the error when it failed. */
async function writeAtomically(
  file: string,
  data: string | AsyncIterable<string>,
): Promise<string | undefined> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, file);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true });
    return String(error);
  }
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
  hash.update(
    JSON.stringify([SNAPSHOT_FORMAT, TEXT_LAYER_VERSION, packageVersion('@orama/orama'), vocabulary]),
  );
  if (embedding !== undefined) hash.update(`\u0000embedding\u0000${embedding}`);
  for (const document of documents) hash.update(`\u0000${document.id}\u0000${document.text}`);
  return hash.digest('hex').slice(0, 32);
}

function snapshotFile(dir: string, key: string): string {
  return path.join(dir, `index-${key}.jsonl`);
}

/**
 * The snapshot for this key, or undefined when there is none or it cannot be read (then the index is built).
 * Read a record at a time with pauses, so a listening server answers while it loads.
 */
export async function readSnapshot(
  dir: string,
  key: string,
  logger: Logger,
): Promise<IndexSnapshot | undefined> {
  const file = await open(snapshotFile(dir, key)).catch(() => undefined);
  if (!file) return undefined;
  try {
    return (await readRecords(file)) as IndexSnapshot;
  } catch (error) {
    logger.warn('index_snapshot_unreadable', { key, error: String(error) });
    return undefined;
  } finally {
    await file.close();
  }
}

/**
 * Writes the snapshot atomically (a temp file renamed into place, so a crash never leaves half a snapshot),
 * a record at a time with pauses, and removes older ones. A failure only costs the next start a rebuild.
 */
export async function writeSnapshot(
  dir: string,
  key: string,
  snapshot: IndexSnapshot,
  logger: Logger,
): Promise<void> {
  const file = snapshotFile(dir, key);
  let error: string | undefined;
  try {
    error = await writeAtomically(file, writeRecords(snapshot));
  } catch (thrown) {
    // A record that cannot be made (a value past V8's string limit): the same as a failed write.
    error = String(thrown);
  }
  if (error) return logger.warn('index_snapshot_not_written', { dir, error });
  for (const name of await readdir(dir)) {
    if (SNAPSHOT_NAME.test(name) && name !== path.basename(file))
      await rm(path.join(dir, name), { force: true });
  }
}

/** The heading cache's file beside the snapshots, and what it is valid for: its shape and the parser's versions. */
const HEADING_CACHE_FILE = 'headings.json';
const HEADING_CACHE_VERSION = `1 ${packageVersion('mdast-util-from-markdown')} ${packageVersion('micromark-extension-gfm')}`;
type HeadingRow = [level: number, title: string, start: number];

/** Each corpus file's headings by content hash, so a start parses only the files that changed. */
export interface HeadingCache {
  headings(text: string): HeadingLine[];
  /** Keeps the headings of this load's files only; a failure costs the next start a parse. */
  save(): Promise<void>;
  readonly parsed: number;
}

/** The cache in `dir` (unreadable or of another version: empty); without `dir`, every text is parsed. */
export async function openHeadingCache(dir: string | undefined, logger: Logger): Promise<HeadingCache> {
  const file = dir && path.join(dir, HEADING_CACHE_FILE);
  const stored = file
    ? await readFile(file, 'utf8')
        .then((raw) => JSON.parse(raw) as { version?: string; files?: Record<string, HeadingRow[]> })
        .catch(() => undefined)
    : undefined;
  const known = new Map(stored?.version === HEADING_CACHE_VERSION ? Object.entries(stored.files ?? {}) : []);
  const used = new Map<string, HeadingRow[]>();
  let parsed = 0;
  return {
    get parsed() {
      return parsed;
    },
    headings(text) {
      const key = createHash('sha256').update(text).digest('base64url');
      let rows = known.get(key);
      if (!rows) {
        parsed += 1;
        rows = findHeadings(text).map(({ level, title, start }): HeadingRow => [level, title, start]);
      }
      used.set(key, rows);
      return rows.map(([level, title, start]) => ({ level, title, start }));
    },
    async save() {
      if (!file || (parsed === 0 && used.size === known.size)) return;
      const data = JSON.stringify({ version: HEADING_CACHE_VERSION, files: Object.fromEntries(used) });
      const error = await writeAtomically(file, data);
      if (error) logger.warn('heading_cache_not_written', { file, error });
    },
  };
}
