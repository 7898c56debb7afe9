import { analyzeQuery } from './analyze-query.js';
import type { ChunkField } from './chunk-profiles.js';
import type { CorpusStats } from './corpus-stats.js';
import type { GlossaryMatcher } from './glossary.js';
import { type CoverageJudgement, judgeCoverage } from './judge-coverage.js';
import { findCueWords } from './match-glossary.js';
import type { OramaIndex } from './orama-index.js';
import type { QueryConcept } from './query-concept.js';
import { type RankedChunk, rankCandidates } from './rank-chunks.js';
import { selectSearchTokens } from './select-search-tokens.js';
import type { SpellingCorrector } from './spelling.js';
import { normalizeText } from './tokenizer.js';
import type { Chunk, SearchExplanation } from './types.js';

/** Orama hits re-ranked per query: every plausible section, bounded for 50k-chunk corpora. */
export const CANDIDATE_COUNT = 100;
/** Coverage is judged over this many top results together: an answer may cite several sections. */
export const COVERAGE_WINDOW = 3;

export interface RankedSearch {
  concepts: QueryConcept[];
  searchTokens: string[];
  ranked: RankedChunk[];
  judgement: CoverageJudgement;
}

export interface SearchPipelineParts {
  index: OramaIndex;
  stats: CorpusStats;
  matcher: GlossaryMatcher;
  speller: SpellingCorrector;
  fieldsOf: (chunk: Chunk) => ChunkField[];
}

/** First stage: Orama candidates for the topic words; when none match, the generic words find the nearest. */
function findCandidates(concepts: QueryConcept[], parts: SearchPipelineParts) {
  const options = { stats: parts.stats, generic: parts.matcher.generic };
  const searchTokens = selectSearchTokens(concepts, options);
  const candidates = parts.index.candidates(searchTokens, CANDIDATE_COUNT);
  if (candidates.length > 0) return { searchTokens, candidates };
  const fallbackTokens = selectSearchTokens(concepts, { ...options, withGeneric: true });
  return {
    searchTokens: fallbackTokens,
    candidates: parts.index.candidates(fallbackTokens, CANDIDATE_COUNT),
  };
}

/** Spell-fix → analyze → candidates → re-rank → judge coverage: everything `search` and `explain` share. */
export function rankQuery(query: string, parts: SearchPipelineParts): RankedSearch {
  const text = parts.speller.correct(normalizeText(query));
  const { concepts } = analyzeQuery(text, parts.matcher);
  const { searchTokens, candidates } = findCandidates(concepts, parts);
  const ranked = rankCandidates({ concepts, candidates, fieldsOf: parts.fieldsOf, stats: parts.stats }).sort(
    (left, right) => right.score - left.score || left.chunk.start - right.chunk.start,
  );
  const judgement = judgeCoverage(concepts, ranked.slice(0, COVERAGE_WINDOW), {
    stats: parts.stats,
    knowsDomain: parts.matcher.knowsDomain,
  });
  // `Can AI write my PRDs?` names a domain word, yet asks for work done, which no section of a guide is.
  const requestsWork = findCueWords(parts.matcher.requests, text).length > 0;
  const answerable = judgement.answerable && !requestsWork;
  return { concepts, searchTokens, ranked, judgement: { ...judgement, answerable } };
}

/** The explanation of a ranked search: concepts with their best credit, tokens, verdict, top results. */
export function explainRanking(
  search: RankedSearch,
  options: { limit: number; stats: CorpusStats; knowsDomain: boolean },
): SearchExplanation {
  const { concepts, searchTokens, ranked, judgement } = search;
  const top = ranked.slice(0, COVERAGE_WINDOW);
  return {
    concepts: concepts.map(({ label, kind, alternatives }, position) => ({
      label,
      kind,
      alternatives: alternatives.length,
      credit: Math.max(0, ...top.map((entry) => entry.credits[position] ?? 0)),
    })),
    searchTokens,
    coverage: judgement.coverage,
    anchor: judgement.anchor,
    matchedConcepts: judgement.matchedConcepts,
    answerable: judgement.answerable,
    ranked: ranked.slice(0, options.limit).map((entry) => ({
      id: entry.chunk.id,
      score: entry.score,
      coverage: judgeCoverage(concepts, [entry], options).coverage,
    })),
  };
}
