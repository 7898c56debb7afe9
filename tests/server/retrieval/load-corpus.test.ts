import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { loadCorpus } from '../../../server/retrieval/load-corpus.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aipm-corpus-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('loads every Markdown file recursively, sorted by path, with ids from the path', async () => {
    await mkdir(path.join(dir, 'careers'), { recursive: true });
    await writeFile(path.join(dir, 'b.md'), '# B doc\n\ntext');
    await writeFile(path.join(dir, 'careers', 'a.md'), '# A doc\n\ntext');
    await writeFile(path.join(dir, 'notes.txt'), 'not markdown');
    const documents = await loadCorpus({ dir, logger: createMemoryLogger() });
    expect(documents.map((document) => [document.id, document.title, document.path])).toEqual([
      ['b', 'B doc', 'b.md'],
      ['careers/a', 'A doc', 'careers/a.md'],
    ]);
  });

  it('skips a file that is not valid UTF-8 with a log line naming it, and keeps the rest', async () => {
    await writeFile(path.join(dir, 'broken.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    await writeFile(path.join(dir, 'good.md'), '# Good\n\nok');
    const logger = createMemoryLogger();
    const documents = await loadCorpus({ dir, logger });
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        event: 'corpus_file_skipped',
        file: 'broken.md',
        reason: 'invalid-utf8',
      }),
    );
  });

  it('skips empty and oversized files with a reason, never throwing', async () => {
    await writeFile(path.join(dir, 'empty.md'), '  \n\n');
    await writeFile(path.join(dir, 'huge.md'), `# Huge\n\n${'x'.repeat(200)}`);
    const logger = createMemoryLogger();
    const documents = await loadCorpus({ dir, logger, maxFileBytes: 100 });
    expect(documents).toEqual([]);
    const reasons = logger.lines
      .filter((line) => line.event === 'corpus_file_skipped')
      .map((line) => line.reason);
    expect(reasons.sort()).toEqual(['empty', 'too-large']);
  });

  it('strips a BOM and turns CRLF into LF so offsets index the stored text', async () => {
    await writeFile(path.join(dir, 'windows.md'), '\uFEFF# Title\r\n\r\nline one\r\nline two\r\n');
    const [document] = await loadCorpus({ dir, logger: createMemoryLogger() });
    expect(document?.text).toBe('# Title\n\nline one\nline two\n');
    expect(document?.title).toBe('Title');
  });

  it('titles a file without headings by its name and says so in the log', async () => {
    await writeFile(path.join(dir, 'plain-notes.md'), 'Just prose.');
    const logger = createMemoryLogger();
    const [document] = await loadCorpus({ dir, logger });
    expect(document?.title).toBe('plain-notes');
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ event: 'corpus_no_headings', file: 'plain-notes.md' }),
    );
  });

  it('returns no documents and logs an error for a missing directory', async () => {
    const logger = createMemoryLogger();
    expect(await loadCorpus({ dir: path.join(dir, 'missing'), logger })).toEqual([]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', event: 'corpus_dir_unreadable' }),
    );
  });

  it('parses only the files that changed since the last load when given a cache folder', async () => {
    const cacheDir = path.join(dir, 'cache');
    const corpusDir = path.join(dir, 'corpus');
    await mkdir(corpusDir);
    await writeFile(path.join(corpusDir, 'a.md'), '# Apples\n\n## Soil\n\nloam');
    await writeFile(path.join(corpusDir, 'b.md'), '# Pears\n\ntext');
    const parsedBy = (logger: ReturnType<typeof createMemoryLogger>) =>
      logger.lines.find((line) => line.event === 'corpus_loaded')?.parsed;
    const first = createMemoryLogger();
    const before = await loadCorpus({ dir: corpusDir, logger: first, cacheDir });
    const second = createMemoryLogger();
    expect(await loadCorpus({ dir: corpusDir, logger: second, cacheDir })).toEqual(before);
    expect([parsedBy(first), parsedBy(second)]).toEqual([2, 0]);
    await writeFile(path.join(corpusDir, 'b.md'), '# Pears\n\n## Pruning\n\nin winter');
    const third = createMemoryLogger();
    const [, pears] = await loadCorpus({ dir: corpusDir, logger: third, cacheDir });
    expect(parsedBy(third)).toBe(1);
    expect(pears?.parsed.headings.map((heading) => heading.title)).toEqual(['Pears', 'Pruning']);
  });

  it('parses every file again when the cache file is unreadable', async () => {
    const cacheDir = path.join(dir, 'cache');
    await mkdir(cacheDir);
    await writeFile(path.join(cacheDir, 'headings.json'), '{"version":');
    await writeFile(path.join(dir, 'a.md'), '# Apples\n\ntext');
    const logger = createMemoryLogger();
    const [document] = await loadCorpus({ dir, logger, cacheDir });
    expect(document?.title).toBe('Apples');
    expect(logger.lines.find((line) => line.event === 'corpus_loaded')?.parsed).toBe(1);
  });
});
