import { describe, expect, it } from 'vitest';
import { createSpellingCorrector } from '../../../server/retrieval/spelling.js';

const speller = createSpellingCorrector({
  targets: ['should', 'management', 'product', 'hiring', 'traits', 'engineer'],
  alsoKnown: ['sourdough'],
});

describe('correcting typos in questions', () => {
  it('restores a missing letter and two swapped letters', () => {
    expect(speller.suggest('shoud')).toBe('should');
    expect(speller.suggest('managment')).toBe('management');
    expect(speller.suggest('prodcut')).toBe('product');
    expect(speller.correct('what shoud a prodcut managment team do')).toBe(
      'what should a product management team do',
    );
  });

  it('leaves real words alone even when one letter away from a known word', () => {
    expect(speller.suggest('hiking')).toBeUndefined();
    expect(speller.suggest('trails')).toBeUndefined();
    expect(speller.correct('best hiking trails')).toBe('best hiking trails');
  });

  it('never touches short words, known words or words the corpus uses', () => {
    expect(speller.suggest('wat')).toBeUndefined();
    expect(speller.suggest('engineer')).toBeUndefined();
    expect(speller.suggest('sourdough')).toBeUndefined();
  });
});
