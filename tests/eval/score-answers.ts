import type { ExtractiveAnswer } from '../../server/answer/extractive-answer.js';
import type { SearchResponse } from '../../server/contract.js';
import { type EvalItem, factsFor } from './eval-set.js';
import { documentLanguageOf, isWithinExpected, type LocateSection } from './score-retrieval.js';

/** One question with its search response and the search-mode answer built from it. */
export interface AnsweredRun {
  item: EvalItem;
  response: SearchResponse;
  answer: ExtractiveAnswer;
}

export interface AnswerMetrics {
  /** On-topic questions whose first cited section is (inside) an expected one. */
  firstCitationRate: number;
  /** Items with `facts` whose answer text holds every fact (case-insensitive). */
  factsRate: number;
  factsItems: number;
  /** Items with `facts` whose first cited line (the answer's lead) already holds every fact. */
  leadFactsRate: number;
  /** [n] markers outside 1..citations.length, over every answer. */
  invalidCitations: number;
  misses: Array<{ id: string; problem: string }>;
}

const MARKER = /\[(\d+)\]/g;

function markers(text: string): number[] {
  return [...text.matchAll(MARKER)].map((match) => Number(match[1]));
}

function checkAnswer(item: EvalItem, answer: ExtractiveAnswer, locate: LocateSection) {
  const cited = markers(answer.text);
  const invalid = cited.filter((n) => n < 1 || n > answer.citations.length).length;
  const first = answer.citations.find((citation) => citation.n === cited[0]) ?? answer.citations[0];
  const firstOk = !item.offTopic && first !== undefined && isWithinExpected(first, item.expected, locate);
  const text = answer.text.toLowerCase();
  // Facts are checked in the edition the answer quotes: its first citation's.
  const facts = factsFor(
    item,
    documentLanguageOf(first?.id ?? ''),
    documentLanguageOf(item.expected[0] ?? ''),
  );
  const missingFacts = (facts ?? []).filter((fact) => !text.includes(fact.toLowerCase()));
  const lead = text.split('\n').find((line) => MARKER.test(line)) ?? '';
  MARKER.lastIndex = 0;
  const leadHoldsFacts = (facts ?? []).every((fact) => lead.includes(fact.toLowerCase()));
  return { invalid, firstOk, facts, missingFacts, leadHoldsFacts };
}

/**
 * Scores each question's search-mode answer: is its first citation in an expected section (subsections
 * included, as for retrieval), does it hold the item's facts for the edition it cites (anywhere, and in its
 * first cited line: does the lead state the answer), and does every [n] point at a citation.
 */
export function scoreAnswers(runs: AnsweredRun[], locate: LocateSection): AnswerMetrics {
  const metrics: AnswerMetrics = {
    firstCitationRate: 0,
    factsRate: 0,
    factsItems: 0,
    leadFactsRate: 0,
    invalidCitations: 0,
    misses: [],
  };
  let firstOk = 0;
  let factsOk = 0;
  let leadOk = 0;
  const onTopic = runs.filter((run) => !run.item.offTopic).length;
  for (const { item, answer } of runs) {
    const check = checkAnswer(item, answer, locate);
    metrics.invalidCitations += check.invalid;
    if (check.invalid > 0)
      metrics.misses.push({ id: item.id, problem: `${check.invalid} invalid [n] marker(s)` });
    if (item.offTopic) continue;
    if (check.firstOk) firstOk += 1;
    else metrics.misses.push({ id: item.id, problem: `first citation ${answer.citations[0]?.id ?? 'none'}` });
    if (!check.facts) continue;
    metrics.factsItems += 1;
    if (check.leadHoldsFacts) leadOk += 1;
    if (check.missingFacts.length === 0) factsOk += 1;
    else metrics.misses.push({ id: item.id, problem: `missing facts: ${check.missingFacts.join(', ')}` });
  }
  metrics.firstCitationRate = onTopic === 0 ? 0 : firstOk / onTopic;
  metrics.factsRate = metrics.factsItems === 0 ? 1 : factsOk / metrics.factsItems;
  metrics.leadFactsRate = metrics.factsItems === 0 ? 1 : leadOk / metrics.factsItems;
  return metrics;
}
