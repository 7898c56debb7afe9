/** One suite's quality gates; `npm run eval` exits non-zero when any is missed. */
export interface SuiteGate {
  /** Right section in the top 3 (on-topic questions; judged "not covered" counts as a miss). */
  recallAt3: number;
  mrr: number;
  /** Off-topic questions judged not answerable. */
  offTopicAccuracy: number;
  /** On-topic questions wrongly judged "not covered". */
  maxFalseNotCovered: number;
  /** Search-mode answers whose first citation lies in an expected section. */
  answerFirstCitation: number;
  /** [n] markers pointing outside the citations, over all answers. */
  maxInvalidCitations: number;
}

/**
 * Gates per suite (`split: name`), set a margin (about five points) below the values measured when they were
 * last changed, so honest work passes and a real regression does not. The measured values are in the README.
 */
export const EVAL_GATES: Record<string, SuiteGate> = {
  // The fresh blind split, first measured 2026-12-03 right after it was committed (before any tuning): R@3 80.4%,
  // MRR 0.676, off-topic 7/14, false "not covered" 1.8%, first citation 55.4%; founding 83.3%, 0.761, 10/12,
  // 8.3%, 70.8%; corpus + founding 75.0%, 0.615, 7/14, 0.0%, 48.2%; founding + others 85.4%, 0.818, 6/12, 2.1%,
  // 77.1%. With 12–14 off-topic questions one question is 7–8 points, so those floors allow no further miss.
  'blind: fresh corpus': {
    recallAt3: 0.77,
    mrr: 0.62,
    offTopicAccuracy: 0.45,
    maxFalseNotCovered: 0.07,
    answerFirstCitation: 0.45,
    maxInvalidCitations: 0,
  },
  'blind: fresh founding': {
    recallAt3: 0.84,
    mrr: 0.76,
    offTopicAccuracy: 0.86,
    maxFalseNotCovered: 0.1,
    answerFirstCitation: 0.7,
    maxInvalidCitations: 0,
  },
  'blind: fresh corpus + founding': {
    recallAt3: 0.7,
    mrr: 0.56,
    offTopicAccuracy: 0.45,
    maxFalseNotCovered: 0.05,
    answerFirstCitation: 0.43,
    maxInvalidCitations: 0,
  },
  'blind: fresh founding + others': {
    recallAt3: 0.82,
    mrr: 0.79,
    offTopicAccuracy: 0.53,
    maxFalseNotCovered: 0.07,
    answerFirstCitation: 0.74,
    maxInvalidCitations: 0,
  },
  'blind: founding': {
    recallAt3: 0.85,
    mrr: 0.72,
    offTopicAccuracy: 0.84,
    maxFalseNotCovered: 0.05,
    answerFirstCitation: 0.61,
    maxInvalidCitations: 0,
  },
  'blind: dev corpus': {
    recallAt3: 0.69,
    mrr: 0.61,
    offTopicAccuracy: 0.33,
    maxFalseNotCovered: 0.08,
    answerFirstCitation: 0.51,
    maxInvalidCitations: 0,
  },
  'blind: founding + others': {
    recallAt3: 0.76,
    mrr: 0.67,
    offTopicAccuracy: 0.41,
    maxFalseNotCovered: 0.06,
    answerFirstCitation: 0.59,
    maxInvalidCitations: 0,
  },
  'blind: dev corpus + founding': {
    recallAt3: 0.69,
    mrr: 0.57,
    offTopicAccuracy: 0.23,
    maxFalseNotCovered: 0.08,
    answerFirstCitation: 0.48,
    maxInvalidCitations: 0,
  },
  // Off-topic floors on dev raised with the corroboration rule (judge-coverage.ts), 2026-12-03: measured 43/57,
  // 9/11, 6/11, 17/25, 18/25; each floor lets one more question through (three for founding's 57).
  'dev: founding': {
    recallAt3: 0.83,
    mrr: 0.74,
    offTopicAccuracy: 0.7,
    maxFalseNotCovered: 0.11,
    answerFirstCitation: 0.66,
    maxInvalidCitations: 0,
  },
  'dev: dev corpus': {
    recallAt3: 0.79,
    mrr: 0.7,
    offTopicAccuracy: 0.72,
    maxFalseNotCovered: 0.05,
    answerFirstCitation: 0.61,
    maxInvalidCitations: 0,
  },
  'dev: dev corpus + founding': {
    recallAt3: 0.75,
    mrr: 0.67,
    offTopicAccuracy: 0.45,
    maxFalseNotCovered: 0.05,
    answerFirstCitation: 0.63,
    maxInvalidCitations: 0,
  },
  // The founding questions with every dev corpus loaded too, first measured 2026-12-04 (before the heading
  // path and document length passes): R@3 87.1%, MRR 0.793, off-topic 34/57, false "not covered" 1.1%, first
  // citation 69.5%. Floors about five points below.
  'dev: founding + others': {
    recallAt3: 0.82,
    mrr: 0.74,
    offTopicAccuracy: 0.54,
    maxFalseNotCovered: 0.06,
    answerFirstCitation: 0.64,
    maxInvalidCitations: 0,
  },
  // The second dev corpus, first measured 2026-12-03 right after its questions were committed: R@3 77.8%, MRR
  // 0.697, off-topic 15/25, false "not covered" 4.0%, first citation 60.6%; beside the founding document 73.7%,
  // 0.652, 15/25, 3.0%, 54.5%. Floors about five points below (off-topic ten: one question is four points).
  'dev: dev more': {
    recallAt3: 0.72,
    mrr: 0.64,
    offTopicAccuracy: 0.63,
    maxFalseNotCovered: 0.09,
    answerFirstCitation: 0.55,
    maxInvalidCitations: 0,
  },
  'dev: dev more + founding': {
    recallAt3: 0.68,
    mrr: 0.6,
    offTopicAccuracy: 0.66,
    maxFalseNotCovered: 0.08,
    answerFirstCitation: 0.49,
    maxInvalidCitations: 0,
  },
};
