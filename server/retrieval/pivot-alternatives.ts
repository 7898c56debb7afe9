import type { Alternative } from './analyze-query.js';
import type { PivotSynonyms } from './pivot-synonyms.js';
import { hasHan, tokenize } from './text.js';

/**
 * The ways of saying a word the corpus never uses that pivot synonyms offer (pivot-synonyms.ts): each weighs
 * `weight` times its certainty, and they share it as a word's translations do (÷ √n), so two hops of
 * guessing never outweigh one translation. They are for ranking only: their certainty here is 0, so coverage
 * counts none of them and a concept found only this way is still a word the corpus never uses.
 * `known` are the word's other alternatives: a pivot that says the same tokens adds nothing.
 */
export function pivotAlternatives(
  word: string,
  known: Alternative[],
  pivots: PivotSynonyms,
  weight: number,
): Alternative[] {
  const han = hasHan(word);
  // A single character has dozens of senses: its pivots would be guesses about which one.
  if (han && [...word].length < 2) return [];
  const seen = new Set(known.map(({ tokens }) => tokens.join(' ')));
  const found = (han ? pivots.chinese(word) : pivots.english(word))
    .map((pivot) => ({ pivot, tokens: [...new Set(tokenize(pivot.text))] }))
    .filter(({ tokens }) => {
      // `expense` and `expenses` are one token: the first (surest) says it.
      const key = tokens.join(' ');
      if (tokens.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const ambiguity = Math.sqrt(Math.max(1, found.length));
  return found.map(({ pivot, tokens }) => ({
    text: pivot.text,
    tokens,
    source: 'pivot',
    weight: (weight * pivot.certainty) / ambiguity,
    certainty: 0,
  }));
}
