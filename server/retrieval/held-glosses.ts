import { derivedForms } from './derived-forms.js';
import { stem } from './text.js';

/** One translation and how surely it means the word: the share of the headword's senses that say it. */
export interface Translation {
  text: string;
  share: number;
}

/** More translations than this per word only add noise: dictionaries list rare senses last. */
export const MAX_TRANSLATIONS = 3;

/** A gloss that is one word is the word itself; longer ones only paraphrase it. */
export function glossRank(words: string[], order: number): number {
  return (words.length === 1 ? 0 : words.length) * 10 + Math.min(order, 9);
}

/** What reading a headword's glosses against a corpus consults. */
export interface GlossReader {
  holds(token: string): boolean;
  /** True when the dictionary glosses with this English word: a derived form must be a real word. */
  knowsEnglish(word: string): boolean;
  /** Whether a gloss word the corpus lacks may be read as a derived form it holds (rule `derivedForms`). */
  derive: boolean;
}

/**
 * A gloss word as the corpus writes it: itself when the corpus holds it, else (with `derive`) the first of
 * its derived forms (derived-forms.ts) that the dictionary knows and the corpus holds — 深度's "depth" is
 * "deep" in a text about deep research — else undefined.
 */
function heldWord(word: string, reader: GlossReader): string | undefined {
  if (reader.holds(stem(word))) return word;
  if (!reader.derive) return undefined;
  return derivedForms(word).find((form) => reader.knowsEnglish(form) && reader.holds(stem(form)));
}

/**
 * The English glosses of a headword that the corpus holds whole, best first (one-word glosses, then earlier
 * senses), at most `MAX_TRANSLATIONS`. Senses the corpus cannot hold say nothing about which one the question
 * means: the certainty of a translation is its share of the senses the corpus holds.
 */
export function heldTranslations(glosses: string[][], reader: GlossReader): Translation[] {
  const held = glosses
    .map((gloss, order) => {
      const words = gloss.map((word) => heldWord(word, reader));
      return words.every((word) => word !== undefined) ? { text: words.join(' '), order, gloss } : undefined;
    })
    .filter((found) => found !== undefined)
    .sort((left, right) => glossRank(left.gloss, left.order) - glossRank(right.gloss, right.order));
  return [...new Set(held.map(({ text }) => text))].slice(0, MAX_TRANSLATIONS).map((text) => ({
    text,
    share: held.filter((other) => other.text === text).length / held.length,
  }));
}
