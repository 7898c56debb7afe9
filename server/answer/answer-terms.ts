import { termSet, tokenize } from '../retrieval/text.js';

/**
 * Words every passage of an AI-PM guide shares: they should barely move a score. As index tokens, so they meet
 * the text's own tokens whatever their inflection.
 */
const GENERIC_TERMS = new Set(tokenize('产品 经理 产品经理 pm pms ai product manager managers'));
const GENERIC_WEIGHT = 0.25;

/**
 * Scoring terms of a text: the tokens retrieval indexes (`text.ts`: stemmed Latin words, Chinese words and
 * character pairs, no stopwords), so the answer weighs a passage by the same words search found it by.
 */
export function answerTerms(text: string): Set<string> {
  return termSet(text);
}

/** How strongly a term speaks for relevance. */
export function termWeight(term: string): number {
  return GENERIC_TERMS.has(term) ? GENERIC_WEIGHT : 1;
}

/** Weighted overlap of the query terms with a text's terms. */
export function overlapScore(queryTerms: Set<string>, textTerms: Set<string>): number {
  let score = 0;
  for (const term of queryTerms) if (textTerms.has(term)) score += termWeight(term);
  return score;
}
