import type { SearchResponse } from '../../server/contract.js';
import type { EvalItem, EvalLanguage } from './eval-set.js';

/** Where a section sits: its document and heading path, outermost first (as `retriever.section` gives). */
export interface SectionLocation {
  id: string;
  docId: string;
  headings: string[];
  /** The same section in the document's other language editions (same section key). */
  editions?: Array<{ lang: string; id: string }>;
}

/** Looks an expected section up by id; the eval passes `retriever.section`. */
export type LocateSection = (id: string) => SectionLocation | undefined;

/** What one question got from the retriever. */
export interface RetrievalOutcome {
  item: EvalItem;
  response: SearchResponse;
  /** 1-based rank of the first expected section among the results; null when absent or judged not covered. */
  rank: number | null;
  /** Question language → language of the edition it should be answered from (`en→en` when one exists). */
  direction: string;
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

function liesWithin(result: SectionLocation, expected: readonly string[], locate: LocateSection): boolean {
  return expected.some((id) => {
    if (result.id === id) return true;
    const section = locate(id);
    return (
      section !== undefined && section.docId === result.docId && startsWith(result.headings, section.headings)
    );
  });
}

/**
 * An expected section includes its subsections: a result hits expected id E when it is E, or lies inside E
 * (same document, heading path starting with E's). A role's own heading chunk is empty and never returned,
 * but a question about the whole role is answered by any of its subsections. Aligned editions are one target:
 * a result also hits when its section in another edition (same section key) does, so an English question
 * answered from the English edition of a Chinese expected section counts.
 */
export function isWithinExpected(
  result: SectionLocation,
  expected: readonly string[],
  locate: LocateSection,
): boolean {
  if (liesWithin(result, expected, locate)) return true;
  const editions = locate(result.id)?.editions ?? [];
  return editions.some((edition) => {
    const aligned = locate(edition.id);
    return aligned !== undefined && liesWithin(aligned, expected, locate);
  });
}

/** Rank of the first expected section; a question judged not covered is a miss whatever it ranked. */
export function outcomeOf(item: EvalItem, response: SearchResponse, locate: LocateSection): RetrievalOutcome {
  const direction = directionOf(item, locate);
  if (item.offTopic || !response.answerable) return { item, response, rank: null, direction };
  const index = response.results.findIndex((result) => isWithinExpected(result, item.expected, locate));
  return { item, response, rank: index === -1 ? null : index + 1, direction };
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

/** The expected section's language, or the question's when the section has an edition in it. */
function directionOf(item: EvalItem, locate: LocateSection): string {
  const expected = item.expected[0] ?? '';
  const editions = locate(expected)?.editions ?? [];
  const own = editions.some((edition) => edition.lang.split('-')[0] === item.lang);
  return `${item.lang}→${own ? item.lang : documentLanguageOf(expected)}`;
}

function byDirection(onTopic: RetrievalOutcome[]): Record<string, LanguageMetrics> {
  const groups = new Map<string, RetrievalOutcome[]>();
  for (const outcome of onTopic)
    groups.set(outcome.direction, [...(groups.get(outcome.direction) ?? []), outcome]);
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
