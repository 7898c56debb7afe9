import type { SuiteGate } from './eval-thresholds.js';
import type { FaithfulnessMetrics } from './judge-faithfulness.js';
import type { AnswerMetrics } from './score-answers.js';
import type { LanguageMetrics, RetrievalMetrics, RetrievalOutcome } from './score-retrieval.js';
import type { Split } from './suites.js';

export interface SuiteReport {
  split: Split;
  name: string;
  set: string;
  corpora: string[];
  retrieval: RetrievalMetrics;
  answers: AnswerMetrics;
  latencyMs: { p50: number; p95: number };
  misses: Array<{ id: string; question: string; expected: string[]; got: string[]; answerable: boolean }>;
  failures: string[];
}

export interface EvalReport {
  generatedAt: string;
  suites: SuiteReport[];
  /** LLM-judged support of each answer sentence by its passage (dev split); null without a key. Not gated. */
  faithfulness: FaithfulnessMetrics | null;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Every gate a suite misses, as readable lines (empty = pass); a suite without a gate always passes. */
export function gateFailures(report: Omit<SuiteReport, 'failures'>, gate: SuiteGate | undefined): string[] {
  if (!gate) return [];
  const { retrieval, answers } = report;
  const checks: Array<[boolean, string]> = [
    [
      retrieval.overall.recallAt3 < gate.recallAt3,
      `R@3 ${percent(retrieval.overall.recallAt3)} < ${percent(gate.recallAt3)}`,
    ],
    [retrieval.overall.mrr < gate.mrr, `MRR ${retrieval.overall.mrr.toFixed(3)} < ${gate.mrr}`],
    [
      retrieval.offTopic.questions > 0 && retrieval.offTopic.accuracy < gate.offTopicAccuracy,
      `off-topic declined ${percent(retrieval.offTopic.accuracy)} < ${percent(gate.offTopicAccuracy)}`,
    ],
    [
      retrieval.falseNotCoveredRate > gate.maxFalseNotCovered,
      `false "not covered" ${percent(retrieval.falseNotCoveredRate)} > ${percent(gate.maxFalseNotCovered)}`,
    ],
    [
      answers.firstCitationRate < gate.answerFirstCitation,
      `answer first citation ${percent(answers.firstCitationRate)} < ${percent(gate.answerFirstCitation)}`,
    ],
    [
      answers.invalidCitations > gate.maxInvalidCitations,
      `${answers.invalidCitations} invalid [n] marker(s)`,
    ],
  ];
  return checks.filter(([failed]) => failed).map(([, line]) => `${report.split}: ${report.name}: ${line}`);
}

/** Questions missed (not in the top 3, or judged wrongly), for the dev split's report. */
export function retrievalMisses(outcomes: RetrievalOutcome[]): SuiteReport['misses'] {
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

/** The faithfulness summary line; the skip message is the one CI logs look for. */
export function faithfulnessLine(faithfulness: FaithfulnessMetrics | null): string {
  if (!faithfulness) return 'faithfulness: skipped (no OPENAI_API_KEY)';
  const failed = faithfulness.failedAnswers > 0 ? `, ${faithfulness.failedAnswers} answer(s) not judged` : '';
  return `faithfulness: ${percent(faithfulness.score)} of ${faithfulness.sentences} sentences supported by their cited passage (LLM-judged over ${faithfulness.answers} answers${failed}; not gated).`;
}

function metricCells(metrics: LanguageMetrics): string {
  return `${metrics.questions} | ${percent(metrics.recallAt1)} | ${percent(metrics.recallAt3)} | ${metrics.mrr.toFixed(3)}`;
}

function summaryRow(suite: SuiteReport): string {
  const { retrieval, answers } = suite;
  const off = `${retrieval.offTopic.correct}/${retrieval.offTopic.questions}`;
  return `| ${suite.split} | ${suite.name} | ${metricCells(retrieval.overall)} | ${percent(retrieval.falseNotCoveredRate)} | ${off} | ${percent(answers.firstCitationRate)} | ${answers.factsItems ? percent(answers.factsRate) : '–'} | ${answers.factsItems ? percent(answers.leadFactsRate) : '–'} | ${suite.latencyMs.p95} |`;
}

function directionTable(suite: SuiteReport): string[] {
  return [
    `### ${suite.split}: ${suite.name} (${suite.corpora.join(' + ')}; ${suite.set})`,
    '',
    '| direction | questions | R@1 | R@3 | MRR |',
    '|---|---|---|---|---|',
    ...Object.entries(suite.retrieval.byDirection).map(
      ([direction, metrics]) => `| ${direction} | ${metricCells(metrics)} |`,
    ),
    '',
  ];
}

function missTable(suite: SuiteReport): string[] {
  if (suite.split !== 'dev' || suite.misses.length === 0) return [];
  return [
    `#### misses — ${suite.name}`,
    '',
    '| id | question | expected | top 3 | answerable |',
    '|---|---|---|---|---|',
    ...suite.misses.map(
      (miss) =>
        `| ${miss.id} | ${miss.question} | ${miss.expected.join('<br>')} | ${miss.got.join('<br>')} | ${miss.answerable} |`,
    ),
    '',
  ];
}

/** The report as Markdown (reports/eval.md): the blind split first, misses listed for the dev split only. */
export function renderMarkdown(report: EvalReport): string {
  const failures = report.suites.flatMap((suite) => suite.failures);
  const lines = [
    '# Retrieval and answer eval',
    '',
    `Generated ${report.generatedAt}. Search mode, no LLM. The blind split was written before tuning and is never tuned on.`,
    '',
    '| split | suite | questions | R@1 | R@3 | MRR | false "not covered" | off-topic declined | answer 1st citation | facts | facts in lead | p95 ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.suites.map(summaryRow),
    '',
    ...report.suites.flatMap(directionTable),
    faithfulnessLine(report.faithfulness),
    '',
    failures.length === 0
      ? '**All gates pass.**'
      : `**Gates failed:**\n${failures.map((line) => `- ${line}`).join('\n')}`,
    '',
    ...report.suites.flatMap(missTable),
  ];
  return `${lines.join('\n')}\n`;
}
