import { MAX_QUERY_CHARS } from './analyze-query.js';
import { detectLanguage, normalize } from './text.js';

/** A Latin word as typed, case kept: letters and digits, inner joiners allowed (`Wi-Fi`, `O'Brien`). */
const TYPED_WORD = /[\p{Script=Latin}\p{N}]+(?:[-/.&+'’][\p{Script=Latin}\p{N}]+)*/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
const CAPITAL = /\p{Lu}/u;
/** `KPI`, `APIs`: an abbreviation is usually a field's own term, not the name of one thing. */
const ABBREVIATION = /^\p{Lu}+s?$/u;
/** What ends a sentence or opens a quotation: the next word is capitalised by grammar, not because it names. */
const SENTENCE_OPENER = /(?:^|[.!?:;"“‘(「『—])\s*$/u;
/** Fewer words than this cannot show a title-case habit. */
const TITLE_CASE_MIN_WORDS = 4;

/**
 * The words a question writes as names — a capitalised word inside an English sentence, any capitalised Latin
 * word inside Chinese text (`Kafka`, `Mona`, `iPhone`, `A380`) — normalised like the index (`normalize`, the
 * possessive dropped). Writers capitalise names, so these are the things a question is about by name. Not
 * names: abbreviations, a sentence's first word, and anything in a text whose writer capitalises most words.
 */
export function properNames(question: string): Set<string> {
  const text = question.slice(0, MAX_QUERY_CHARS).normalize('NFKC');
  const english = detectLanguage(text) === 'en';
  // Words whose case the writer chose: not abbreviations, not capitalised by grammar at a sentence's start.
  const chosen = [...text.matchAll(TYPED_WORD)]
    .filter((match) => LATIN_LETTER.test(match[0]) && !ABBREVIATION.test(match[0]))
    .filter((match) => !(english && SENTENCE_OPENER.test(text.slice(0, match.index))));
  const capitalised = chosen.filter((match) => CAPITAL.test(match[0]));
  if (chosen.length >= TITLE_CASE_MIN_WORDS && capitalised.length * 2 > chosen.length) return new Set();
  return new Set(capitalised.map((match) => normalize(match[0]).replace(/'s$/, '')));
}

/** For each concept label, whether the question wrote it, or one of its words, as a name. */
export function namedConcepts(question: string, labels: readonly string[]): boolean[] {
  const names = properNames(question);
  if (names.size === 0) return labels.map(() => false);
  return labels.map((label) => names.has(label) || label.split(/[\s\-/.]+/).some((part) => names.has(part)));
}
