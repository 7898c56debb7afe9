import type { CorpusStats } from './corpus-stats.js';
import type { QueryConcept } from './query-concept.js';

/** Orama candidate search reads at most this many posting lists. */
export const MAX_SEARCH_TOKENS = 32;
/**
 * Latency grows with the postings read, not the token count: tokens join in priority order while their
 * chunk counts add up to this budget (a small corpus never reaches it; 50k chunks do).
 */
export const POSTING_BUDGET = 20_000;
/**
 * A token in more chunks than this (5% of the corpus, at least 500) is too common to find candidates
 * with: it costs time at 50k chunks and says little. The re-ranker still credits it.
 */
const COMMON_SHARE = 0.05;
const COMMON_FLOOR = 500;
/** When every token is common, search with this many of the rarest. */
const FALLBACK_TOKENS = 4;

function orderedTokens(
  concepts: QueryConcept[],
  withGeneric: boolean,
): { tokens: string[]; topical: boolean } {
  const topical = withGeneric ? concepts : concepts.filter((concept) => concept.kind !== 'generic');
  const pool = topical.length > 0 ? topical : concepts;
  const ranked = pool
    .flatMap((concept) =>
      concept.alternatives.map((alternative) => ({ alternative, rank: concept.weight * alternative.weight })),
    )
    .sort((left, right) => right.rank - left.rank);
  return {
    tokens: [...new Set(ranked.flatMap(({ alternative }) => alternative.tokens))],
    topical: topical.length > 0,
  };
}

/**
 * The tokens the first-stage search runs: typed words before synonyms; tokens no chunk holds, generic words
 * (ai, 产品经理) unless the question has nothing else (or `withGeneric`, the retry when nothing matched),
 * and tokens too common to discriminate left out; bounded by `POSTING_BUDGET` and `MAX_SEARCH_TOKENS`.
 */
export function selectSearchTokens(
  concepts: QueryConcept[],
  options: { stats: CorpusStats; generic: Set<string>; withGeneric?: boolean },
): string[] {
  const { stats, withGeneric = false } = options;
  const { tokens, topical } = orderedTokens(concepts, withGeneric);
  // Posting sizes, parent headings included: what Orama will actually read.
  const frequency = (token: string) => stats.postingFrequency.get(token) ?? 0;
  const known = tokens.filter(
    (token) => frequency(token) > 0 && !(topical && !withGeneric && options.generic.has(token)),
  );
  const commonAbove = Math.max(COMMON_FLOOR, stats.chunkCount * COMMON_SHARE);
  const selected: string[] = [];
  let postings = 0;
  for (const token of known) {
    const count = frequency(token);
    if (count > commonAbove || postings + count > POSTING_BUDGET) continue;
    selected.push(token);
    postings += count;
    if (selected.length === MAX_SEARCH_TOKENS) break;
  }
  if (selected.length > 0) return selected;
  return [...known].sort((left, right) => frequency(left) - frequency(right)).slice(0, FALLBACK_TOKENS);
}
