import type { Translator } from './cross-lingual.js';
import { commonness, hanTokens, isStopword, segmentHan } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Reads a run of Chinese characters as the fewest words. ICU's segmenter cuts words it does not know at odd
 * places (除草|剂), and the translator can only gloss words a dictionary holds, so the question is read with
 * the same dictionary the translator uses, ICU's words counting as words too where no dictionary reading is as
 * short.
 */

/** Longer dictionary entries are idioms and set phrases; a question's words are shorter, and the DP stays linear. */
export const MAX_WORD_CHARS = 8;

/** What a run may be read as. */
export interface Lexicon {
  /** True for a text of 2+ characters that is a word (single characters always are). */
  isWord(word: string): boolean;
  /** True for a word taken on another reader's guess (ICU's): a dictionary reading of as many words wins. */
  isGuess?(word: string): boolean;
  /** How everyday a word is, 0–1: between otherwise equal readings, the more everyday words are likelier. */
  everyday?(word: string): number;
}

/** The best reading of a prefix and where its last word starts. */
interface Step {
  words: number;
  singles: number;
  guesses: number;
  everyday: number;
  from: number;
}

/**
 * Fewer words, then fewer single characters, then fewer guesses, then the more everyday words (a reading
 * through a rare word is the less likely one), then longer words first, as people read.
 */
function better(candidate: Step, current: Step | undefined): boolean {
  if (!current) return true;
  if (candidate.words !== current.words) return candidate.words < current.words;
  if (candidate.singles !== current.singles) return candidate.singles < current.singles;
  if (candidate.guesses !== current.guesses) return candidate.guesses < current.guesses;
  if (candidate.everyday !== current.everyday) return candidate.everyday > current.everyday;
  return candidate.from > current.from;
}

function extend(before: Step, word: string, from: number, lexicon: Lexicon): Step | undefined {
  const single = word.length === 1 || (word.length === 2 && /^[\ud800-\udbff]/.test(word));
  if (!single && !lexicon.isWord(word)) return undefined;
  return {
    words: before.words + 1,
    singles: before.singles + (single ? 1 : 0),
    guesses: before.guesses + (!single && lexicon.isGuess?.(word) ? 1 : 0),
    everyday: before.everyday + (lexicon.everyday?.(word) ?? 0),
    from,
  };
}

/**
 * The words of a Chinese run, left to right: the reading with the fewest words (ties broken as `better`
 * says), each a single character or a lexicon word of 2 to MAX_WORD_CHARS characters. Dynamic programming
 * over character positions: O(length × MAX_WORD_CHARS) lookups.
 */
export function segmentWords(run: string, lexicon: Lexicon): string[] {
  const characters = [...run];
  const best: Array<Step | undefined> = [{ words: 0, singles: 0, guesses: 0, everyday: 0, from: 0 }];
  for (let end = 1; end <= characters.length; end++) {
    // The word grows leftwards one character at a time: no slicing per candidate.
    let word = '';
    for (let start = end - 1; start >= Math.max(0, end - MAX_WORD_CHARS); start--) {
      word = `${characters[start]}${word}`;
      const before = best[start];
      const candidate = before && extend(before, word, start, lexicon);
      if (candidate && better(candidate, best[end])) best[end] = candidate;
    }
  }
  const words: string[] = [];
  for (let end = characters.length; end > 0; ) {
    const from = best[end]?.from ?? end - 1;
    words.unshift(characters.slice(from, end).join(''));
    end = from;
  }
  return words;
}

/** A number or a question about one (三, 几, 多少, 每): a measure word after it counts, it names no topic. */
const NUMBER_WORD = /^[零一二三四五六七八九十百千万亿两几多少每]+$/u;

/**
 * A measure word on its own after a number (几|棵, 多少|株): it says how many, not of what. A number and a
 * measure word read as one word (一年, 三棵) stay: some of them name a span of time, which can be the topic.
 */
function countsThings(word: string, previous: string, translator: ChineseReader['translator']): boolean {
  return [...word].length === 1 && NUMBER_WORD.test(previous) && translator.isClassifier(word);
}

/** The words without measure words that follow a number (几棵果树 asks about fruit trees, not about counting). */
function withoutMeasureWords(words: string[], translator: ChineseReader['translator']): string[] {
  return words.filter((word, at) => !countsThings(word, words[at - 1] ?? '', translator));
}

/** A run as the fewest dictionary, vocabulary or ICU words, dictionary readings preferred. */
function readWords(run: string, icu: string[], reader: ChineseReader): string[] {
  const { translator, vocabulary } = reader;
  const known = (word: string) => translator.knowsChinese(word) || vocabulary.knowsTerm(word);
  const guessed = new Set(icu.filter((word) => !known(word)));
  return segmentWords(run, {
    isWord: (word) => known(word) || guessed.has(word),
    isGuess: (word) => guessed.has(word),
    everyday: commonness,
  });
}

/** What reading a question's Chinese consults, and whether to read it by dictionary (rule `segmentation`). */
export interface ChineseReader {
  translator: Pick<Translator, 'knowsChinese' | 'isClassifier'>;
  vocabulary: Pick<Vocabulary, 'knowsTerm'>;
  segmentation: boolean;
}

/**
 * The words of a question's Chinese run, as concepts are made of them: the fewest dictionary, vocabulary or
 * ICU words without measure words after numbers (or, with segmentation off, ICU's words alone), runs of
 * single characters (评|测) joined back into one word, stopwords and words with no index token dropped.
 */
export function chineseWords(run: string, reader: ChineseReader): string[] {
  const icu = segmentHan(run);
  const read = reader.segmentation
    ? withoutMeasureWords(readWords(run, icu, reader), reader.translator)
    : icu;
  const words: string[] = [];
  let single = '';
  for (const word of read) {
    if ([...word].length === 1 && !isStopword(word)) {
      single += word;
      continue;
    }
    if (single) words.push(single);
    single = '';
    words.push(word);
  }
  if (single) words.push(single);
  return words.filter((word) => !isStopword(word) && hanTokens(word).length > 0);
}
