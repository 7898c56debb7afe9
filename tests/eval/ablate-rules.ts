import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COVERAGE, type CoverageFeatures, isCovered } from '../../server/retrieval/judge-coverage.js';
import { ALL_RULES, type RetrievalRules, RULE_NAMES } from '../../server/retrieval/rules.js';
import type { ExplainableRetriever } from '../../server/retrieval/types.js';
import { loadEvalSet } from './eval-set.js';
import { isWithinExpected } from './score-retrieval.js';
import { root, SUITES, type Suite, suiteRetriever } from './suites.js';

interface RankOnly {
  recallAt3: number;
  mrr: number;
}

/** Rank quality alone (coverage ignored): what a rule changes in the ordering. */
async function rankOnly(suite: Suite, rules: Partial<RetrievalRules>): Promise<RankOnly> {
  const items = (await loadEvalSet(path.join(root, suite.set))).filter((item) => !item.offTopic);
  const retriever = await suiteRetriever(suite, rules);
  let hits = 0;
  let reciprocal = 0;
  for (const item of items) {
    const ranked = retriever.explain(item.question, { limit: 10 }).ranked;
    const rank = ranked.findIndex((entry) => {
      const section = retriever.section(entry.id);
      return section !== undefined && isWithinExpected(section, item.expected, (id) => retriever.section(id));
    });
    if (rank !== -1 && rank < 3) hits += 1;
    if (rank !== -1) reciprocal += 1 / (rank + 1);
  }
  return { recallAt3: hits / items.length, mrr: reciprocal / items.length };
}

/** Prints R@3 / MRR (rank only) with every rule on, then with each rule off in turn: what each rule is worth. */
export async function printAblation(suites: Suite[]): Promise<void> {
  const variants: Array<[string, Partial<RetrievalRules>]> = [
    ['all rules', ALL_RULES],
    ...RULE_NAMES.map((name): [string, Partial<RetrievalRules>] => [`without ${name}`, { [name]: false }]),
  ];
  const header = ['| rules |', ...suites.map((suite) => ` ${suite.split}: ${suite.name} R@3 / MRR |`)].join(
    '',
  );
  process.stdout.write(`${header}\n|---|${suites.map(() => '---|').join('')}\n`);
  for (const [label, rules] of variants) {
    const cells: string[] = [];
    for (const suite of suites) {
      const { recallAt3, mrr } = await rankOnly(suite, rules);
      cells.push(` ${(recallAt3 * 100).toFixed(1)}% / ${mrr.toFixed(3)} |`);
    }
    process.stdout.write(`| ${label} |${cells.join('')}\n`);
  }
}

/**
 * The bound on answerable questions judged "not covered": the calibration declines as many off-topic
 * questions as it can while keeping false "not covered" under it.
 */
const MAX_FALSE_NOT_COVERED = 0.05;

interface Observation extends CoverageFeatures {
  onTopic: boolean;
}

async function observe(suite: Suite): Promise<Observation[]> {
  // Each suite counts alike, however many questions it has: a rule fitted to the largest set alone would
  // serve only its corpus.
  const items = await loadEvalSet(path.join(root, suite.set));
  const retriever: ExplainableRetriever = await suiteRetriever(suite);
  return items.map((item) => {
    const { held, covered, strongest, unseen, corroboration, missingName } = retriever.explain(item.question);
    return { held, covered, strongest, unseen, corroboration, missingName, onTopic: !item.offTopic };
  });
}

/**
 * Grid-searches the coverage thresholds on the dev split: the pair that declines the most off-topic questions
 * (mean over suites) while answerable ones judged "not covered" stay under MAX_FALSE_NOT_COVERED (mean over
 * suites), printed beside today's.
 */
export async function printCalibration(suites: Suite[]): Promise<void> {
  const bySuite = await Promise.all(suites.map(observe));
  const rate = (minCovered: number, maxUnseen: number) => {
    const covered = (entry: Observation) => isCovered(entry, { ...COVERAGE, minCovered, maxUnseen });
    const mean = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const answered = mean(
      bySuite.map((observations) => {
        const on = observations.filter((entry) => entry.onTopic);
        return on.filter(covered).length / Math.max(1, on.length);
      }),
    );
    const declined = mean(
      bySuite.map((observations) => {
        const off = observations.filter((entry) => !entry.onTopic);
        return off.filter((entry) => !covered(entry)).length / Math.max(1, off.length);
      }),
    );
    return { answered, declined };
  };
  const better = (left: ReturnType<typeof rate>, right: ReturnType<typeof rate>) =>
    left.declined > right.declined || (left.declined === right.declined && left.answered > right.answered);
  let best = { minCovered: 0, maxUnseen: 1, ...rate(0, 1) };
  for (let minCovered = 0; minCovered <= 0.6; minCovered += 0.01) {
    for (let maxUnseen = 0; maxUnseen <= 1; maxUnseen += 0.05) {
      const scored = rate(minCovered, maxUnseen);
      if (1 - scored.answered <= MAX_FALSE_NOT_COVERED && better(scored, best))
        best = { minCovered, maxUnseen, ...scored };
    }
  }
  const today = rate(COVERAGE.minCovered, COVERAGE.maxUnseen);
  const line = (label: string, values: { answered: number; declined: number }) =>
    `${label}: on-topic answered ${(values.answered * 100).toFixed(1)}%, off-topic declined ${(values.declined * 100).toFixed(1)}% (means over suites)\n`;
  const name = (values: { minCovered: number; maxUnseen: number }) =>
    `minCovered ${values.minCovered.toFixed(2)}, maxUnseen ${values.maxUnseen.toFixed(2)}`;
  process.stdout.write(line(`today (${name(COVERAGE)})`, today));
  process.stdout.write(line(`best (${name(best)})`, best));
}

// Run directly (`node --import tsx tests/eval/ablate-rules.ts`) it ablates every suite, as `--ablate` does.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await printAblation(SUITES);
