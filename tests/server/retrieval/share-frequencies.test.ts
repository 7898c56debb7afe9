import { count, create, insertMultiple } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { createExactTerms } from '../../../server/retrieval/exact-terms.js';
import { runNow } from '../../../server/retrieval/pacer.js';
import { shareFrequencyRecords } from '../../../server/retrieval/share-frequencies.js';
import { createTokenizer } from '../../../server/retrieval/text.js';

/** A small handbook: every section repeats the handbook's title, two share a parent heading. */
const ROWS = [
  { id: 'watering', doc: 'Balcony garden handbook', parents: 'Herbs', body: 'Water basil every morning.' },
  { id: 'pruning', doc: 'Balcony garden handbook', parents: 'Herbs', body: 'Pinch mint above a leaf pair.' },
  { id: 'pots', doc: 'Balcony garden handbook', parents: 'Containers', body: 'Clay pots dry out quickly.' },
  { id: 'tea', doc: '阳台花园手册', parents: '香草', body: '薄荷喜欢湿润的土壤。' },
];
const OPTIONS = {
  properties: ['doc', 'parents', 'body'],
  boosts: { doc: 0.5, parents: 1.5, body: 1 },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
};
type Records = Record<string, Record<number, object | undefined>>;

async function handbook() {
  const db = create({
    schema: { doc: 'string', parents: 'string', body: 'string' } as const,
    components: { tokenizer: createTokenizer() },
  });
  await insertMultiple(db, ROWS);
  const exact = () =>
    createExactTerms(
      db,
      ROWS.map((row) => row.id),
      { ...OPTIONS, docsCount: count(db) },
    );
  const records = () => (db.data.index as unknown as { frequencies: Records }).frequencies;
  return { db, exact, records };
}

describe('sharing repeated frequency records', () => {
  it('lets sections that repeat a title or parent heading hold one record for it', async () => {
    const { db, records } = await handbook();
    runNow(shareFrequencyRecords(db, ['doc', 'parents']));
    const { doc, parents, body } = records();
    expect(doc?.[1]).toBe(doc?.[2]);
    expect(doc?.[1]).toBe(doc?.[3]);
    expect(doc?.[1]).not.toBe(doc?.[4]);
    expect(parents?.[1]).toBe(parents?.[2]);
    expect(parents?.[1]).not.toBe(parents?.[3]);
    // Fields not asked for keep their own records.
    expect(body?.[1]).not.toBe(body?.[2]);
  });

  it('leaves every score and term count as it was', async () => {
    const { db, exact } = await handbook();
    const queries = [['balconi', 'herb'], ['garden', 'pot'], ['香草', '薄荷'], ['handbook']];
    const before = exact();
    const scores = queries.map((tokens) => before.score(tokens));
    const counts = ROWS.map((_, position) => before.counts(position, 'doc').get('garden'));
    runNow(shareFrequencyRecords(db, ['doc', 'parents']));
    const after = exact();
    expect(queries.map((tokens) => after.score(tokens))).toEqual(scores);
    expect(ROWS.map((_, position) => after.counts(position, 'doc').get('garden'))).toEqual(counts);
    expect(counts).toEqual([1, 1, 1, undefined]);
  });
});
