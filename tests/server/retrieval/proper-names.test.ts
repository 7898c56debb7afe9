import { describe, expect, it } from 'vitest';
import { namedConcepts, properNames } from '../../../server/retrieval/proper-names.js';

describe('the words a question writes as names', () => {
  it('finds a capitalised word inside an English sentence, as the index would spell it', () => {
    expect(properNames('Does Costco sell pear trees?')).toEqual(new Set(['costco']));
    expect(properNames("Is Bartlett's fruit sweet?")).toEqual(new Set(['bartlett']));
  });

  it("ignores a sentence's first word and abbreviations, which are capitalised for other reasons", () => {
    expect(properNames('Pruning pears: when? Apples too?')).toEqual(new Set());
    expect(properNames('How do I read the NPK on a bag of compost?')).toEqual(new Set());
  });

  it('finds a Latin name inside a Chinese question, wherever it stands', () => {
    expect(properNames('Darjeeling 红茶什么时候采摘')).toEqual(new Set(['darjeeling']));
    expect(properNames('用 A380 运茶叶要多久')).toEqual(new Set(['a380']));
  });

  it('finds no names in a question whose writer capitalises every word', () => {
    expect(properNames('How Should I Prune A Young Pear Tree')).toEqual(new Set());
  });

  it('marks the concepts the question named, a term too when one of its words is the name', () => {
    expect(namedConcepts('Does Costco sell pear trees?', ['costco', 'sell', 'pear tree'])).toEqual([
      true,
      false,
      false,
    ]);
    expect(namedConcepts('Is Comice pear storage hard?', ['comice pear', 'storage'])).toEqual([true, false]);
  });
});
