import type { Work } from './pacer.js';
import { stem } from './text.js';

/** A dictionary entry as the pivot reads it: a headword and its English glosses, as stems. */
export interface GlossedEntry {
  headword: string;
  /** Each gloss's content words, as typed. */
  glosses: string[][];
}

/** A same-language synonym reached through the other language, and how surely it means the word. */
export interface PivotSynonym {
  text: string;
  /** The product of the two hops' certainties (see `pivotSynonymsWork`), 0–1. */
  certainty: number;
}

/** Synonyms by pivoting through CC-CEDICT, limited to words the corpus holds. */
export interface PivotSynonyms {
  /** English words of the corpus that a Chinese headword glosses beside this English word (en → zh → en). */
  english(word: string): PivotSynonym[];
  /** Chinese words of the corpus that share a one-word English gloss with this Chinese word (zh → en → zh). */
  chinese(word: string): PivotSynonym[];
}

/** One one-word sense of a headword: its word, stem and the share of the headword's glosses that say it. */
interface Sense {
  word: string;
  stem: string;
  share: number;
}

interface PivotEntry {
  headword: string;
  senses: Sense[];
}

/** More pivot synonyms than this per word are the dictionary's rarer senses: noise. */
export const MAX_PIVOTS = 3;
/**
 * A one-word gloss that more headwords than this share (`make`, `do`, `heavy`) is too general to carry a
 * synonym: the words it joins share a vague sense, not a meaning (~the 99th percentile of CC-CEDICT's
 * headwords per one-word gloss).
 */
export const MAX_GLOSS_HEADWORDS = 20;

/** A headword's distinct one-word senses, each with its share of all the headword's glosses. */
function sensesOf(entry: GlossedEntry, stems: string[][]): Sense[] {
  const senses = new Map<string, Sense>();
  entry.glosses.forEach((gloss, order) => {
    const only = stems[order]?.[0];
    if (gloss.length !== 1 || !gloss[0] || !only || senses.has(only)) return;
    const share = stems.filter((words) => words.includes(only)).length / stems.length;
    senses.set(only, { word: gloss[0], stem: only, share });
  });
  return [...senses.values()];
}

/** The surest synonyms, surest first, at most `MAX_PIVOTS`. */
function best(found: Map<string, number>): PivotSynonym[] {
  return [...found]
    .map(([text, certainty]) => ({ text, certainty }))
    .sort((left, right) => right.certainty - left.certainty || left.text.localeCompare(right.text))
    .slice(0, MAX_PIVOTS);
}

/** Each headword (or sense) that joins the two words is one more witness: 1 − Π(1 − certainty). */
function keep(found: Map<string, number>, text: string, certainty: number): void {
  found.set(text, 1 - (1 - (found.get(text) ?? 0)) * (1 - certainty));
}

/**
 * Indexes the headwords of two or more characters by each of their one-word senses, so a word reaches its
 * synonyms through the other language: `english("trim")` → 修剪 → `prune`, and `chinese("剪枝")` →
 * "prune" → 修剪. A pivot's certainty is the product of its hops' certainties — the share of the headword's
 * glosses that say the first word times the share that say the second — and each further headword (or, from
 * Chinese, each further shared gloss) that joins the two words makes the synonym surer (`keep`).
 * Headwords of one character (作, 干: dozens of senses) and glosses shared by more than `MAX_GLOSS_HEADWORDS`
 * headwords carry no pivot.
 */
export function* pivotSynonymsWork(
  entries: GlossedEntry[],
  stemsOf: (entry: GlossedEntry) => string[][],
  holds: (token: string) => boolean,
  holdsHan: (word: string) => boolean,
): Work<PivotSynonyms> {
  const bySense = new Map<string, PivotEntry[]>();
  const byHeadword = new Map<string, PivotEntry>();
  for (const entry of entries) {
    yield;
    if ([...entry.headword].length < 2 || !entry.glosses.some((gloss) => gloss.length === 1)) continue;
    const senses = sensesOf(entry, stemsOf(entry));
    if (senses.length === 0) continue;
    const pivot = { headword: entry.headword, senses };
    byHeadword.set(entry.headword, pivot);
    for (const sense of senses) {
      const list = bySense.get(sense.stem);
      if (list) list.push(pivot);
      else bySense.set(sense.stem, [pivot]);
    }
  }
  const through = (key: string) => {
    const list = bySense.get(key) ?? [];
    return list.length > MAX_GLOSS_HEADWORDS ? [] : list;
  };
  return {
    english(word) {
      const key = stem(word);
      const found = new Map<string, number>();
      for (const { senses } of through(key)) {
        const first = senses.find((sense) => sense.stem === key);
        for (const other of senses) {
          if (!first || other.stem === key || !holds(other.stem) || through(other.stem).length === 0)
            continue;
          keep(found, other.word, first.share * other.share);
        }
      }
      return best(found);
    },
    chinese(word) {
      const found = new Map<string, number>();
      for (const sense of byHeadword.get(word)?.senses ?? []) {
        for (const { headword, senses } of through(sense.stem)) {
          if (headword === word || !holdsHan(headword)) continue;
          const second = senses.find((other) => other.stem === sense.stem);
          keep(found, headword, sense.share * (second?.share ?? 0));
        }
      }
      return best(found);
    },
  };
}
