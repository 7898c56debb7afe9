import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { buildRetriever } from '../../../server/retrieval/build-retriever.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';

let dir: string;
let retriever: ExplainableRetriever;
const logger = createMemoryLogger();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aipm-multi-'));
  await writeFile(
    path.join(dir, 'interviews.md'),
    '# Interviewing for AI PM roles\n\nPrepare stories.\n\n## Case questions\n\nExpect a metric design case.\n\n## Salary talks\n\nKnow the market band.\n',
  );
  await writeFile(path.join(dir, 'reading-list.md'), 'Books on machine learning for product people.\n');
  await writeFile(path.join(dir, 'broken.md'), Buffer.from([0xc3, 0x28]));
  retriever = await buildRetriever({ corpusDir: dir, logger, glossaryPath: path.join(dir, 'none.json') });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a corpus of several documents', () => {
  it('indexes the good files and says which one it skipped', () => {
    expect(retriever.stats.docs).toBe(2);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ event: 'corpus_file_skipped', file: 'broken.md' }),
    );
    expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'glossary_missing' }));
  });

  it('finds a section by its heading and another document without headings by its text', async () => {
    const salary = await retriever.search('salary talks');
    expect(salary.results[0]?.id).toBe('interviews#salary-talks');
    const books = await retriever.search('machine learning books');
    expect(books.results[0]?.id).toBe('reading-list#preamble');
    expect(books.answerable).toBe(true);
  });

  it('uses the document title as context for its sections', async () => {
    const response = await retriever.search('interviewing case questions');
    expect(response.results[0]?.id).toBe('interviews#case-questions');
  });

  it('explains a ranking: concepts, coverage and the answerable verdict', () => {
    const explanation = retriever.explain('salary talks');
    expect(explanation.concepts.map((concept) => concept.label)).toEqual(['salary', 'talks', 'salary talk']);
    expect(explanation.answerable).toBe(true);
    expect(explanation.ranked[0]?.id).toBe('interviews#salary-talks');
  });
});
