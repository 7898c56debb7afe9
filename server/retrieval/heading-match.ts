import type { AnalyzedQuery } from './analyze-query.js';
import { headingTopic } from './markdown.js';
import { termSet } from './text.js';
import type { Chunk } from './types.js';

/** Each indexed section's headings as token sets, and how many sections' heading paths hold a token. */
export interface HeadingPaths {
  /** The section's own heading. */
  own(position: number): ReadonlySet<string>;
  /** Its own heading and its parents' (not the document title, which every section shares). */
  path(position: number): ReadonlySet<string>;
  /** Sections whose heading path holds the token; aligned editions count once. */
  frequency(token: string): number;
  /** Sections, aligned editions counted once. */
  readonly size: number;
}

/** The heading statistics of the indexed sections (built once with the index). */
export function createHeadingPaths(chunks: Chunk[]): HeadingPaths {
  // The document title names the whole document, not the introduction that sits under it.
  const own = chunks.map((chunk) => {
    const heading = chunk.headings.at(-1);
    return heading === undefined || heading === chunk.docTitle
      ? new Set<string>()
      : termSet(headingTopic(heading));
  });
  const paths = chunks.map((chunk, at) => {
    const parents = chunk.headings.slice(0, -1).filter((heading) => heading !== chunk.docTitle);
    const tokens = new Set(own[at]);
    for (const heading of parents) for (const token of termSet(headingTopic(heading))) tokens.add(token);
    return tokens;
  });
  const byKey = new Map<string, Set<string>>();
  chunks.forEach((chunk, at) => {
    const seen = byKey.get(chunk.sectionKey) ?? new Set<string>();
    for (const token of paths[at] ?? []) seen.add(token);
    byKey.set(chunk.sectionKey, seen);
  });
  const frequencies = new Map<string, number>();
  for (const seen of byKey.values())
    for (const token of seen) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  const none = new Set<string>();
  return {
    own: (position) => own[position] ?? none,
    path: (position) => paths[position] ?? none,
    frequency: (token) => frequencies.get(token) ?? 0,
    size: byKey.size,
  };
}

/**
 * How much of its own heading the question names: the heading is the author's own summary of the section, so
 * a question that restates it asks for exactly that section.
 */
export function headingShare(
  position: number,
  held: ReadonlySet<number>,
  query: AnalyzedQuery,
  headings: HeadingPaths,
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
