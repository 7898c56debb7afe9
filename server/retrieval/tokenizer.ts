import type { Tokenizer } from '@orama/orama';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as mandarinStopwords } from '@orama/stopwords/mandarin';

/** Words the Orama English list lacks but questions are full of. */
const EXTRA_STOPWORDS = ['a', 's', 't', 'also', 'just', 'yet', 'via', 'etc', 'e.g', 'i.e', 'vs.'];
const STOPWORDS = new Set<string>([...englishStopwords, ...mandarinStopwords, ...EXTRA_STOPWORDS]);
/** Bigrams holding a particle are glue between words, never a word of their own. */
const PARTICLES = /[的了吗呢吧啊么是和与或]/u;
const JOINERS = /[-/.&+']/;
const HAN_RUN = /\p{Script=Han}+/gu;
/** Latin-like words, keeping inner joiners so `A/B`, `Win-rate` and `B2B` stay findable whole; `≠` is a word. */
const WORD = /[\p{L}\p{N}]+(?:[-/.&+'][\p{L}\p{N}]+)*|≠/gu;
/** Symbols that say something (`模型 ≠ 产品`): indexed as words. */
const SYMBOL_WORDS = new Set(['≠']);
const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** A piece of normalized text with its position, as the query analyzer needs it. */
export interface TextPiece {
  kind: 'han' | 'word';
  text: string;
  start: number;
  end: number;
}

/** Lowercase + NFKC (full-width letters and brackets fold to ASCII). Offsets may shift: index side only. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('’', "'");
}

/** Lowercase + NFKC per character, so offsets into the result match the input one to one (query side). */
export function normalizeText(text: string): string {
  let normalized = '';
  for (const character of text) {
    const folded = character === '’' ? "'" : character.normalize('NFKC').toLowerCase();
    normalized += [...folded].length === 1 && folded.length === character.length ? folded : character;
  }
  return normalized;
}

/** Every stopword, English and Mandarin: the speller must know them as words (`shoud` → `should`). */
export function stopwords(): ReadonlySet<string> {
  return STOPWORDS;
}

/** True for words that carry no topic: English and Mandarin function words. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** A light English plural folding (`deliverables` → `deliverable`), applied to index and query alike. */
export function stemWord(word: string): string {
  if (word.length <= 3 || HAN.test(word) || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Splits normalized text into Han runs and Latin-like words, in order. */
export function splitPieces(normalized: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const match of normalized.matchAll(WORD)) {
    const text = match[0];
    const start = match.index;
    let offset = 0;
    // WORD also matches Han letters: cut each match into Han runs and the words between them.
    for (const run of text.matchAll(HAN_RUN)) {
      if (run.index > offset) pushWords(pieces, text.slice(offset, run.index), start + offset);
      pieces.push({
        kind: 'han',
        text: run[0],
        start: start + run.index,
        end: start + run.index + run[0].length,
      });
      offset = run.index + run[0].length;
    }
    if (offset < text.length) pushWords(pieces, text.slice(offset), start + offset);
  }
  return pieces;
}

function pushWords(pieces: TextPiece[], text: string, start: number): void {
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(/^[-/.&+']+|[-/.&+']+$/g, '');
    if (word)
      pieces.push({
        kind: 'word',
        text: word,
        start: start + match.index,
        end: start + match.index + word.length,
      });
  }
}

/** The ICU words of a Han run, with their offsets inside the run. */
export function segmentHan(run: string): Array<{ text: string; start: number }> {
  return [...segmenter.segment(run)].map((segment) => ({ text: segment.segment, start: segment.index }));
}

/** True for a character pair that only glues words together (`的主`, `什么`): never indexed. */
export function isGlueBigram(bigram: string): boolean {
  return STOPWORDS.has(bigram) || PARTICLES.test(bigram);
}

/** Adjacent-character pairs of a Han run, minus glue pairs: they recover words ICU splits (评|测, 闭|环). */
export function hanBigrams(run: string): string[] {
  const characters = [...run];
  if (characters.length === 1) return isStopword(run) ? [] : [run];
  const bigrams: string[] = [];
  for (let index = 0; index + 1 < characters.length; index++) {
    const bigram = `${characters[index]}${characters[index + 1]}`;
    if (!isGlueBigram(bigram)) bigrams.push(bigram);
  }
  return bigrams;
}

/**
 * Domain compounds indexed whole and never as their inner pairs: 产品经理 (product manager) would
 * otherwise hold 产品 (product), and every PM heading would answer questions about products.
 */
const COMPOUNDS = ['产品经理'];

/** Bigrams of a run, minus those inside a compound, plus the compounds themselves. */
function runBigrams(run: string): string[] {
  const inside = new Set<number>();
  const compounds: string[] = [];
  for (const compound of COMPOUNDS) {
    for (let at = run.indexOf(compound); at !== -1; at = run.indexOf(compound, at + compound.length)) {
      compounds.push(compound);
      for (let offset = 0; offset + 1 < compound.length; offset++) inside.add(at + offset);
    }
  }
  if (compounds.length === 0) return hanBigrams(run);
  const characters = [...run];
  const pairs = characters.slice(0, -1).flatMap((character, index) => {
    const bigram = `${character}${characters[index + 1]}`;
    return inside.has(index) || isGlueBigram(bigram) ? [] : [bigram];
  });
  return [...compounds, ...pairs];
}

function hanTokens(run: string, tokens: string[]): void {
  for (const segment of segmentHan(run)) {
    if ([...segment.text].length >= 3 && !STOPWORDS.has(segment.text)) tokens.push(segment.text);
  }
  tokens.push(...runBigrams(run));
}

/** A word's index tokens: the stemmed word, plus its parts when it is a compound like `win-rate`. */
export function wordTokens(word: string): string[] {
  if (STOPWORDS.has(word)) return [];
  if (SYMBOL_WORDS.has(word)) return [word];
  const parts = word.split(JOINERS).filter((part) => part.length > 1 || /\d/.test(part));
  if (!JOINERS.test(word)) return parts.length === 1 ? [stemWord(word)] : [];
  const tokens = [word];
  for (const part of parts) if (!STOPWORDS.has(part)) tokens.push(stemWord(part));
  return tokens;
}

/**
 * Index and query tokens of any Chinese/English text: ICU words of 3+ characters and Han bigrams,
 * lowercased stemmed Latin words, compounds (`a/b`, `win-rate`) and adjacent-word pairs (`model pm`),
 * stopwords dropped. Duplicates are kept: BM25 counts term frequency.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let previous: TextPiece | undefined;
  const normalized = foldText(text);
  for (const piece of splitPieces(normalized)) {
    if (piece.kind === 'han') hanTokens(piece.text, tokens);
    else {
      tokens.push(...wordTokens(piece.text));
      const pair = previous && wordPair(normalized, previous, piece);
      if (pair) tokens.push(pair);
    }
    previous = piece;
  }
  return tokens;
}

/** `model pm` for two simple words separated only by spaces; pairs make multi-word names specific. */
export function wordPair(normalized: string, left: TextPiece, right: TextPiece): string | undefined {
  if (left.kind !== 'word' || right.kind !== 'word') return undefined;
  if (normalized.slice(left.end, right.start).trim() !== '') return undefined;
  if (STOPWORDS.has(left.text) || STOPWORDS.has(right.text)) return undefined;
  return `${stemWord(left.text)} ${stemWord(right.text)}`;
}

/** The Orama tokenizer component: the same `tokenize` for every indexed property. */
export function createTokenizer(): Tokenizer {
  return { language: 'mandarin', normalizationCache: new Map(), tokenize: (raw: string) => tokenize(raw) };
}
