import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { MAX_CONCEPTS } from '../../../server/retrieval/analyze-query.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';
import { SYNTHETIC_DOCUMENTS } from './fixtures/synthetic-corpus.js';

let retriever: ExplainableRetriever;

beforeAll(async () => {
  retriever = await createRetriever({ documents: SYNTHETIC_DOCUMENTS, logger: createMemoryLogger() });
});

async function topIds(question: string, limit = 3): Promise<string[]> {
  const response = await retriever.search(question, { limit });
  expect(response.answerable, question).toBe(true);
  return response.results.map((result) => result.id);
}

describe('a reader asks in the language of the document', () => {
  it('finds the pruning advice of the right fruit among sections sharing a heading', async () => {
    expect((await topIds('How should I prune a pear tree?'))[0]).toBe('orchard.en#pruning-2');
    expect((await topIds('pruning apple branches'))[0]).toBe('orchard.en#pruning');
  });

  it('finds the picking advice of the right tea in Chinese', async () => {
    expect((await topIds('绿茶什么时候采摘？'))[0]).toBe('tea-garden.zh#采摘');
    expect((await topIds('红茶的鲜叶怎么采？'))[0]).toBe('tea-garden.zh#采摘-2');
  });

  it('finds a section by words of its body, not only its heading', async () => {
    expect((await topIds('How do I stop codling moth?'))[0]).toBe('orchard.en#pests-and-diseases');
    expect((await topIds('茶饼病怎么办'))[0]).toBe('tea-garden.zh#病虫害防治');
  });
});

describe('a reader asks in the other language', () => {
  it('reaches the Chinese tea guide from an English question', async () => {
    expect((await topIds('When is green tea picked?'))[0]).toBe('tea-garden.zh#采摘');
    expect((await topIds('How do I fertilize tea?'))[0]).toBe('tea-garden.zh#施肥');
  });

  it('reaches the English orchard guide from a Chinese question', async () => {
    expect((await topIds('梨树怎么修剪'))[0]).toMatch(/^orchard\.en#pruning/);
  });

  it('shows how the question was understood: typed words and their translations', () => {
    const explanation = retriever.explain('When is green tea picked?');
    expect(explanation.language).toBe('en');
    const picked = explanation.concepts.find((concept) => concept.label === 'picked');
    expect(picked?.alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'picked', source: 'typed' }),
        expect.objectContaining({ text: '采摘', source: 'translation' }),
      ]),
    );
    expect(explanation.answerable).toBe(true);
    expect(explanation.ranked[0]?.held).toContain('picked');
  });
});

describe('a reader mistypes', () => {
  it('corrects a misspelt word towards one the corpus holds', async () => {
    expect((await topIds('How do I stop codlng moth?'))[0]).toBe('orchard.en#pests-and-diseases');
    const concept = retriever.explain('codlng').concepts[0];
    expect(concept?.alternatives).toContainEqual(
      expect.objectContaining({ text: 'codling', source: 'spelling' }),
    );
  });
});

describe('a reader asks about something the corpus does not cover', () => {
  it('is told the question is not answerable, in either language', async () => {
    for (const question of [
      'Which violin strings sound warmest?',
      'Who painted the Sistine Chapel ceiling?',
      '象棋开局有哪些套路',
      '钢琴多久调一次音',
    ]) {
      const response = await retriever.search(question);
      expect(response.answerable, question).toBe(false);
    }
  });

  it('is told so when it asks about a shop, a brand or a model by a name the guide never mentions', async () => {
    for (const question of ['Does Costco sell pear trees?', 'How do I store apples in a Frigidaire?']) {
      const response = await retriever.search(question);
      expect(response.answerable, question).toBe(false);
      expect(retriever.explain(question).missingName, question).toBe(true);
    }
  });

  it('is still answered when a section holds most of what it asks and the name is a detail', async () => {
    expect((await topIds('How do I prune apple trees in Tasmania?'))[0]).toBe('orchard.en#pruning');
  });

  it('gets nothing for a question with no searchable words', async () => {
    expect(await retriever.search('？？！！ the of 的')).toMatchObject({ answerable: false, results: [] });
  });
});

describe('results and sections', () => {
  it('carry the id, anchor, headings, document and the exact text of the section', async () => {
    const [first] = (await retriever.search('pear pruning', { limit: 1 })).results;
    expect(first).toMatchObject({
      id: 'orchard.en#pruning-2',
      docId: 'orchard.en',
      docTitle: 'Keeping a Home Orchard',
      anchor: 'pruning-2',
      headings: ['Keeping a Home Orchard', 'Pear Trees', 'Pruning'],
    });
    expect(first?.score).toBeGreaterThan(0);
    expect(retriever.section(first?.id ?? '')?.text).toBe(first?.text);
  });

  it('never returns a heading-only section, though section(id) opens it', async () => {
    const response = await retriever.search('apple trees pear trees 绿茶 红茶', { limit: 50 });
    const ids = response.results.map((result) => result.id);
    for (const outlineOnly of [
      'orchard.en#apple-trees',
      'orchard.en#pear-trees',
      'tea-garden.zh#绿茶',
      'tea-garden.zh#红茶',
    ]) {
      expect(ids).not.toContain(outlineOnly);
      expect(retriever.section(outlineOnly)).toBeDefined();
    }
    expect(retriever.section('orchard.en#apple-trees')?.next?.id).toBe('orchard.en#soil');
  });

  it('shows a section inside its document: offsets, outline and neighbours', () => {
    const section = retriever.section('tea-garden.zh#采摘');
    expect(section?.end).toBe((section?.start ?? 0) + (section?.text.length ?? 0));
    expect(section?.prev?.id).toBe('tea-garden.zh#土壤');
    expect(section?.next?.id).toBe('tea-garden.zh#红茶');
    expect(section?.document.outline.map((entry) => entry.id)).toContain('tea-garden.zh#施肥');
    expect(retriever.section('orchard.en#no-such-section')).toBeUndefined();
  });

  it('respects the limit and echoes the query', async () => {
    const response = await retriever.search('soil', { limit: 2 });
    expect(response.results).toHaveLength(2);
    expect(response.query).toBe('soil');
  });

  it('reports its size', () => {
    expect(retriever.stats.docs).toBe(2);
    expect(retriever.stats.chunks).toBe(18);
  });
});

describe('a pasted 100 kB question', () => {
  const pasted = 'How should I prune a pear tree before winter? '.repeat(2300);

  it('is understood from its start, as a bounded number of concepts', () => {
    expect(pasted.length).toBeGreaterThan(100_000);
    expect(retriever.explain(pasted).concepts.length).toBeLessThanOrEqual(MAX_CONCEPTS);
  });

  it('is still answered from the right section', async () => {
    expect((await topIds(pasted))[0]).toBe('orchard.en#pruning-2');
  });

  it('keeps a question padded with many different words to at most the concept cap', () => {
    const words = Array.from({ length: 20_000 }, (_, at) => `word${at.toString(36)}x`).join(' ');
    expect(retriever.explain(`pear pruning ${words}`).concepts.length).toBeLessThanOrEqual(MAX_CONCEPTS);
  });
});
