import type { CorpusStats } from './corpus-stats.js';
import type { QueryConcept } from './query-concept.js';
import type { RankedChunk } from './rank-chunks.js';

/**
 * When the corpus covers a question, calibrated on tests/eval/golden.jsonl (off-topic questions score
 * 0–0.31, real ones 0.4 and above). `coverage`: credit share of the question's topic concepts held by the
 * top results. A question with two topic words or more matched in ONE section needs less (`corroborated…`):
 * unknown phrasing words then cannot sink a real question, while an off-topic one rarely hits a section
 * twice (its incidental matches land in different sections). A question with no AI/PM word at all (no
 * domain glossary term, no generic word like ai/产品经理) needs more: everyday words match by accident.
 */
export const ANSWERABILITY = {
  coverage: 0.4,
  /** Needed when no word of the question is AI/PM vocabulary (`a good morning routine` hits 日常工作). */
  unanchoredCoverage: 0.6,
  corroboratedCoverage: 0.2,
  corroboratingConcepts: 2,
  /** A concept counts as matched from this credit on (a synonym in a body scores 0.56). */
  matchedCredit: 0.5,
  /** A question word the corpus never uses counts this much against coverage (it may be phrasing). */
  ungroundedWeight: 0.5,
} as const;

export interface CoverageJudgement {
  coverage: number;
  /** Most topic concepts (all concepts when there is no topic word) one top result matches well. */
  matchedConcepts: number;
  answerable: boolean;
}

function isGrounded(concept: QueryConcept, stats: CorpusStats): boolean {
  if (concept.source === 'glossary') return true;
  return concept.alternatives.some((alternative) =>
    alternative.tokens.some((token) => stats.documentFrequency.has(token)),
  );
}

/** Judges whether the top results cover the question, from each concept's best credit among them. */
export function judgeCoverage(
  concepts: QueryConcept[],
  top: RankedChunk[],
  stats: CorpusStats,
): CoverageJudgement {
  const hasTopic = concepts.some((concept) => concept.kind === 'topic');
  // Soft hints and generic words only judge a question that has no topic word of its own.
  const judged = concepts.flatMap((concept, index) => (hasTopic && concept.kind !== 'topic' ? [] : [index]));
  let covered = 0;
  let asked = 0;
  for (const index of judged) {
    const concept = concepts[index];
    if (!concept) continue;
    const weight = isGrounded(concept, stats) ? 1 : ANSWERABILITY.ungroundedWeight;
    covered += weight * Math.max(0, ...top.map((entry) => entry.credits[index] ?? 0));
    asked += weight;
  }
  const matchedConcepts = Math.max(
    0,
    ...top.map(
      (entry) => judged.filter((index) => (entry.credits[index] ?? 0) >= ANSWERABILITY.matchedCredit).length,
    ),
  );
  const coverage = asked === 0 ? 0 : covered / asked;
  const anchored = concepts.some((concept) => concept.domain);
  if (!anchored)
    return { coverage, matchedConcepts, answerable: coverage >= ANSWERABILITY.unanchoredCoverage };
  const corroborated =
    matchedConcepts >= ANSWERABILITY.corroboratingConcepts && coverage >= ANSWERABILITY.corroboratedCoverage;
  return { coverage, matchedConcepts, answerable: coverage >= ANSWERABILITY.coverage || corroborated };
}
