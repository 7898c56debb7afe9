import type { AnalyzedQuery, Concept } from './analyze-query.js';
import { headingTopic } from './markdown.js';
import type { Work } from './pacer.js';
import { conceptFrequency, idf, type ScoredSection } from './score-sections.js';
import { termSet } from './text.js';
import type { Chunk } from './types.js';

/**
 * How much more a section counts when the question names everything its own heading says: the heading is
 * the author's own summary of the section, so a question that restates it asks for exactly that section.
 */
export const HEADING_BONUS = 0.5;
/**
 * How much more a section counts when its heading path (own and parent headings) says the whole question:
 * in a guide written to a template the parent heading names the subject and the sub-heading the aspect, and
 * only the one section under both says both. Twice the own-heading bonus, since it asks the headings for
 * every concept of the question, not just for the words of one heading.
 */
export const PATH_BONUS = 1;

/** Each indexed section's headings as token sets, and how many sections' heading paths hold a token. */
export interface SectionHeadings {
  /** The section's own heading. */
  own(position: number): ReadonlySet<string>;
  /** Whether its own heading or a parent's (not the document title, which every section shares) holds the token. */
  pathHolds(position: number, token: string): boolean;
  /** Sections whose heading path holds the token; aligned editions count once. */
  frequency(token: string): number;
  /** Sections, aligned editions counted once. */
  readonly size: number;
}

/** The heading statistics of the indexed sections (built once with the index; run it paced in the warm-up). */
export function* sectionHeadingsWork(chunks: Chunk[]): Work<SectionHeadings> {
  // Sections share their parents' headings: each heading is tokenized once.
  const tokenized = new Map<string, Set<string>>();
  const tokensOf = (heading: string) => {
    const known = tokenized.get(heading) ?? termSet(headingTopic(heading));
    tokenized.set(heading, known);
    return known;
  };
  const none = new Set<string>();
  const own: Array<Set<string>> = [];
  const paths: Array<Array<Set<string>>> = [];
  const byKey = new Map<string, Set<string>>();
  for (const chunk of chunks) {
    yield;
    // The document title names the whole document, not the introduction that sits under it.
    const heading = chunk.headings.at(-1);
    const ownTokens = heading === undefined || heading === chunk.docTitle ? none : tokensOf(heading);
    // A path is the list of its headings' token sets, shared with every section under the same headings.
    const parents = chunk.headings.slice(0, -1).filter((parent) => parent !== chunk.docTitle);
    const path = [ownTokens, ...parents.map(tokensOf)];
    own.push(ownTokens);
    paths.push(path);
    const seen = byKey.get(chunk.sectionKey) ?? new Set<string>();
    for (const tokens of path) for (const token of tokens) seen.add(token);
    byKey.set(chunk.sectionKey, seen);
  }
  const frequencies = new Map<string, number>();
  for (const seen of byKey.values())
    for (const token of seen) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  return {
    own: (position) => own[position] ?? none,
    pathHolds: (position, token) => (paths[position] ?? []).some((heading) => heading.has(token)),
    frequency: (token) => frequencies.get(token) ?? 0,
    size: byKey.size,
  };
}

/** How much of its own heading the question names (see `HEADING_BONUS`). */
export function headingShare(
  position: number,
  held: ReadonlySet<number>,
  query: AnalyzedQuery,
  headings: SectionHeadings,
): number {
  const heading = headings.own(position);
  if (heading.size === 0) return 0;
  const asked = new Set<string>();
  for (const index of held) {
    for (const alternative of query.concepts[index]?.alternatives ?? [])
      for (const token of alternative.tokens) asked.add(token);
  }
  let named = 0;
  for (const token of heading) if (asked.has(token)) named += 1;
  return named / heading.size;
}

/**
 * How rare a concept is among heading paths: a word every body uses (`model` in a guide about models) can
 * still tell sections apart when few headings say it, because the headings are where an author says what a
 * section is about. Its commonest alternative decides, as for `conceptImportance`.
 */
export function headingRarity(concept: Concept, headings: SectionHeadings): number {
  return idf(conceptFrequency(concept, headings.frequency), headings.size) * concept.weight;
}

/**
 * The share of the question (each concept by its heading rarity) that the section's heading path says whole:
 * a section under "B" headed "C" answers a question about B's C better than B's introduction or A's C, which
 * say only one of the two. Concepts of no rarity (the caller's zero for words the corpus never holds) do not
 * count.
 */
export function pathCoverage(
  position: number,
  query: AnalyzedQuery,
  rarity: number[],
  headings: SectionHeadings,
  sameLanguage: boolean,
): number {
  let total = 0;
  let said = 0;
  query.concepts.forEach((concept, at) => {
    const weight = rarity[at] ?? 0;
    if (weight === 0) return;
    total += weight;
    const whole = concept.alternatives.some(
      (alternative) =>
        !(sameLanguage && alternative.source === 'translation') &&
        alternative.tokens.length > 0 &&
        alternative.tokens.every((token) => headings.pathHolds(position, token)),
    );
    if (whole) said += weight;
  });
  return total === 0 ? 0 : said / total;
}

/**
 * The heading pass over the head of a ranking: each section gains by how much of its own heading the question
 * names (`HEADING_BONUS`) and how much of the question its heading path says (`PATH_BONUS`).
 */
export function rerankByHeadings(
  head: ScoredSection[],
  query: AnalyzedQuery,
  importance: number[],
  headings: SectionHeadings,
  languages: ReadonlyArray<'zh' | 'en'>,
): void {
  // Concepts the corpus never holds cannot favour one heading over another.
  const rarity = query.concepts.map((concept, at) =>
    (importance[at] ?? 0) === 0 ? 0 : headingRarity(concept, headings),
  );
  for (const section of head) {
    const sameLanguage = languages[section.position] === query.language;
    const named = headingShare(section.position, section.held, query, headings);
    const said = pathCoverage(section.position, query, rarity, headings, sameLanguage);
    section.score *= 1 + HEADING_BONUS * named + PATH_BONUS * said;
  }
}
