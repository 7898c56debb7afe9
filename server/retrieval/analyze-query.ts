import type { Translator } from './cross-lingual.js';
import { pivotAlternatives } from './pivot-alternatives.js';
import type { RetrievalRules } from './rules.js';
import { chineseWords } from './segment-words.js';
import {
  commonness,
  detectLanguage,
  hanTokens,
  hasHan,
  isStopword,
  normalize,
  splitPieces,
  stem,
  tokenize,
  wordTokens,
} from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** One way to say a concept, as index tokens, and how much a match on it is worth. */
export interface Alternative {
  text: string;
  tokens: string[];
  weight: number;
  source: keyof typeof WEIGHTS;
  /**
   * How surely finding it means the concept, 0–1: below 1 for a translation whose headword has other senses.
   * Ranking reaches for every plausible sense; coverage asks for evidence and counts only this much of it.
   */
  certainty: number;
}

/** Something the question asks about: one word or term, with every way of saying it. */
export interface Concept {
  label: string;
  alternatives: Alternative[];
  /** Less for everyday words: `want` or `keep` rarely names what a question is about. */
  weight: number;
}

export interface AnalyzedQuery {
  language: 'zh' | 'en';
  concepts: Concept[];
}

/** What the analysis may consult: the corpus's tokens, the vocabulary and the dictionary. */
export interface QueryResources {
  vocabulary: Vocabulary;
  translator: Translator;
  holds(token: string): boolean;
  /** Among spelling candidates, the one the corpus holds most often. */
  frequency(token: string): number;
  rules: RetrievalRules;
}

/** Past this, a question is a pasted document: the start says what is asked, and work stays bounded. */
export const MAX_QUERY_CHARS = 600;
/** More concepts than this add cost, not precision: a question names a handful of things. */
export const MAX_CONCEPTS = 16;
/**
 * A synonym is the same concept in other words; a dictionary translation is a guess among senses; a spelling
 * fix is a guess about intent; a pivot synonym (pivot-synonyms.ts) is two guesses in a row. Each counts less
 * than what was typed, in that order of confidence.
 */
export const WEIGHTS = {
  typed: 1,
  synonym: 0.9,
  spelling: 0.8,
  translation: 0.7,
  related: 0.6,
  pivot: 0.5,
} as const;
/** How much an everyday word is discounted at the extreme (the most common word of its language). */
export const EVERYDAY_DISCOUNT = 0.6;

function conceptWeight(label: string, rules: RetrievalRules): number {
  return rules.commonness ? 1 - EVERYDAY_DISCOUNT * commonness(label) : 1;
}

function alternative(text: string, tokens: string[], source: Alternative['source']): Alternative {
  return { text, tokens: [...new Set(tokens)], weight: WEIGHTS[source], source, certainty: 1 };
}

function termConcept(term: string, names: readonly string[], resources: QueryResources): Concept {
  const alternatives = [alternative(term, tokenize(term), 'typed')];
  if (resources.rules.vocabulary) {
    for (const name of names) {
      if (name === term) continue;
      const tokens = tokenize(name);
      if (tokens.some(resources.holds)) alternatives.push(alternative(name, tokens, 'synonym'));
    }
  }
  return { label: term, alternatives, weight: conceptWeight(term, resources.rules) };
}

/** Edit-distance-1 spellings of a Latin word that the corpus holds, most frequent first. */
function spellings(word: string, resources: QueryResources): string[] {
  if (word.length < 4 || /\d/.test(word)) return [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const candidates = new Set<string>();
  for (let index = 0; index <= word.length; index++) {
    const head = word.slice(0, index);
    const tail = word.slice(index);
    if (tail) candidates.add(head + tail.slice(1));
    if (tail.length > 1) candidates.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of letters) {
      candidates.add(head + letter + tail);
      if (tail) candidates.add(head + letter + tail.slice(1));
    }
  }
  candidates.delete(word);
  return [...candidates]
    .filter((candidate) => resources.holds(stem(candidate)))
    .sort((left, right) => resources.frequency(stem(right)) - resources.frequency(stem(left)))
    .slice(0, 1);
}

function wordConcept(word: string, resources: QueryResources): Concept | undefined {
  const typed = hasHan(word) ? hanTokens(word) : wordTokens(word);
  if (typed.length === 0) return undefined;
  const alternatives = [alternative(word, typed, 'typed')];
  const { rules, translator } = resources;
  if (
    !hasHan(word) &&
    rules.spelling &&
    !typed.some(resources.holds) &&
    !resources.vocabulary.knowsWord(word) &&
    // A word the dictionary glosses with is spelled right, even when the corpus lacks it.
    !(rules.translation && translator.knowsEnglish(word)) &&
    // An everyday word is spelled right, just not in the corpus: "correcting" it invents a match.
    commonness(word) === 0
  ) {
    for (const fixed of spellings(word, resources))
      alternatives.push(alternative(fixed, wordTokens(fixed), 'spelling'));
  }
  if (rules.translation) {
    const translations = hasHan(word) ? translator.toEnglish(word) : translator.toChinese(word);
    // The translations are one concept said several ways (a structured query): a word the corpus could mean
    // in several senses is a weaker guess in each, so each counts less than one sure translation.
    const ambiguity = Math.sqrt(Math.max(1, translations.length));
    for (const { text, share } of translations) {
      const guess = alternative(text, tokenize(text), 'translation');
      alternatives.push({ ...guess, weight: guess.weight / ambiguity, certainty: share });
    }
    // A Chinese word the corpus never uses may still name what it says in other words: the dictionary's
    // words that share its one-word English sense.
    if (hasHan(word) && [...word].length > 1 && !typed.some(resources.holds)) {
      for (const related of translator.chineseSynonyms(word))
        alternatives.push(alternative(related, hanTokens(related), 'related'));
    }
  }
  if (rules.pivotSynonyms && !typed.some(resources.holds))
    alternatives.push(...pivotAlternatives(word, alternatives, translator.pivots, WEIGHTS.pivot));
  return { label: word, alternatives, weight: conceptWeight(word, resources.rules) };
}

/** The question with vocabulary terms cut out, as the words left to analyse one by one. */
function leftoverWords(
  normalized: string,
  spans: Array<{ start: number; end: number }>,
  resources: QueryResources,
): string[] {
  let rest = normalized;
  for (const { start, end } of spans)
    rest = `${rest.slice(0, start)}${' '.repeat(end - start)}${rest.slice(end)}`;
  return splitPieces(rest).flatMap((piece) =>
    piece.kind === 'han'
      ? chineseWords(piece.text, { ...resources, segmentation: resources.rules.segmentation })
      : isStopword(piece.text)
        ? []
        : [piece.text],
  );
}

/**
 * Turns a question into concepts: vocabulary terms first (longest match, with every synonym in both
 * languages), then each remaining word with its dictionary translations and, for an unknown Latin word, its
 * likeliest spelling. Knows nothing about any particular document: only the corpus's tokens are consulted.
 */
export function analyzeQuery(question: string, resources: QueryResources): AnalyzedQuery {
  const normalized = normalize(question.slice(0, MAX_QUERY_CHARS));
  const { rules } = resources;
  const matches = rules.vocabulary
    ? resources.vocabulary.match(normalized, { inflections: rules.inflections })
    : [];
  const concepts = new Map<string, Concept>();
  for (const match of matches) concepts.set(match.term, termConcept(match.term, match.names, resources));
  for (const word of leftoverWords(normalized, matches, resources)) {
    if (concepts.has(word) || concepts.size >= MAX_CONCEPTS * 2) continue;
    const concept = wordConcept(word, resources);
    if (concept) concepts.set(word, concept);
  }
  return { language: detectLanguage(normalized), concepts: [...concepts.values()].slice(0, MAX_CONCEPTS) };
}
