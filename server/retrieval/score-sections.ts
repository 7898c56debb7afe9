import type { Alternative, AnalyzedQuery, Concept } from './analyze-query.js';
import { rerankByHeadings, type SectionHeadings } from './heading-match.js';
import type { LengthNorm } from './length-norms.js';
import { FIELDS, type Field, type FieldTerms, type OramaIndex } from './orama-index.js';
import type { RetrievalRules } from './rules.js';

/** A section's score and which of the question's concepts it holds. */
export interface ScoredSection {
  position: number;
  score: number;
  /** Indexes into the query's concepts. */
  held: Set<number>;
  /**
   * How fully each held concept is found, 0–1: the share of its best alternative's tokens the section holds,
   * times that alternative's weight (a dictionary guess proves less than the word typed).
   */
  matched: Map<number, number>;
}

export interface ScoringContext {
  index: OramaIndex;
  /** Each section's language, by position. */
  languages: ReadonlyArray<'zh' | 'en'>;
  /** Each section's heading tokens, by position, and their statistics. */
  headings: SectionHeadings;
  /** The field length each section is normalised against (`length-norms.ts`); the corpus mean without it. */
  lengthNorm?: LengthNorm;
  rules: RetrievalRules;
}

/** The second pass only reorders the head of the list: below it, order hardly matters to a reader. */
const RERANK_DEPTH = 50;

/**
 * Sections holding a concept, whichever way it is said: those holding its commonest alternative, and an
 * alternative is held where its rarest token is (a phrase is no commoner than its rarest part).
 */
export function conceptFrequency(concept: Concept, frequency: (token: string) => number): number {
  let commonest = 0;
  for (const { tokens } of concept.alternatives) {
    if (tokens.length > 0) commonest = Math.max(commonest, Math.min(...tokens.map(frequency)));
  }
  return commonest;
}

/** BM25's idf of a token held by `frequency` of `size` sections. */
export function idf(frequency: number, size: number): number {
  return Math.log(1 + (size - frequency + 0.5) / (frequency + 0.5));
}

/**
 * A concept's importance: the information of finding it, whichever way it is said — so its document frequency
 * is that of its commonest alternative (`产品经理` is everywhere even if `pm` is rare), discounted for everyday
 * words. Zero when the corpus holds no alternative at all.
 */
export function conceptImportance(concept: Concept, index: OramaIndex): number {
  const frequency = conceptFrequency(concept, (token) => index.documentFrequency(token));
  return frequency === 0 ? 0 : idf(frequency, index.size) * concept.weight;
}

/**
 * What finding a concept would tell, for judging coverage: its importance, or for a concept no section holds in
 * any form, the idf of a word found nowhere — the rarest there can be, so a question about something the corpus
 * never mentions is mostly unanswered however many of its other words it shares.
 */
export function conceptInformation(concept: Concept, index: OramaIndex): number {
  const importance = conceptImportance(concept, index);
  if (importance === 0) return idf(0, index.size) * concept.weight;
  // A word most sections hold cannot tell sections apart, but it still says the question is on the corpus's
  // topic: it tells at least what a word held by half the sections does (idf ln 2).
  return Math.max(importance, TOPIC_FLOOR * concept.weight);
}

/** The idf of a word that half the sections hold: ln(1 + (N/2 + 0.5) / (N/2 + 0.5)). */
const TOPIC_FLOOR = Math.log(2);

/**
 * BM25F (Robertson & Zaragoza): a token's counts in the fields are weighted and length-normalised, summed,
 * then saturated once, so a word found in the heading and the body is not counted as two findings.
 */
export const BM25F = {
  k1: 1.2,
  weights: { title: 3, parents: 1.5, doc: 0.5, body: 1 } as Record<Field, number>,
  // Headings are short and every word of them counts; bodies vary in length, so they are normalised more.
  b: { title: 0.3, parents: 0.3, doc: 0.3, body: 0.75 } as Record<Field, number>,
};
/** Candidates kept per concept from Orama's first pass: enough for any reader, bounded for big corpora. */
const CANDIDATES_PER_CONCEPT = 400;

function candidates(query: AnalyzedQuery, importance: number[], index: OramaIndex): Set<number> {
  const found = new Set<number>();
  query.concepts.forEach((concept, at) => {
    if ((importance[at] ?? 0) === 0) return;
    const tokens = [...new Set(concept.alternatives.flatMap((alternative) => alternative.tokens))];
    // The index keeps only the best `CANDIDATES_PER_CONCEPT` hits.
    for (const position of index.score(tokens, CANDIDATES_PER_CONCEPT).keys()) found.add(position);
  });
  return found;
}

function tokenWeight(position: number, token: string, terms: FieldTerms, context: ScoringContext): number {
  const { index, lengthNorm } = context;
  let weighted = 0;
  for (const field of FIELDS) {
    const count = terms[field].get(token);
    if (!count) continue;
    const b = BM25F.b[field];
    const average = lengthNorm ? lengthNorm(position, field) : index.averageLength(field);
    const norm = 1 - b + (b * index.fieldLength(position, field)) / average;
    weighted += (BM25F.weights[field] * count) / norm;
  }
  return (weighted * (BM25F.k1 + 1)) / (weighted + BM25F.k1);
}

function alternativeScore(
  position: number,
  alternative: Alternative,
  terms: FieldTerms,
  context: ScoringContext,
): { score: number; found: number } {
  if (alternative.tokens.length === 0) return { score: 0, found: 0 };
  let sum = 0;
  let found = 0;
  for (const token of alternative.tokens) {
    const weight = tokenWeight(position, token, terms, context);
    sum += weight;
    if (weight > 0) found += 1;
  }
  // The mean: a four-pair Chinese word and a one-token English word are worth the same when fully found,
  // and a partial match is worth its share.
  const share = 1 / alternative.tokens.length;
  // Coverage counts a concept only when one way of saying it is there whole: `manager` alone is not
  // `product manager`.
  return {
    score: sum * share * alternative.weight,
    found: found === alternative.tokens.length ? alternative.weight * alternative.certainty : 0,
  };
}

function scoreSection(
  position: number,
  query: AnalyzedQuery,
  importance: number[],
  context: ScoringContext,
): ScoredSection {
  const terms = context.index.fieldTerms(position);
  const section: ScoredSection = { position, score: 0, held: new Set(), matched: new Map() };
  query.concepts.forEach((concept, at) => {
    let best = 0;
    let found = 0;
    for (const alternative of concept.alternatives) {
      // A dictionary guess is for reaching text in the other language; in the question's own language the
      // typed words already say it, and the guess only adds noise.
      if (alternative.source === 'translation' && context.languages[position] === query.language) continue;
      const scored = alternativeScore(position, alternative, terms, context);
      best = Math.max(best, scored.score);
      found = Math.max(found, scored.found);
    }
    if (best === 0) return;
    section.held.add(at);
    section.matched.set(at, found);
    section.score += best * (importance[at] ?? 0);
  });
  return section;
}

/**
 * Ranks sections: Orama's first pass finds candidates per concept; the second scores them with BM25F, each
 * concept contributing its best alternative weighted by its importance, and favours sections whose headings
 * say what the question asks (heading-match.ts).
 */
export function scoreSections(
  query: AnalyzedQuery,
  importance: number[],
  context: ScoringContext,
): ScoredSection[] {
  const ranked = [...candidates(query, importance, context.index)]
    .map((position) => scoreSection(position, query, importance, context))
    .filter((section) => section.score > 0)
    .sort((left, right) => right.score - left.score || left.position - right.position);
  if (!context.rules.headings) return ranked;
  const head = ranked.slice(0, RERANK_DEPTH);
  rerankByHeadings(head, query, importance, context.headings, context.languages);
  head.sort((left, right) => right.score - left.score || left.position - right.position);
  return [...head, ...ranked.slice(RERANK_DEPTH)];
}
