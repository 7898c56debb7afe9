/**
 * `npm run eval [-- --split blind|dev] [--suite NAME] [--ablate] [--calibrate]`: asks every suite's questions
 * in search mode (blind split first), prints R@1/R@3/MRR per suite and per direction (question language →
 * document language), off-topic and "not covered" rates and the search-mode answer checks; writes
 * reports/eval.{json,md}; exits 1 when a gate of EVAL_GATES fails. `--ablate` switches each retrieval rule off
 * in turn; `--calibrate` fits the coverage thresholds on the dev split.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createChatModel } from '../../server/answer/create-chat-model.js';
import { buildExtractiveAnswer } from '../../server/answer/extractive-answer.js';
import { loadConfig } from '../../server/config.js';
import type { ExplainableRetriever } from '../../server/retrieval/types.js';
import { printAblation, printCalibration } from './ablate-rules.js';
import {
  type EvalReport,
  gateFailures,
  renderMarkdown,
  retrievalMisses,
  type SuiteReport,
} from './eval-report.js';
import { type EvalItem, loadEvalSet } from './eval-set.js';
import { EVAL_GATES } from './eval-thresholds.js';
import { type FaithfulnessMetrics, scoreFaithfulness } from './judge-faithfulness.js';
import { type AnsweredRun, scoreAnswers } from './score-answers.js';
import { type LocateSection, outcomeOf, scoreRetrieval } from './score-retrieval.js';
import { root, SUITES, type Suite, suiteRetriever } from './suites.js';

const RESULTS_PER_QUESTION = 5;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/** An expected id the corpus does not have would silently score as a miss: fail loudly instead. */
function assertExpectedIdsExist(items: EvalItem[], locate: LocateSection): void {
  const unknown = items.flatMap((item) =>
    item.expected.filter((id) => !locate(id)).map((id) => `${item.id}: ${id}`),
  );
  if (unknown.length > 0) throw new Error(`Unknown expected section ids:\n${unknown.join('\n')}`);
}

async function answerAll(items: EvalItem[], retriever: ExplainableRetriever): Promise<AnsweredRun[]> {
  const runs: AnsweredRun[] = [];
  for (const item of items) {
    const response = await retriever.search(item.question, { limit: RESULTS_PER_QUESTION });
    const answer = buildExtractiveAnswer({
      question: item.question,
      results: response.results,
      answerable: response.answerable,
      section: (id) => retriever.section(id),
    });
    runs.push({ item, response, answer });
  }
  return runs;
}

async function runSuite(suite: Suite): Promise<{ report: SuiteReport; runs: AnsweredRun[] }> {
  const items = await loadEvalSet(path.join(root, suite.set));
  const retriever = await suiteRetriever(suite);
  const locate: LocateSection = (id) => retriever.section(id);
  assertExpectedIdsExist(items, locate);
  const runs = await answerAll(items, retriever);
  const outcomes = runs.map(({ item, response }) => outcomeOf(item, response, locate));
  const took = runs.map((run) => run.response.tookMs);
  const partial = {
    split: suite.split,
    name: suite.name,
    set: suite.set,
    corpora: suite.corpora,
    retrieval: scoreRetrieval(outcomes),
    answers: scoreAnswers(runs, locate),
    latencyMs: { p50: percentile(took, 0.5), p95: percentile(took, 0.95) },
    misses: retrievalMisses(outcomes),
  };
  return {
    report: { ...partial, failures: gateFailures(partial, EVAL_GATES[`${suite.split}: ${suite.name}`]) },
    runs,
  };
}

/** LLM-judged faithfulness of the dev split's answers when a model is configured; null otherwise. */
async function judgeWhenConfigured(runs: AnsweredRun[]): Promise<FaithfulnessMetrics | null> {
  const model = createChatModel(loadConfig().llm);
  if (!model || runs.length === 0) return null;
  process.stdout.write(`faithfulness: judging answers with ${model.id}…\n`);
  return scoreFaithfulness({ model: model.languageModel, runs });
}

function selectedSuites(): Suite[] {
  const split = argument('--split');
  const name = argument('--suite');
  return SUITES.filter((suite) => (!split || suite.split === split) && (!name || suite.name === name));
}

async function main(): Promise<void> {
  const suites = selectedSuites();
  if (process.argv.includes('--ablate')) return printAblation(suites);
  if (process.argv.includes('--calibrate'))
    return printCalibration(suites.filter((suite) => suite.split === 'dev'));
  const reports: SuiteReport[] = [];
  const devRuns: AnsweredRun[] = [];
  for (const suite of suites) {
    const { report, runs } = await runSuite(suite);
    reports.push(report);
    if (suite.split === 'dev') devRuns.push(...runs);
  }
  const report: EvalReport = {
    generatedAt: new Date().toISOString(),
    suites: reports,
    faithfulness: await judgeWhenConfigured(devRuns),
  };
  await mkdir(path.join(root, 'reports'), { recursive: true });
  await writeFile(path.join(root, 'reports', 'eval.json'), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  await writeFile(path.join(root, 'reports', 'eval.md'), markdown);
  process.stdout.write(
    process.argv.includes('--misses') ? markdown : (markdown.split('\n#### misses')[0] ?? markdown),
  );
  process.exitCode = reports.every((suite) => suite.failures.length === 0) ? 0 : 1;
}

await main();
