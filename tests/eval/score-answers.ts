import type { Citation, SearchResponse, SearchResult } from '../../server/contract.js';
import type { EvalItem } from './eval-set.js';

/** The search-mode answer builder's shape (server/answer/extractive-answer.ts), typed here structurally. */
export type AnswerBuilder = (input: { question: string; results: SearchResult[]; answerable: boolean }) => {
  text: string;
  citations: Citation[];
  notCovered: boolean;
  nearest: SearchResult[];
};

export interface AnswerMetrics {
  /** On-topic questions whose first cited section is an expected one. */
  firstCitationRate: number;
  /** Items with `facts` whose answer text holds every fact (case-insensitive). */
  factsRate: number;
  factsItems: number;
  /** [n] markers outside 1..citations.length, over every answer. */
  invalidCitations: number;
  misses: Array<{ id: string; problem: string }>;
}

const MARKER = /\[(\d+)\]/g;

/** Loads the answer builder when that module exists; the eval then adds answer-level metrics. */
export async function loadAnswerBuilder(modulePath: string): Promise<AnswerBuilder | undefined> {
  try {
    const module: Record<string, unknown> = await import(modulePath);
    const builder = module.buildExtractiveAnswer;
    return typeof builder === 'function' ? (builder as AnswerBuilder) : undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

function markers(text: string): number[] {
  return [...text.matchAll(MARKER)].map((match) => Number(match[1]));
}

function checkAnswer(item: EvalItem, answer: ReturnType<AnswerBuilder>) {
  const cited = markers(answer.text);
  const invalid = cited.filter((n) => n < 1 || n > answer.citations.length).length;
  const first = answer.citations.find((citation) => citation.n === cited[0]) ?? answer.citations[0];
  const firstOk = !item.offTopic && first !== undefined && item.expected.includes(first.id);
  const text = answer.text.toLowerCase();
  const missingFacts = (item.facts ?? []).filter((fact) => !text.includes(fact.toLowerCase()));
  return { invalid, firstOk, missingFacts };
}

/** Builds each question's extractive answer from its search response and scores it. */
export function scoreAnswers(
  runs: Array<{ item: EvalItem; response: SearchResponse }>,
  buildAnswer: AnswerBuilder,
): AnswerMetrics {
  const metrics: AnswerMetrics = {
    firstCitationRate: 0,
    factsRate: 0,
    factsItems: 0,
    invalidCitations: 0,
    misses: [],
  };
  let firstOk = 0;
  let factsOk = 0;
  const onTopic = runs.filter((run) => !run.item.offTopic).length;
  for (const { item, response } of runs) {
    const answer = buildAnswer({
      question: item.question,
      results: response.results,
      answerable: response.answerable,
    });
    const check = checkAnswer(item, answer);
    metrics.invalidCitations += check.invalid;
    if (check.invalid > 0)
      metrics.misses.push({ id: item.id, problem: `${check.invalid} invalid [n] marker(s)` });
    if (item.offTopic) continue;
    if (check.firstOk) firstOk += 1;
    else metrics.misses.push({ id: item.id, problem: `first citation ${answer.citations[0]?.id ?? 'none'}` });
    if (!item.facts) continue;
    metrics.factsItems += 1;
    if (check.missingFacts.length === 0) factsOk += 1;
    else metrics.misses.push({ id: item.id, problem: `missing facts: ${check.missingFacts.join(', ')}` });
  }
  metrics.firstCitationRate = onTopic === 0 ? 0 : firstOk / onTopic;
  metrics.factsRate = metrics.factsItems === 0 ? 1 : factsOk / metrics.factsItems;
  return metrics;
}
