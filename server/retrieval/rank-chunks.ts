import type { ChunkField } from './chunk-profiles.js';
import type { CorpusStats } from './corpus-stats.js';
import { headingBonus } from './heading-bonus.js';
import { BROADER_WEIGHT, type QueryConcept } from './query-concept.js';
import type { Chunk } from './types.js';

/** Share of the final score taken by Orama's BM25 (term frequency, length): it breaks structural ties. */
export const BM25_SHARE = 0.25;
/** Bonus for a heading the question explains almost entirely (`模型和产品的关系` for 模型和产品什么关系). */
export const FOCUS_SHARE = 0.25;

export interface RankedChunk {
  chunk: Chunk;
  score: number;
  /** How well this chunk holds each query concept (same order as the concepts), 0–1. */
  credits: number[];
}

/** Inverse document frequency (BM25 form); a token absent from the corpus gets the maximum. */
export function inverseFrequency(stats: CorpusStats, token: string): number {
  const frequency = stats.documentFrequency.get(token) ?? 0;
  return Math.log(1 + (stats.chunkCount - frequency + 0.5) / (frequency + 0.5));
}

interface Scorer {
  idf(token: string): number;
  /**
   * How rare a concept is in the corpus, 0.1–1: from the chunk count of its most widespread synonym (an
   * alternative occurs where all its tokens do), so `model` and `模型` weigh the same in either language.
   */
  rarity(concept: QueryConcept): number;
}

function createScorer(stats: CorpusStats): Scorer {
  const cache = new Map<string, number>();
  const maximum = inverseFrequency(stats, '\u0000');
  const frequency = (token: string) => stats.documentFrequency.get(token) ?? 0;
  const idf = (token: string) => {
    const cached = cache.get(token);
    if (cached !== undefined) return cached;
    const value = inverseFrequency(stats, token);
    cache.set(token, value);
    return value;
  };
  const spreadOf = (alternatives: QueryConcept['alternatives']) =>
    Math.max(0, ...alternatives.map((alternative) => Math.min(...alternative.tokens.map(frequency))));
  const rarity = (concept: QueryConcept) => {
    // Wider terms (银行 → 行业) are hints: they must not make a specific word look common, unless the
    // corpus holds nothing but them.
    const own = concept.alternatives.filter((alternative) => alternative.weight > BROADER_WEIGHT);
    const spread = spreadOf(own) || spreadOf(concept.alternatives);
    const conceptIdf = Math.log(1 + (stats.chunkCount - spread + 0.5) / (spread + 0.5));
    return Math.max(0.1, conceptIdf / maximum);
  };
  return { idf, rarity };
}

/** Where each query token counts: for every concept alternative holding it, its share of the idf. */
interface CreditIndex {
  byToken: Map<string, Array<{ key: number; share: number }>>;
  /** Alternative weight by key (`concept * ALTERNATIVES + alternative`). */
  weights: Map<number, number>;
}

const ALTERNATIVES = 100_000;

function createCreditIndex(concepts: QueryConcept[], scorer: Scorer): CreditIndex {
  const index: CreditIndex = { byToken: new Map(), weights: new Map() };
  concepts.forEach((concept, conceptIndex) => {
    concept.alternatives.forEach((alternative, alternativeIndex) => {
      const total = alternative.tokens.reduce((sum, token) => sum + scorer.idf(token), 0);
      if (total === 0) return;
      const key = conceptIndex * ALTERNATIVES + alternativeIndex;
      index.weights.set(key, alternative.weight);
      for (const token of alternative.tokens) {
        const hits = index.byToken.get(token) ?? [];
        hits.push({ key, share: scorer.idf(token) / total });
        index.byToken.set(token, hits);
      }
    });
  });
  return index;
}

/**
 * How well a chunk holds each concept, 0–1: its best alternative × field weight × idf-weighted share of
 * the alternative's tokens in that field. Walks the chunk's tokens, not the (many) synonyms.
 */
function conceptCredits(index: CreditIndex, fields: ChunkField[], count: number): number[] {
  const credits = new Array<number>(count).fill(0);
  const present = new Map<number, number>();
  for (const field of fields) {
    present.clear();
    for (const token of field.tokens) {
      for (const { key, share } of index.byToken.get(token) ?? [])
        present.set(key, (present.get(key) ?? 0) + share);
    }
    for (const [key, share] of present) {
      const conceptIndex = Math.floor(key / ALTERNATIVES);
      const credit = (index.weights.get(key) ?? 0) * field.weight * share;
      if (credit > (credits[conceptIndex] ?? 0)) credits[conceptIndex] = credit;
    }
  }
  return credits;
}

/** How much of a heading the question explains, idf-weighted, best heading level. */
function headingFocus(fields: ChunkField[], queryTokens: Set<string>, scorer: Scorer): number {
  let best = 0;
  for (const field of fields) {
    if (field.kind === 'body' || field.tokens.size === 0) continue;
    let total = 0;
    let explained = 0;
    for (const token of field.tokens) {
      total += scorer.idf(token);
      if (queryTokens.has(token)) explained += scorer.idf(token);
    }
    best = Math.max(best, (field.weight * explained) / total);
  }
  return best;
}

/**
 * Second-stage ranking of Orama candidates: each concept is credited where the chunk holds it (own heading >
 * parent headings > body), scaled by the concept's rarity; plus a bonus for headings the question explains, and a share
 * of normalized BM25.
 */
export function rankCandidates(input: {
  concepts: QueryConcept[];
  candidates: Array<{ chunk: Chunk; bm25: number }>;
  fieldsOf: (chunk: Chunk) => ChunkField[];
  stats: CorpusStats;
}): RankedChunk[] {
  const { concepts, candidates, fieldsOf, stats } = input;
  const scorer = createScorer(stats);
  const importance = concepts.map((concept) => concept.weight * scorer.rarity(concept));
  const creditIndex = createCreditIndex(concepts, scorer);
  // A soft hint (是什么 → 定义) must not make a heading look explained: `模型和产品是什么关系` is no definition.
  const queryTokens = new Set(
    concepts
      .filter((concept) => concept.kind !== 'soft')
      .flatMap((concept) => concept.alternatives.flatMap((alt) => alt.tokens)),
  );
  const maxBm25 = Math.max(...candidates.map((candidate) => candidate.bm25), Number.EPSILON);
  return candidates.map(({ chunk, bm25 }) => {
    const fields = fieldsOf(chunk);
    const credits = conceptCredits(creditIndex, fields, concepts.length);
    const structural = credits.reduce((sum, credit, index) => sum + (importance[index] ?? 0) * credit, 0);
    const focus = FOCUS_SHARE * headingFocus(fields, queryTokens, scorer);
    const bonus = headingBonus(chunk, fields, { concepts, credits });
    return { chunk, score: structural + focus + bonus + (BM25_SHARE * bm25) / maxBm25, credits };
  });
}
