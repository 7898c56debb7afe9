import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import { SYNTHETIC_DOCUMENTS } from './fixtures/synthetic-corpus.js';

const folders: string[] = [];

async function snapshotFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'aipm-snapshot-'));
  folders.push(folder);
  return folder;
}

function startedWith(logger: ReturnType<typeof createMemoryLogger>): unknown {
  return logger.lines.find((line) => line.event === 'retrieval_indexed')?.snapshot;
}

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('index snapshots', () => {
  it('a second start loads the snapshot the first wrote, and answers exactly as a fresh build does', async () => {
    const snapshotDir = await snapshotFolder();
    const documents = SYNTHETIC_DOCUMENTS;
    const firstLogger = createMemoryLogger();
    const first = await createRetriever({ documents, logger: firstLogger, snapshotDir });
    const secondLogger = createMemoryLogger();
    const second = await createRetriever({ documents, logger: secondLogger, snapshotDir });
    expect(startedWith(firstLogger)).toBe('written');
    expect(startedWith(secondLogger)).toBe('loaded');
    for (const question of [
      'when should apple branches be cut',
      '茶树喜欢什么样的土壤',
      'tea picking season',
    ]) {
      expect(await second.search(question)).toMatchObject({
        answerable: (await first.search(question)).answerable,
        results: (await first.search(question)).results,
      });
    }
  });

  it('a changed document makes a new snapshot and removes the old one', async () => {
    const snapshotDir = await snapshotFolder();
    const documents = SYNTHETIC_DOCUMENTS;
    await createRetriever({ documents, logger: createMemoryLogger(), snapshotDir });
    const [head, ...rest] = documents;
    if (!head) throw new Error('fixture has documents');
    const changed = [
      { ...head, text: `${head.text}\n\n## Mulching\n\nStraw keeps the roots cool.\n` },
      ...rest,
    ];
    const logger = createMemoryLogger();
    const retriever = await createRetriever({ documents: changed, logger, snapshotDir });
    expect(startedWith(logger)).toBe('written');
    expect((await retriever.search('straw mulching')).results[0]?.headings.at(-1)).toBe('Mulching');
    expect((await readdir(snapshotDir)).filter((name) => name.startsWith('index-'))).toHaveLength(1);
  });

  it('an unreadable snapshot is rebuilt, never trusted', async () => {
    const snapshotDir = await snapshotFolder();
    const documents = SYNTHETIC_DOCUMENTS;
    await createRetriever({ documents, logger: createMemoryLogger(), snapshotDir });
    const [file] = await readdir(snapshotDir);
    await writeFile(path.join(snapshotDir, file ?? 'missing'), '{"truncated":');
    const logger = createMemoryLogger();
    await createRetriever({ documents, logger, snapshotDir });
    expect(startedWith(logger)).toBe('written');
    expect(logger.lines.some((line) => line.event === 'index_snapshot_unreadable')).toBe(true);
  });
});
