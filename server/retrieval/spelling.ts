import { stemWord } from './tokenizer.js';

/** Fixes one-letter typos in the Latin words of a query against the words the retriever knows. */
export interface SpellingCorrector {
  /** The normalized query with each unknown word replaced by its one known neighbour, when there is one. */
  correct(normalized: string): string;
  /** The word a typo stands for, or undefined when the word is known, too short or ambiguous. */
  suggest(word: string): string | undefined;
}

/**
 * Words shorter than this are never corrected, nor proposed: at four letters and below almost every word is
 * one edit away from another (`pain` → `paid`), so a correction would invent topics.
 */
export const MIN_CORRECTED_LENGTH = 5;
const LATIN_WORD = /[a-z]+/g;

function deletions(word: string): string[] {
  return Array.from(word, (_, index) => word.slice(0, index) + word.slice(index + 1));
}

function transpositions(word: string): string[] {
  return Array.from({ length: word.length - 1 }, (_, index) =>
    [word.slice(0, index), word[index + 1], word[index], word.slice(index + 2)].join(''),
  );
}

/**
 * A speller for the two typos that rarely turn one real word into another: a letter missing (`shoud` →
 * `should`, `managment` → `management`) and two letters swapped (`prodcut` → `product`). A wrong letter is
 * left alone: `hiking` is not a typo of `hiring`. `targets`: the words a typo may be corrected to (glossary
 * words and stopwords: what query analysis understands); `alsoKnown`: words never corrected (corpus
 * tokens). A word with two target neighbours stays as typed.
 */
export function createSpellingCorrector(vocabulary: {
  targets: Iterable<string>;
  alsoKnown: Iterable<string>;
}): SpellingCorrector {
  const known = new Set<string>();
  const byDeletion = new Map<string, Set<string>>();
  for (const word of vocabulary.alsoKnown) if (/^[a-z]+$/.test(word)) known.add(word);
  for (const word of vocabulary.targets) {
    if (!/^[a-z]+$/.test(word)) continue;
    known.add(word);
    if (word.length < MIN_CORRECTED_LENGTH) continue;
    for (const key of deletions(word)) {
      const bucket = byDeletion.get(key) ?? new Set<string>();
      bucket.add(word);
      byDeletion.set(key, bucket);
    }
  }
  const suggest = (word: string): string | undefined => {
    if (word.length < MIN_CORRECTED_LENGTH || known.has(word) || known.has(stemWord(word))) return undefined;
    const candidates = new Set<string>([
      ...(byDeletion.get(word) ?? []),
      ...transpositions(word).filter(
        (swapped) => known.has(swapped) && swapped.length >= MIN_CORRECTED_LENGTH,
      ),
    ]);
    return candidates.size === 1 ? [...candidates][0] : undefined;
  };
  return {
    suggest,
    correct: (normalized) => normalized.replace(LATIN_WORD, (word) => suggest(word) ?? word),
  };
}
