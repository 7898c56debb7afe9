import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../../server/retrieval/text.js';
import { createVocabulary, domainGroups, readGlossary } from '../../../server/retrieval/vocabulary.js';

const vocabulary = createVocabulary([
  ['fruit tree', 'fruit trees', '果树'],
  ['fruit', '水果'],
  ['tree', '树木'],
  ['mulch', 'mulching', '覆盖物'],
  ['fly', 'flies'],
]);

function terms(question: string): string[] {
  return vocabulary.match(normalize(question)).map((match) => match.term);
}

describe('the vocabulary finds terms in a question', () => {
  it('prefers the longest term and never overlaps matches', () => {
    expect(terms('How far apart should fruit trees stand?')).toEqual(['fruit trees']);
    expect(terms('fruit on an old tree')).toEqual(['fruit', 'tree']);
  });

  it('matches Latin terms only at word boundaries', () => {
    expect(terms('a butterfly in the garden')).toEqual([]);
    expect(terms('flies near the hive')).toEqual(['flies']);
  });

  it('matches Chinese terms inside a run of characters', () => {
    expect(terms('果树什么时候修剪')).toEqual(['果树']);
  });

  it('gives every name of the concept in both languages, in order of the question', () => {
    const [first, second] = vocabulary.match(normalize('Mulching under 果树'));
    expect(first?.names).toEqual(expect.arrayContaining(['mulch', 'mulching', '覆盖物']));
    expect(second?.names).toEqual(expect.arrayContaining(['fruit tree', '果树']));
    expect(first?.start).toBeLessThan(second?.start ?? 0);
  });

  it('joins groups that share a name into one concept', () => {
    const joined = createVocabulary([
      ['pome', 'apple family'],
      ['apple family', '仁果类'],
    ]);
    expect(joined.match('pome')[0]?.names).toEqual(expect.arrayContaining(['apple family', '仁果类']));
  });

  it('finds a Latin term in any inflection of its words', () => {
    const garden = createVocabulary([
      ['cover crop', '覆盖作物'],
      ['prune', '修剪'],
      ['hedges', '树篱'],
    ]);
    const found = (question: string) => garden.match(normalize(question)).map((match) => match.term);
    expect(found('Which cover crops suit clay?')).toEqual(['cover crop']);
    expect(found('pruning an old pear')).toEqual(['prune']);
    expect(found('a pruned branch')).toEqual(['prune']);
    expect(found('one hedge or two')).toEqual(['hedges']);
    expect(garden.match(normalize('pruning'))[0]?.names).toContain('修剪');
  });

  it('does not take a different word with the same stem for a term', () => {
    const factory = createVocabulary([['product', '产品']]);
    expect(factory.match(normalize('production lines'))).toEqual([]);
  });

  it('matches only the listed forms when inflections are switched off', () => {
    const garden = createVocabulary([['prune', '修剪']]);
    expect(garden.match(normalize('pruning'), { inflections: false })).toEqual([]);
  });

  it('knows its names, so Chinese can be read as them', () => {
    expect(vocabulary.knowsTerm('果树')).toBe(true);
    expect(vocabulary.knowsTerm('果')).toBe(false);
  });

  it('knows the Latin words of its terms so the speller can correct towards them', () => {
    expect(vocabulary.knowsWord('mulch')).toBe(true);
    expect(vocabulary.knowsWord('banana')).toBe(false);
  });

  it('ships a bilingual vocabulary of its own', () => {
    const shipped = domainGroups();
    expect(shipped.length).toBeGreaterThan(50);
    expect(
      shipped.some(
        (group) =>
          group.some((name) => /\p{Script=Han}/u.test(name)) && group.some((name) => /[a-z]/.test(name)),
      ),
    ).toBe(true);
  });
});

describe('an operator glossary file', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aipm-glossary-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds its groups to the vocabulary', async () => {
    const file = path.join(dir, 'glossary.json');
    await writeFile(file, JSON.stringify({ groups: [['windfall', 'fallen fruit', '落果']] }));
    const groups = await readGlossary(file);
    const extended = createVocabulary([...domainGroups(), ...groups]);
    expect(extended.size).toBeGreaterThan(createVocabulary(domainGroups()).size);
    expect(extended.match('what to do with a windfall')[0]?.names).toContain('落果');
  });

  it('throws naming the file when it is malformed', async () => {
    const single = path.join(dir, 'single.json');
    await writeFile(single, JSON.stringify({ groups: [['lonely']] }));
    await expect(readGlossary(single)).rejects.toThrow(single);
    const notJson = path.join(dir, 'broken.json');
    await writeFile(notJson, '{ groups: ');
    await expect(readGlossary(notJson)).rejects.toThrow();
    const wrongShape = path.join(dir, 'shape.json');
    await writeFile(wrongShape, JSON.stringify({ terms: { a: 'b' } }));
    await expect(readGlossary(wrongShape)).rejects.toThrow(wrongShape);
  });
});
