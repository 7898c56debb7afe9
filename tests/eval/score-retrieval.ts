import type { SearchResponse } from '../../server/contract.js';
import type { EvalItem, EvalLanguage } from './eval-set.js';

/** Where a section sits: its document and heading path, outermost first (as `retriever.section` gives). */
export interface SectionLocation {
  id: string;
  docId: string;
  headings: string[];
}

/** Looks an expected section up by id; the eval passes `retriever.section`. */
export type LocateSection = (id: string) => SectionLocation | undefined;

/** What one question got from the retriever. */
export interface RetrievalOutcome {
  item: EvalItem;
  response: SearchResponse;
  /** 1-based rank of the first expected section among the results; null when absent or judged not covered. */
  rank: number | null;
}

export interface LanguageMetrics {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
  /** On-topic questions judged "not covered" (false negatives). */
  falseNotCovered: number;
}

export interface RetrievalMetrics {
  byLanguage: Record<EvalLanguage, LanguageMetrics>;
  /** Question language → document language (`en→zh`: an English question about a Chinese document). */
  byDirection: Record<string, LanguageMetrics>;
  /** Every on-topic question together. */
  overall: LanguageMetrics;
  offTopic: { questions: number; correct: number; accuracy: number };
  /** Share of on-topic questions judged "not covered", all languages. */
  falseNotCoveredRate: number;
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((heading, index) => path[index] === heading);
}

/**
 * An expected section includes its subsections: a result hits expected id E when it is E, or lies inside E
 * (same document, heading path starting with E's). A role's own heading chunk is empty and never returned,
 * but a question about the whole role is answered by any of its subsections.
 */
export function isWithinExpected(
  result: SectionLocation,
  expected: readonly string[],
  locate: LocateSection,
): boolean {
  return expected.some((id) => {
    if (result.id === id) return true;
    const section = locate(id);
    return (
      section !== undefined && section.docId === result.docId && startsWith(result.headings, section.headings)
    );
  });
}

/** Rank of the first expected section; a question judged not covered is a miss whatever it ranked. */
export function outcomeOf(item: EvalItem, response: SearchResponse, locate: LocateSection): RetrievalOutcome {
  if (item.offTopic || !response.answerable) return { item, response, rank: null };
  const index = response.results.findIndex((result) => isWithinExpected(result, item.expected, locate));
  return { item, response, rank: index === -1 ? null : index + 1 };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function languageMetrics(outcomes: RetrievalOutcome[]): LanguageMetrics {
  const within = (k: number) =>
    outcomes.filter((outcome) => outcome.rank !== null && outcome.rank <= k).length;
  const reciprocal = outcomes.reduce((sum, outcome) => sum + (outcome.rank ? 1 / outcome.rank : 0), 0);
  return {
    questions: outcomes.length,
    recallAt1: share(within(1), outcomes.length),
    recallAt3: share(within(3), outcomes.length),
    recallAt5: share(within(5), outcomes.length),
    mrr: share(reciprocal, outcomes.length),
    falseNotCovered: outcomes.filter((outcome) => !outcome.response.answerable).length,
  };
}

/** `zh` or `en` from a section id's document (`guide.zh#…`); `?` when the name does not say. */
export function documentLanguageOf(id: string): string {
  return /\.(zh|en)#/.exec(id)?.[1] ?? '?';
}

function byDirection(onTopic: RetrievalOutcome[]): Record<string, LanguageMetrics> {
  const groups = new Map<string, RetrievalOutcome[]>();
  for (const outcome of onTopic) {
    const direction = `${outcome.item.lang}→${documentLanguageOf(outcome.item.expected[0] ?? '')}`;
    groups.set(direction, [...(groups.get(direction) ?? []), outcome]);
  }
  return Object.fromEntries(
    [...groups].sort().map(([direction, group]) => [direction, languageMetrics(group)]),
  );
}

/** Recall@1/3/5 and MRR per language and direction, off-topic accuracy and the false "not covered" rate. */
export function scoreRetrieval(outcomes: RetrievalOutcome[]): RetrievalMetrics {
  const onTopic = outcomes.filter((outcome) => !outcome.item.offTopic);
  const offTopic = outcomes.filter((outcome) => outcome.item.offTopic);
  const correct = offTopic.filter((outcome) => !outcome.response.answerable).length;
  const falseNotCovered = onTopic.filter((outcome) => !outcome.response.answerable).length;
  return {
    byLanguage: {
      zh: languageMetrics(onTopic.filter((outcome) => outcome.item.lang === 'zh')),
      en: languageMetrics(onTopic.filter((outcome) => outcome.item.lang === 'en')),
    },
    byDirection: byDirection(onTopic),
    overall: languageMetrics(onTopic),
    offTopic: { questions: offTopic.length, correct, accuracy: share(correct, offTopic.length) },
    falseNotCoveredRate: share(falseNotCovered, onTopic.length),
  };
}
