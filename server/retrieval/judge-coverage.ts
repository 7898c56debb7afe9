import type { ScoredSection } from './score-sections.js';

/** What the coverage judgment reads off the best sections. */
export interface CoverageFeatures {
  /** Share of the question's importance (idf-weighted concepts) that the best of the top sections holds. */
  held: number;
  /** Importance of the rarest concept the best section holds: finding only common words proves nothing. */
  strongest: number;
  /**
   * Share of the question (by concept weight) that the corpus never mentions in any form: a question about
   * sourdough that shares only "make" with the corpus is about something else.
   */
  unseen: number;
}

export interface CoverageJudgment extends CoverageFeatures {
  answerable: boolean;
}

/**
 * Thresholds of the one coverage judgment, calibrated on the dev split (`npm run eval -- --calibrate`): a
 * question is covered when a top section holds a concept that means something in this corpus and at most
 * half of the question is words the corpus never uses. (The share held by the best section, `held`, was
 * tried as a third threshold; the calibration set it to zero, so it only explains rankings.)
 */
export const COVERAGE = { minStrongest: 0.1, maxUnseen: 0.5 } as const;
export type CoverageThresholds = { minStrongest: number; maxUnseen: number };
/** Coverage looks this deep: the answer may cite any of the first few sections. */
const JUDGED_DEPTH = 3;

/** Reads the coverage features of a ranking against the question's concept importances. */
export function coverageFeatures(
  ranked: ScoredSection[],
  importance: number[],
  weights: number[],
): CoverageFeatures {
  const total = importance.reduce((sum, value) => sum + value, 0);
  let held = 0;
  let strongest = 0;
  for (const section of ranked.slice(0, JUDGED_DEPTH)) {
    let sum = 0;
    let rarest = 0;
    for (const index of section.held) {
      sum += importance[index] ?? 0;
      rarest = Math.max(rarest, importance[index] ?? 0);
    }
    if (total > 0 && sum / total > held) held = sum / total;
    strongest = Math.max(strongest, rarest);
  }
  const weight = weights.reduce((sum, value) => sum + value, 0);
  const unseenWeight = weights.reduce((sum, value, at) => sum + ((importance[at] ?? 0) === 0 ? value : 0), 0);
  return { held, strongest, unseen: weight > 0 ? unseenWeight / weight : 1 };
}

/**
 * Whether the corpus covers the question: an honest "not covered" beats a confident answer from a section
 * that only shares the question's everyday words.
 */
export function judgeCoverage(
  ranked: ScoredSection[],
  importance: number[],
  weights: number[],
  thresholds: CoverageThresholds = COVERAGE,
): CoverageJudgment {
  const features = coverageFeatures(ranked, importance, weights);
  return { ...features, answerable: isCovered(features, thresholds) };
}

/** The rule itself, shared with the calibration so both always mean the same. */
export function isCovered(features: CoverageFeatures, thresholds: CoverageThresholds = COVERAGE): boolean {
  return features.strongest >= thresholds.minStrongest && features.unseen <= thresholds.maxUnseen;
}
