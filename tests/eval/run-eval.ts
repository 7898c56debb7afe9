/**
 * `npm run eval [-- --set path/to/set.jsonl]`: builds the retriever from corpus/, asks every question,
 * prints R@1/R@3/R@5/MRR per language, off-topic accuracy and the search-mode answer metrics, plus an
 * LLM-judged faithfulness score when OPENAI_API_KEY is set (not gated); writes reports/eval(-<set>).json + .md;
 * exits 1 when a gate of EVAL_THRESHOLDS fails.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChatModel } from '../../server/answer/create-chat-model.js';
import { buildExtractiveAnswer } from '../../server/answer/extractive-answer.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { buildRetriever } from '../../server/retrieval/build-retriever.js';
import type { Retriever } from '../../server/retrieval/types.js';
import { type EvalReport, gateFailures, renderMarkdown, retrievalMisses } from './eval-report.js';
import { type EvalItem, loadEvalSet } from './eval-set.js';
import { EVAL_THRESHOLDS } from './eval-thresholds.js';
import { type FaithfulnessMetrics, scoreFaithfulness } from './judge-faithfulness.js';
import { type AnsweredRun, scoreAnswers } from './score-answers.js';
import { type LocateSection, outcomeOf, scoreRetrieval } from './score-retrieval.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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

async function answerAll(items: EvalItem[], retriever: Retriever): Promise<AnsweredRun[]> {
  const runs: AnsweredRun[] = [];
  for (const item of items) {
    const response = await retriever.search(item.question, { limit: RESULTS_PER_QUESTION });
    const answer = buildExtractiveAnswer({
      question: item.question,
      results: response.results,
      answerable: response.answerable,
    });
    runs.push({ item, response, answer });
  }
  return runs;
}

/** LLM-judged faithfulness when a model is configured; null (skipped) otherwise. */
async function judgeWhenConfigured(runs: AnsweredRun[]): Promise<FaithfulnessMetrics | null> {
  const model = createChatModel(loadConfig().llm);
  if (!model) return null;
  process.stdout.write(`faithfulness: judging answers with ${model.id}…\n`);
  return scoreFaithfulness({ model: model.languageModel, runs });
}

async function writeReport(setFile: string, report: EvalReport): Promise<string> {
  const base = path.basename(setFile, '.jsonl');
  const name = base === 'golden' ? 'eval' : `eval-${base}`;
  await mkdir(path.join(root, 'reports'), { recursive: true });
  await writeFile(path.join(root, 'reports', `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  await writeFile(path.join(root, 'reports', `${name}.md`), markdown);
  return markdown;
}

async function main(): Promise<void> {
  const setFile = path.resolve(argument('--set') ?? path.join(root, 'tests/eval/golden.jsonl'));
  const items = await loadEvalSet(setFile);
  const retriever = await buildRetriever({
    corpusDir: path.join(root, 'corpus'),
    logger: createLogger('warn'),
  });
  const locate: LocateSection = (id) => retriever.section(id);
  assertExpectedIdsExist(items, locate);
  const runs = await answerAll(items, retriever);
  const outcomes = runs.map(({ item, response }) => outcomeOf(item, response, locate));
  const retrieval = scoreRetrieval(outcomes);
  const answers = scoreAnswers(runs, locate);
  const took = runs.map((run) => run.response.tookMs);
  const report: EvalReport = {
    set: path.relative(root, setFile),
    generatedAt: new Date().toISOString(),
    thresholds: EVAL_THRESHOLDS,
    retrieval,
    answers,
    faithfulness: await judgeWhenConfigured(runs),
    latencyMs: { p50: percentile(took, 0.5), p95: percentile(took, 0.95) },
    misses: retrievalMisses(outcomes),
    failures: gateFailures(retrieval, answers),
  };
  process.stdout.write(await writeReport(setFile, report));
  if (answers.misses.length > 0) {
    process.stdout.write(
      `\nAnswer misses:\n${answers.misses.map((miss) => `- ${miss.id}: ${miss.problem}`).join('\n')}\n`,
    );
  }
  process.exitCode = report.failures.length === 0 ? 0 : 1;
}

await main();
