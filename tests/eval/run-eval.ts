/**
 * `npm run eval [-- --set path/to/set.jsonl]`: builds the retriever from corpus/, asks every question,
 * prints R@1/R@3/R@5/MRR per language, off-topic accuracy and (when the extractive answer builder exists)
 * answer metrics; writes reports/eval(-<set>).json + .md; exits 1 when a gate of EVAL_THRESHOLDS fails.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../server/logger.js';
import { buildRetriever } from '../../server/retrieval/build-retriever.js';
import { type EvalReport, gateFailures, renderMarkdown, retrievalMisses } from './eval-report.js';
import { loadEvalSet } from './eval-set.js';
import { EVAL_THRESHOLDS } from './eval-thresholds.js';
import { loadAnswerBuilder, scoreAnswers } from './score-answers.js';
import { outcomeOf, scoreRetrieval } from './score-retrieval.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ANSWER_MODULE = path.join(root, 'server/answer/extractive-answer.ts');
const RESULTS_PER_QUESTION = 5;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const setFile = path.resolve(argument('--set') ?? path.join(root, 'tests/eval/golden.jsonl'));
  const items = await loadEvalSet(setFile);
  const retriever = await buildRetriever({
    corpusDir: path.join(root, 'corpus'),
    logger: createLogger('warn'),
  });
  const runs = [];
  for (const item of items)
    runs.push({ item, response: await retriever.search(item.question, { limit: RESULTS_PER_QUESTION }) });
  const outcomes = runs.map(({ item, response }) => outcomeOf(item, response));
  const retrieval = scoreRetrieval(outcomes);
  const buildAnswer = await loadAnswerBuilder(ANSWER_MODULE);
  const answers = buildAnswer ? scoreAnswers(runs, buildAnswer) : null;
  const took = runs.map((run) => run.response.tookMs);
  const report: EvalReport = {
    set: path.relative(root, setFile),
    generatedAt: new Date().toISOString(),
    thresholds: EVAL_THRESHOLDS,
    retrieval,
    answers,
    latencyMs: { p50: percentile(took, 0.5), p95: percentile(took, 0.95) },
    misses: retrievalMisses(outcomes),
    failures: gateFailures(retrieval, answers),
  };
  const name =
    path.basename(setFile, '.jsonl') === 'golden' ? 'eval' : `eval-${path.basename(setFile, '.jsonl')}`;
  await mkdir(path.join(root, 'reports'), { recursive: true });
  await writeFile(path.join(root, 'reports', `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  await writeFile(path.join(root, 'reports', `${name}.md`), markdown);
  process.stdout.write(markdown);
  if (answers && answers.misses.length > 0) {
    process.stdout.write(
      `\nAnswer misses:\n${answers.misses.map((miss) => `- ${miss.id}: ${miss.problem}`).join('\n')}\n`,
    );
  }
  process.exitCode = report.failures.length === 0 ? 0 : 1;
}

await main();
