import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { type HeadingCache, openHeadingCache } from './index-snapshot.js';
import type { HeadingLine } from './markdown.js';
import type { SourceDocument } from './types.js';

/** Files above this size are skipped: the corpus is curated prose, a bigger file is a mistake (a dump). */
export const MAX_CORPUS_FILE_BYTES = 2 * 1024 * 1024;

export interface LoadCorpusOptions {
  dir: string;
  logger: Logger;
  maxFileBytes?: number;
  /**
   * Where the headings each file's parse found are kept by content hash (the server passes `<DATA_DIR>/index`),
   * so a later start parses only the files that changed; without it every file is parsed.
   */
  cacheDir?: string;
}

async function listMarkdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

/** Decodes strict UTF-8, drops a BOM and turns CRLF/CR into LF: offsets index into the returned text. */
function decodeMarkdown(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  return text.replace(/\r\n?/g, '\n');
}

/**
 * A loaded document with what its one parse found: chunking reuses it instead of parsing again, for as long
 * as `parsed.text` is the document's text (a copy with other text is parsed anew).
 */
export interface LoadedDocument extends SourceDocument {
  parsed: { text: string; headings: HeadingLine[] };
}

function toDocument(relativePath: string, text: string, cache: HeadingCache): LoadedDocument {
  const id = relativePath.replace(/\.md$/i, '');
  const headings = cache.headings(text);
  const firstH1 = headings.find((heading) => heading.level === 1 && heading.title);
  const title = firstH1?.title ?? path.posix.basename(id);
  return { id, title, path: relativePath, text, parsed: { text, headings } };
}

async function readDocument(
  dir: string,
  relativePath: string,
  options: { logger: Logger; maxFileBytes: number; cache: HeadingCache },
): Promise<LoadedDocument | undefined> {
  const { logger, maxFileBytes, cache } = options;
  const absolute = path.join(dir, relativePath);
  const { size } = await stat(absolute);
  if (size > maxFileBytes) {
    logger.warn('corpus_file_skipped', {
      file: relativePath,
      reason: 'too-large',
      bytes: size,
      maxFileBytes,
    });
    return undefined;
  }
  let text: string;
  try {
    text = decodeMarkdown(await readFile(absolute));
  } catch {
    logger.warn('corpus_file_skipped', { file: relativePath, reason: 'invalid-utf8' });
    return undefined;
  }
  if (text.trim() === '') {
    logger.warn('corpus_file_skipped', { file: relativePath, reason: 'empty' });
    return undefined;
  }
  const document = toDocument(relativePath, text, cache);
  if (document.parsed.headings.length === 0) {
    logger.info('corpus_no_headings', {
      file: relativePath,
      note: 'indexed as one section titled by file name',
    });
  }
  return document;
}

/**
 * Loads every `*.md` under `dir` (recursive, sorted by path so ids and order are stable). Bad files —
 * empty, larger than `maxFileBytes`, invalid UTF-8, unreadable — are logged and skipped, never fatal.
 * A missing directory logs an error and yields no documents, so the server still starts (health shows 0).
 */
export async function loadCorpus(options: LoadCorpusOptions): Promise<LoadedDocument[]> {
  const { dir, logger, maxFileBytes = MAX_CORPUS_FILE_BYTES } = options;
  const cache = await openHeadingCache(options.cacheDir, logger);
  let files: string[];
  try {
    files = await listMarkdownFiles(dir);
  } catch (error) {
    logger.error('corpus_dir_unreadable', {
      dir,
      error: error instanceof Error ? error.message : String(error),
    });
    return [];
  }
  const documents: LoadedDocument[] = [];
  for (const file of files) {
    try {
      const document = await readDocument(dir, file, { logger, maxFileBytes, cache });
      if (document) documents.push(document);
    } catch (error) {
      logger.warn('corpus_file_skipped', { file, reason: 'unreadable', error: String(error) });
    }
  }
  await cache.save();
  const parsed = cache.parsed;
  logger.info('corpus_loaded', { dir, files: files.length, documents: documents.length, parsed });
  return documents;
}
