import { EVAL_THRESHOLDS } from './eval-thresholds.js';
import type { FaithfulnessMetrics } from './judge-faithfulness.js';
import type { AnswerMetrics } from './score-answers.js';
import type { RetrievalMetrics, RetrievalOutcome } from './score-retrieval.js';

export interface EvalReport {
  set: string;
  generatedAt: string;
  thresholds: typeof EVAL_THRESHOLDS;
  retrieval: RetrievalMetrics;
  answers: AnswerMetrics;
  /** LLM-judged support of each answer sentence by its passage; null without OPENAI_API_KEY. Not gated. */
  faithfulness: FaithfulnessMetrics | null;
  latencyMs: { p50: number; p95: number };
  misses: Array<{ id: string; question: string; expected: string[]; got: string[]; answerable: boolean }>;
  failures: string[];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Every gate of EVAL_THRESHOLDS the metrics miss, as readable lines (empty = pass). */
export function gateFailures(retrieval: RetrievalMetrics, answers: AnswerMetrics): string[] {
  const failures: string[] = [];
  for (const [language, metrics] of Object.entries(retrieval.byLanguage)) {
    if (metrics.questions > 0 && metrics.recallAt3 < EVAL_THRESHOLDS.recallAt3) {
      failures.push(`R@3 ${language} ${percent(metrics.recallAt3)} < ${percent(EVAL_THRESHOLDS.recallAt3)}`);
    }
  }
  if (retrieval.offTopic.questions > 0 && retrieval.offTopic.accuracy < EVAL_THRESHOLDS.offTopicAccuracy) {
    failures.push(
      `off-topic accuracy ${percent(retrieval.offTopic.accuracy)} < ${percent(EVAL_THRESHOLDS.offTopicAccuracy)}`,
    );
  }
  if (retrieval.falseNotCoveredRate > EVAL_THRESHOLDS.maxFalseNotCovered) {
    failures.push(
      `false "not covered" ${percent(retrieval.falseNotCoveredRate)} > ${percent(EVAL_THRESHOLDS.maxFalseNotCovered)}`,
    );
  }
  if (answers.firstCitationRate < EVAL_THRESHOLDS.answerFirstCitation) {
    failures.push(
      `answer first citation ${percent(answers.firstCitationRate)} < ${percent(EVAL_THRESHOLDS.answerFirstCitation)}`,
    );
  }
  if (answers.factsRate < EVAL_THRESHOLDS.answerFacts) {
    failures.push(`answer facts ${percent(answers.factsRate)} < ${percent(EVAL_THRESHOLDS.answerFacts)}`);
  }
  if (answers.invalidCitations > EVAL_THRESHOLDS.maxInvalidCitations) {
    failures.push(`${answers.invalidCitations} invalid [n] citation marker(s)`);
  }
  return failures;
}

/** Questions the retriever missed (not in the top 3, or judged wrongly), for the report. */
export function retrievalMisses(outcomes: RetrievalOutcome[]): EvalReport['misses'] {
  return outcomes
    .filter(({ item, response, rank }) => (item.offTopic ? response.answerable : rank === null || rank > 3))
    .map(({ item, response }) => ({
      id: item.id,
      question: item.question,
      expected: item.expected,
      got: response.results.slice(0, 3).map((result) => result.id),
      answerable: response.answerable,
    }));
}

/** The faithfulness summary line; the skip message is the one the brief and CI logs look for. */
export function faithfulnessLine(faithfulness: FaithfulnessMetrics | null): string {
  if (!faithfulness) return 'faithfulness: skipped (no OPENAI_API_KEY)';
  const failed = faithfulness.failedAnswers > 0 ? `, ${faithfulness.failedAnswers} answer(s) not judged` : '';
  return `faithfulness: ${percent(faithfulness.score)} of ${faithfulness.sentences} sentences supported by their cited passage (LLM-judged over ${faithfulness.answers} answers${failed}; not gated).`;
}

/** The report as Markdown tables (reports/eval.md). */
export function renderMarkdown(report: EvalReport): string {
  const { retrieval, answers } = report;
  const lines = [
    `# Retrieval eval — ${report.set}`,
    '',
    `Generated ${report.generatedAt}. Search latency p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms.`,
    '',
    '| lang | questions | R@1 | R@3 | R@5 | MRR | false "not covered" |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(retrieval.byLanguage).map(
      ([language, metrics]) =>
        `| ${language} | ${metrics.questions} | ${percent(metrics.recallAt1)} | ${percent(metrics.recallAt3)} | ${percent(metrics.recallAt5)} | ${metrics.mrr.toFixed(3)} | ${metrics.falseNotCovered} |`,
    ),
    '',
    `Off-topic: ${retrieval.offTopic.correct}/${retrieval.offTopic.questions} judged not covered (${percent(retrieval.offTopic.accuracy)}). False "not covered" on on-topic: ${percent(retrieval.falseNotCoveredRate)}.`,
    '',
    `Answers (extractive): first citation in an expected section ${percent(answers.firstCitationRate)}, facts present ${percent(answers.factsRate)} of ${answers.factsItems}, invalid [n] markers ${answers.invalidCitations}.`,
    '',
    faithfulnessLine(report.faithfulness),
    '',
    report.failures.length === 0 ? '**All gates pass.**' : `**Gates failed:** ${report.failures.join('; ')}`,
  ];
  if (report.misses.length > 0) {
    lines.push(
      '',
      '## Retrieval misses',
      '',
      '| id | question | expected | top 3 | answerable |',
      '|---|---|---|---|---|',
    );
    for (const miss of report.misses) {
      lines.push(
        `| ${miss.id} | ${miss.question} | ${miss.expected.join('<br>')} | ${miss.got.join('<br>')} | ${miss.answerable} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
