import { count, create, insertMultiple, type Tokenizer } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { createExactTerms } from '../../../server/retrieval/exact-terms.js';
import { createTokenizer, tokenize } from '../../../server/retrieval/text.js';

const ROWS = [
  { id: 'apple', title: 'Apple pruning', body: 'Prune apple trees in winter; pruning opens the crown.' },
  { id: 'pear', title: 'Pear soil', body: 'Pears like clay soil, apples like loam. Apple apple apple.' },
  { id: 'tea', title: '茶树土壤', body: '茶树喜欢酸性土壤，采摘在春季。' },
  { id: 'empty', title: '', body: 'Applesauce and appletini are not apples.' },
];
const OPTIONS = {
  properties: ['title', 'body'],
  boosts: { title: 3, body: 1 },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
};
/** Orama's own exact search takes query tokens as they are. */
const AS_GIVEN: Tokenizer = {
  language: 'english',
  normalizationCache: new Map(),
  tokenize: (raw) => raw.split('\n'),
};

async function orchard() {
  const db = create({
    schema: { title: 'string', body: 'string' } as const,
    components: { tokenizer: createTokenizer() },
  });
  await insertMultiple(db, ROWS);
  const exact = createExactTerms(
    db,
    ROWS.map((row) => row.id),
    { ...OPTIONS, docsCount: count(db) },
  );
  return { db, exact };
}

describe('exact-term search over the Orama index', () => {
  it('scores each section exactly as Orama’s own exact search does, to the last bit', async () => {
    const { db, exact } = await orchard();
    for (const tokens of [['appl'], ['appl', 'prune', 'soil'], ['土壤', '茶树'], ['winter', 'unknown']]) {
      const hits = db.index.search(
        db.data.index,
        tokens.join('\n'),
        AS_GIVEN,
        undefined,
        OPTIONS.properties,
        true,
        0,
        OPTIONS.boosts,
        OPTIONS.bm25,
        count(db),
        undefined,
        1,
      );
      const expected = new Map(hits.map(([internalId, score]) => [internalId - 1, score]));
      expect(new Map([...exact.score(tokens)].sort(([left], [right]) => left - right))).toEqual(
        new Map([...expected].sort(([left], [right]) => left - right)),
      );
    }
  });

  it('with a limit keeps what a cut of Orama’s sorted hits keeps, equal scores going to the section met first', async () => {
    const { exact } = await orchard();
    const all = [...exact.score(['appl', '茶树', '土壤'])];
    const sorted = [...all].sort((left, right) => right[1] - left[1]);
    for (const limit of [1, 2, 3, 10]) {
      expect([...exact.score(['appl', '茶树', '土壤'], limit).keys()].sort()).toEqual(
        sorted
          .slice(0, limit)
          .map(([position]) => position)
          .sort(),
      );
    }
  });

  it('among sections that score the same, a limit keeps the ones indexed first', async () => {
    const db = create({
      schema: { title: 'string', body: 'string' } as const,
      components: { tokenizer: createTokenizer() },
    });
    const ids = ['first', 'second', 'third', 'fourth'];
    await insertMultiple(
      db,
      ids.map((id) => ({ id, title: 'Soil', body: 'Soil and stones.' })),
    );
    const exact = createExactTerms(db, ids, { ...OPTIONS, docsCount: count(db) });
    expect([...exact.score(['soil'], 2).keys()].sort()).toEqual([0, 1]);
    expect([...exact.score(['soil'], 3).keys()].sort()).toEqual([0, 1, 2]);
  });

  it('finds a word, never the longer words that begin with it', async () => {
    const { exact } = await orchard();
    expect([...exact.score(['appl']).keys()].sort()).toEqual([0, 1, 3]);
    expect([...exact.score(['applesauc']).keys()]).toEqual([3]);
    expect(exact.score(['app']).size).toBe(0);
  });

  it('reads a section’s token counts back from the index, as tokenizing its text would give them', async () => {
    const { exact } = await orchard();
    ROWS.forEach((row, position) => {
      for (const field of ['title', 'body'] as const) {
        const tokens = tokenize(row[field]);
        const counts = exact.counts(position, field);
        for (const token of new Set(tokens))
          expect(counts.get(token)).toBe(tokens.filter((other) => other === token).length);
        expect(counts.get('nowhere')).toBeUndefined();
        expect(counts.get('constructor')).toBeUndefined();
      }
    });
  });
});
