import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import { breadsEn, breadsZh, gardenNotes } from './fixtures/template-corpus.js';

const build = (documents = [breadsEn, breadsZh, gardenNotes]) =>
  createRetriever({ documents, logger: createMemoryLogger() });

describe('the guide outline', () => {
  it('lists every document with its sections in reading order, language and edition keys', async () => {
    const { documents } = (await build()).outline?.() ?? { documents: [] };
    expect(documents.map((document) => [document.id, document.lang])).toEqual([
      ['breads.en', 'en'],
      ['breads.zh', 'zh'],
      ['garden', 'en'],
    ]);
    const english = documents[0]?.outline ?? [];
    const chinese = documents[1]?.outline ?? [];
    expect(english.map((entry) => entry.headings.at(-1)).slice(0, 4)).toEqual([
      'Home Baking',
      'Kinds of Bread',
      '1. Sourdough',
      'Flour',
    ]);
    // A heading with no text of its own is structure only; aligned editions share a key.
    expect(english[1]).toMatchObject({ depth: 2, hasText: false });
    expect(english[3]?.hasText).toBe(true);
    expect(chinese[3]?.key).toBe(english[3]?.key);
  });
});

describe('compare groups', () => {
  it('lays out siblings sharing sub-headings as a table, rows the sub-headings, columns the siblings', async () => {
    const { groups } = (await build()).compare?.() ?? { groups: [] };
    const english = groups.find((group) => group.docId === 'breads.en');
    expect(english?.headings).toEqual(['Home Baking', 'Kinds of Bread']);
    // The sibling that follows no template is not a column.
    expect(english?.columns.map((column) => column.title)).toEqual([
      '1. Sourdough',
      '2. Brioche',
      '3. Baguette',
    ]);
    expect(english?.rows.map((row) => row.title)).toEqual(['Flour', 'Rise Time', 'Crust', 'Best For']);
    const bestFor = english?.rows[3]?.cells ?? [];
    expect(bestFor[0]).toEqual({ id: 'breads.en#best-for', excerpt: 'Toast and open sandwiches.' });
    expect(bestFor[2]).toBeNull();
  });

  it('finds the same table in the other edition, in its language', async () => {
    const { groups } = (await build()).compare?.() ?? { groups: [] };
    const chinese = groups.find((group) => group.docId === 'breads.zh');
    expect(chinese?.lang).toBe('zh');
    expect(chinese?.rows.map((row) => row.title)).toEqual(['面粉', '发酵时间', '外皮', '适合']);
  });

  it('offers no table for a corpus without such structure', async () => {
    const retriever = await build([gardenNotes]);
    expect(retriever.compare?.().groups).toEqual([]);
  });
});

describe('a question asked from a section', () => {
  it('favours the scoped section and its neighbours over an equally good match elsewhere', async () => {
    const retriever = await build([breadsEn]);
    const plain = await retriever.search('flour', { limit: 3 });
    const scoped = await retriever.search('flour', { limit: 3, scopeSectionId: 'breads.en#3-baguette' });
    expect(scoped.results[0]?.id).toBe('breads.en#flour-3');
    expect(plain.results[0]?.id).not.toBe('breads.en#flour-3');
    expect(scoped.answerable).toBe(plain.answerable);
  });

  it('never lifts a neighbour the question does not match', async () => {
    const retriever = await build([breadsEn]);
    const scoped = await retriever.search('weigh water', {
      limit: 5,
      scopeSectionId: 'breads.en#3-baguette',
    });
    expect(scoped.results[0]?.id).toBe('breads.en#scale');
  });
});
