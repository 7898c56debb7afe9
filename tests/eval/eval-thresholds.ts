/** The quality gates `npm run eval` enforces; the run exits non-zero when any is missed. */
export const EVAL_THRESHOLDS = {
  /** Right section in the top 3, per language (on-topic questions; judged "not covered" counts as a miss). */
  recallAt3: 0.95,
  /** Off-topic questions judged not answerable. */
  offTopicAccuracy: 0.9,
  /** On-topic questions wrongly judged "not covered", over all languages. */
  maxFalseNotCovered: 0.05,
  /** Search-mode answers whose first citation lies in an expected section (subsections included). */
  answerFirstCitation: 0.85,
  /** Items with `facts` whose answer contains every fact. */
  answerFacts: 0.85,
  /** [n] markers pointing outside the citations, over all answers. */
  maxInvalidCitations: 0,
} as const;
