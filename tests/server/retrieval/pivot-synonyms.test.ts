import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import { runNow } from '../../../server/retrieval/pacer.js';
import {
  type GlossedEntry,
  MAX_GLOSS_HEADWORDS,
  MAX_PIVOTS,
  pivotSynonymsWork,
} from '../../../server/retrieval/pivot-synonyms.js';
import { stem } from '../../../server/retrieval/text.js';
import type { ExplainableRetriever, SourceDocument } from '../../../server/retrieval/types.js';

/** A pretend dictionary: each headword with its one-word English glosses. */
function entries(glosses: Record<string, string[]>): GlossedEntry[] {
  return Object.entries(glosses).map(([headword, words]) => ({
    headword,
    glosses: words.map((word) => [word]),
  }));
}

/** Pivot synonyms over a pretend dictionary and a pretend corpus holding these English words and Chinese words. */
function pivotsFor(dictionary: GlossedEntry[], english: string[], chinese: string[] = []) {
  const held = new Set(english.map(stem));
  return runNow(
    pivotSynonymsWork(
      dictionary,
      (entry) => entry.glosses.map((gloss) => gloss.map(stem)),
      (token) => held.has(token),
      (word) => chinese.includes(word),
    ),
  );
}

const texts = (list: Array<{ text: string }>) => list.map(({ text }) => text);

describe('a word reaches its synonyms through the other language', () => {
  const dictionary = entries({ 修剪: ['prune', 'trim'], 剪枝: ['prune'], 灌溉: ['irrigate'] });

  it('finds the English word the corpus uses for a word it never uses', () => {
    expect(texts(pivotsFor(dictionary, ['prune']).english('trim'))).toEqual(['prune']);
    expect(texts(pivotsFor(dictionary, ['prune']).english('trimming'))).toEqual(['prune']);
  });

  it('offers nothing the corpus does not hold, and never the word itself', () => {
    expect(pivotsFor(dictionary, ['irrigate']).english('trim')).toEqual([]);
    expect(
      pivotsFor(dictionary, ['prune', 'trim'])
        .english('trim')
        .map(({ text }) => text),
    ).toEqual(['prune']);
  });

  it('finds the Chinese word of the corpus that shares a sense with a Chinese word', () => {
    expect(texts(pivotsFor(dictionary, [], ['修剪']).chinese('剪枝'))).toEqual(['修剪']);
    expect(pivotsFor(dictionary, [], ['灌溉']).chinese('剪枝')).toEqual([]);
  });

  it('is less sure of a synonym joined by a headword of many senses', () => {
    const pivots = pivotsFor(
      entries({ 修剪: ['prune', 'trim'], 整理: ['trim', 'arrange', 'sort', 'tidy'] }),
      ['prune', 'tidy'],
    );
    const certainty = (text: string) =>
      pivots.english('trim').find((pivot) => pivot.text === text)?.certainty;
    expect(certainty('prune')).toBeCloseTo(0.25);
    expect(certainty('tidy')).toBeCloseTo(0.0625);
    expect(texts(pivots.english('trim'))).toEqual(['prune', 'tidy']);
  });

  it('is surer of a synonym that several headwords join', () => {
    const dictionary = entries({ 修剪: ['prune', 'trim'], 修枝: ['prune', 'trim'], 整理: ['trim', 'tidy'] });
    const pivots = pivotsFor(dictionary, ['prune', 'tidy']);
    const certainty = (text: string) =>
      pivots.english('trim').find((pivot) => pivot.text === text)?.certainty;
    expect(certainty('tidy')).toBeCloseTo(0.25);
    expect(certainty('prune')).toBeCloseTo(1 - 0.75 * 0.75);
  });

  it('offers a few synonyms at most', () => {
    const many = entries({ 甲乙: ['trim', 'cut', 'clip', 'crop', 'shear', 'pare'] });
    expect(pivotsFor(many, ['cut', 'clip', 'crop', 'shear', 'pare']).english('trim')).toHaveLength(
      MAX_PIVOTS,
    );
  });

  it('pivots through no gloss that too many headwords share, nor through a single character', () => {
    const vague: Record<string, string[]> = { 单: ['make', 'build'] };
    for (let at = 0; at <= MAX_GLOSS_HEADWORDS; at++)
      vague[`造${String.fromCharCode(0x4e00 + at)}`] = ['make'];
    vague.建造 = ['make', 'build'];
    expect(pivotsFor(entries(vague), ['build']).english('make')).toEqual([]);
    expect(pivotsFor(entries({ 单: ['make', 'build'] }), ['build']).english('make')).toEqual([]);
  });
});

/** An orchard guide that says "prune" and never "trim"; its shorter watering section names pear trees too. */
const ORCHARD: SourceDocument = {
  id: 'orchard.en',
  title: 'Orchard',
  path: 'orchard.en.md',
  text: `# Orchard

## Cutting back

Prune pear trees in late winter and remove crossing branches.

## Watering

Water young pear trees deeply in dry weeks.
`,
};

describe('a reader asks with a word the guide never uses', () => {
  let withPivots: ExplainableRetriever;
  let withoutPivots: ExplainableRetriever;

  beforeAll(async () => {
    const logger = createMemoryLogger();
    withPivots = await createRetriever({ documents: [ORCHARD], logger });
    withoutPivots = await createRetriever({ documents: [ORCHARD], logger, rules: { pivotSynonyms: false } });
  });

  it('ranks first the section that says it in the guide’s own word', () => {
    const question = 'when to trim pear trees';
    expect(withoutPivots.explain(question).ranked[0]?.id).toBe('orchard.en#watering');
    expect(withPivots.explain(question).ranked[0]?.id).toBe('orchard.en#cutting-back');
  });

  it('still hears the guide as silent on a question it meets only through such a guess', async () => {
    const explanation = withPivots.explain('trim');
    const trim = explanation.concepts.find((concept) => concept.label === 'trim');
    expect(trim?.alternatives).toContainEqual(expect.objectContaining({ text: 'prune', source: 'pivot' }));
    expect(explanation.unseen).toBe(1);
    expect((await withPivots.search('trim')).answerable).toBe(false);
  });
});
