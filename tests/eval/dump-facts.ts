/**
 * `node --import tsx tests/eval/dump-facts.ts [--suite NAME] [--all]`: for every dev item with facts, the
 * search-mode answer, which facts it misses (anywhere / in the lead) and the top results. Dev suites only.
 */
import path from 'node:path';
import { buildExtractiveAnswer } from '../../server/answer/extractive-answer.js';
import { factsFor, loadEvalSet } from './eval-set.js';
import { documentLanguageOf, isWithinExpected } from './score-retrieval.js';
import { root, SUITES, suiteRetriever } from './suites.js';

const nameAt = process.argv.indexOf('--suite');
const only = nameAt === -1 ? undefined : process.argv[nameAt + 1];
const all = process.argv.includes('--all');
for (const suite of SUITES.filter((each) => each.split === 'dev' && (!only || each.name === only))) {
  const items = (await loadEvalSet(path.join(root, suite.set))).filter(
    (item) => item.facts && !item.offTopic,
  );
  const retriever = await suiteRetriever(suite);
  const locate = (id: string) => retriever.section(id);
  process.stdout.write(`\n######## ${suite.name}\n`);
  for (const item of items) {
    const response = await retriever.search(item.question, { limit: 5 });
    const answer = buildExtractiveAnswer({
      question: item.question,
      results: response.results,
      answerable: response.answerable,
      section: locate,
    });
    const first = answer.citations[0];
    const facts =
      factsFor(item, documentLanguageOf(first?.id ?? ''), documentLanguageOf(item.expected[0] ?? '')) ?? [];
    const text = answer.text.toLowerCase();
    const lead = text.split('\n').find((line) => /\[\d+\]/.test(line)) ?? '';
    const missing = facts.filter((fact) => !text.includes(fact.toLowerCase()));
    const leadMissing = facts.filter((fact) => !lead.includes(fact.toLowerCase()));
    if (!all && leadMissing.length === 0) continue;
    const rank = response.results.findIndex((result) => {
      const section = locate(result.id);
      return section !== undefined && isWithinExpected(section, item.expected, locate);
    });
    process.stdout.write(
      `\n=== ${item.id} [${missing.length === 0 ? 'facts ok' : 'MISSING'}; ${leadMissing.length === 0 ? 'lead ok' : 'lead miss'}] rank ${rank + 1}: ${item.question}\n  facts: ${JSON.stringify(facts)} missing: ${JSON.stringify(missing)}\n  expected: ${item.expected.join(', ')}\n`,
    );
    for (const result of response.results)
      process.stdout.write(`  ${result.score.toFixed(3)} ${result.headings.join(' > ')}\n`);
    process.stdout.write(
      `${answer.text
        .split('\n')
        .map((line) => `    | ${line}`)
        .join('\n')}\n`,
    );
  }
}
