/**
 * `node --import tsx tests/eval/explain-misses.ts [--suite NAME] [--brief]`: for every dev suite, the on-topic
 * questions whose expected section is not ranked first, with the top three sections, their scores and the
 * concepts each holds, where the expected section ranked, and how the winner relates to it (its parent, a
 * sibling, a section with the same sub-heading elsewhere …), so misses can be sorted into general causes.
 * Dev suites only: the blind split is never explained, only scored.
 */
import path from 'node:path';
import type { ExplainableRetriever, SearchExplanation } from '../../server/retrieval/types.js';
import { type EvalItem, loadEvalSet } from './eval-set.js';
import { isWithinExpected } from './score-retrieval.js';
import { root, SUITES, type Suite, suiteRetriever } from './suites.js';

const DEPTH = 30;

type Located = { id: string; docId: string; headings: string[]; text: string };

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length < path.length && prefix.every((heading, index) => path[index] === heading);
}

/** How the section ranked first relates to the expected one: the cause classes the ranking work is about. */
export function relation(winner: Located, expected: Located): string {
  if (winner.docId !== expected.docId) return 'other document';
  if (startsWith(expected.headings, winner.headings)) return 'ancestor';
  const parent = (headings: string[]) => headings.slice(0, -1).join(' > ');
  if (parent(winner.headings) === parent(expected.headings)) return 'sibling';
  if (winner.headings.at(-1) === expected.headings.at(-1)) return 'same sub-heading elsewhere';
  return 'same document';
}

function rankOf(retriever: ExplainableRetriever, item: EvalItem, explanation: SearchExplanation): number {
  const locate = (id: string) => retriever.section(id);
  return explanation.ranked.findIndex((entry) => {
    const section = locate(entry.id);
    return section !== undefined && isWithinExpected(section, item.expected, locate);
  });
}

function describe(retriever: ExplainableRetriever, entry: SearchExplanation['ranked'][number]): string {
  const section = retriever.section(entry.id);
  const length = section?.text.length ?? 0;
  return `${entry.score.toFixed(3)}  ${section?.headings.join(' > ') ?? entry.id}  [${length} chars; held ${entry.held.join(', ')}]`;
}

async function explainSuite(suite: Suite, brief: boolean, tally: Map<string, number>): Promise<void> {
  const items = (await loadEvalSet(path.join(root, suite.set))).filter((item) => !item.offTopic);
  const retriever = await suiteRetriever(suite);
  process.stdout.write(`\n## ${suite.name}\n`);
  for (const item of items) {
    const explanation = retriever.explain(item.question, { limit: DEPTH });
    const rank = rankOf(retriever, item, explanation);
    if (rank === 0) continue;
    const winner = retriever.section(explanation.ranked[0]?.id ?? '');
    const expected = retriever.section(
      rank > 0 ? (explanation.ranked[rank]?.id ?? '') : (item.expected[0] ?? ''),
    );
    const cause = rank === -1 ? 'not in top 30' : winner && expected ? relation(winner, expected) : '?';
    tally.set(cause, (tally.get(cause) ?? 0) + 1);
    process.stdout.write(
      `\n${item.id} rank ${rank === -1 ? '>30' : rank + 1} (${cause})${explanation.answerable ? '' : ' NOT COVERED'}: ${item.question}\n`,
    );
    if (brief) continue;
    const concepts = explanation.concepts.map((concept) => `${concept.label}=${concept.importance}`);
    process.stdout.write(`  concepts: ${concepts.join(' ')}\n`);
    process.stdout.write(`  expected: ${expected?.headings.join(' > ') ?? item.expected.join(', ')}\n`);
    if (rank > 2)
      process.stdout.write(`    #${rank + 1} ${describe(retriever, explanation.ranked[rank] as never)}\n`);
    explanation.ranked.slice(0, 3).forEach((entry, at) => {
      process.stdout.write(`    #${at + 1} ${describe(retriever, entry)}\n`);
    });
  }
}

const nameAt = process.argv.indexOf('--suite');
const only = nameAt === -1 ? undefined : process.argv[nameAt + 1];
const tally = new Map<string, number>();
for (const suite of SUITES.filter((each) => each.split === 'dev' && (!only || each.name === only)))
  await explainSuite(suite, process.argv.includes('--brief'), tally);
process.stdout.write(`\n## causes\n${[...tally].map(([cause, count]) => `${cause}: ${count}`).join('\n')}\n`);
