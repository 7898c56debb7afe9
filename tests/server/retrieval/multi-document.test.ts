import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { buildRetriever, GLOSSARY_FILE } from '../../../server/retrieval/build-retriever.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';
import { SYNTHETIC_DOCUMENTS, SYNTHETIC_FILES } from './fixtures/synthetic-corpus.js';

const WINDFALL_QUESTION = 'What should I do with windfalls?';
const logger = createMemoryLogger();
let dir: string;
let retriever: ExplainableRetriever;

async function corpusDir(files: Record<string, string | Buffer>): Promise<string> {
  const created = await mkdtemp(path.join(tmpdir(), 'aipm-multi-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(created, name), content);
  return created;
}

beforeAll(async () => {
  dir = await corpusDir({
    ...SYNTHETIC_FILES,
    'seed-notes.md': 'Save seeds of heirloom melons in labelled envelopes, dry and dark.\n',
    'broken.md': Buffer.from([0xc3, 0x28]),
    [GLOSSARY_FILE]: JSON.stringify({ groups: [['windfalls', 'fallen fruit']] }),
  });
  retriever = await buildRetriever({ corpusDir: dir, logger });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a corpus directory of several documents', () => {
  it('indexes the good files and says which one it skipped', () => {
    expect(retriever.stats.docs).toBe(3);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ event: 'corpus_file_skipped', file: 'broken.md' }),
    );
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ event: 'retrieval_indexed', documents: 3 }),
    );
  });

  it('finds a document without headings by its text', async () => {
    const response = await retriever.search('How do I keep melon seeds?');
    expect(response.answerable).toBe(true);
    expect(response.results[0]?.id).toBe('seed-notes#preamble');
  });

  it('answers each language from its own document', async () => {
    expect((await retriever.search('pear soil clay')).results[0]?.docId).toBe('orchard.en');
    expect((await retriever.search('红茶 土壤')).results[0]?.docId).toBe('tea-garden.zh');
  });
});

describe("an operator's glossary.json beside the documents", () => {
  it('adds a synonym that lets a question in other words hit the section', async () => {
    const response = await retriever.search(WINDFALL_QUESTION);
    expect(response.answerable).toBe(true);
    expect(response.results[0]?.id).toBe('orchard.en#pests-and-diseases');
    expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'glossary_loaded', groups: 1 }));
  });

  it('is what made the difference: without it the question is not covered', async () => {
    const plain = await createRetriever({ documents: SYNTHETIC_DOCUMENTS, logger: createMemoryLogger() });
    expect((await plain.search(WINDFALL_QUESTION)).answerable).toBe(false);
  });

  it('stops the build when it is malformed: a deploy error, not something to guess around', async () => {
    const broken = await corpusDir({
      ...SYNTHETIC_FILES,
      [GLOSSARY_FILE]: JSON.stringify({ groups: 'windfalls' }),
    });
    try {
      await expect(buildRetriever({ corpusDir: broken, logger: createMemoryLogger() })).rejects.toThrow(
        GLOSSARY_FILE,
      );
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});

describe('switching rules off for ablation changes what is found', () => {
  async function withRules(
    rules: Parameters<typeof createRetriever>[0]['rules'],
  ): Promise<ExplainableRetriever> {
    return createRetriever({ documents: SYNTHETIC_DOCUMENTS, logger: createMemoryLogger(), rules });
  }

  it('without translation an English question no longer reaches the Chinese guide', async () => {
    const question = 'When is green tea picked?';
    expect((await (await withRules({})).search(question)).results[0]?.docId).toBe('tea-garden.zh');
    const response = await (await withRules({ translation: false })).search(question);
    expect(response.answerable).toBe(false);
    expect(response.results.map((result) => result.docId)).not.toContain('tea-garden.zh');
  });

  it('without spelling a typo is no longer corrected', async () => {
    const explanation = (await withRules({ spelling: false })).explain('codlng moth');
    expect(explanation.concepts[0]?.alternatives.map((alternative) => alternative.source)).toEqual(['typed']);
  });

  it('without the vocabulary a glossary synonym is not used', async () => {
    const off = await createRetriever({
      documents: SYNTHETIC_DOCUMENTS,
      glossary: [['windfalls', 'fallen fruit']],
      logger: createMemoryLogger(),
      rules: { vocabulary: false },
    });
    expect((await off.search(WINDFALL_QUESTION)).answerable).toBe(false);
  });

  it('without the heading bonus a section naming the question in its heading scores less', async () => {
    const question = 'pear pruning';
    const withBonus = (await (await withRules({})).search(question)).results[0];
    const without = (await (await withRules({ headings: false })).search(question)).results[0];
    expect(without?.id).toBe(withBonus?.id);
    expect(without?.score ?? 0).toBeLessThan(withBonus?.score ?? 0);
  });

  it('without commonness everyday words weigh as much as rare ones', async () => {
    const question = 'keep codling';
    const weighted = (await withRules({}))
      .explain(question)
      .concepts.find((concept) => concept.label === 'keep');
    const flat = (await withRules({ commonness: false }))
      .explain(question)
      .concepts.find((concept) => concept.label === 'keep');
    expect(weighted?.importance ?? 0).toBeGreaterThan(0);
    expect(flat?.importance ?? 0).toBeGreaterThan(weighted?.importance ?? 0);
  });
});
