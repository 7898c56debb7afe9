import type { SearchResult, SectionResponse } from '../../server/contract.js';

const MAX_TOPICS = 6;
const MAX_SUGGESTIONS = 3;

/**
 * What the guide covers, read from the corpus: the document's title and its top-level headings (the
 * shallowest level below the title in its outline). Without the document loaded, the nearest passages' titles.
 */
export function guideTopics(
  document: SectionResponse['document'] | undefined,
  nearest: SearchResult[],
): string[] {
  if (document) {
    const depths = document.outline.map((entry) => entry.depth).filter((depth) => depth > 1);
    const top = Math.min(...depths);
    const headings = document.outline
      .filter((entry) => entry.depth === top)
      .map((entry) => entry.headings.at(-1) ?? '')
      .filter((heading) => heading !== '');
    return [...new Set(headings)].slice(0, MAX_TOPICS);
  }
  return [...new Set(nearest.map((result) => result.docTitle))].slice(0, MAX_TOPICS);
}

/** Headings of the nearest sections, distinct, for questions the guide can answer instead. */
export function suggestionHeadings(nearest: SearchResult[]): string[] {
  const headings = nearest
    .map((result) => result.headings.at(-1) ?? result.docTitle)
    .map((heading) => heading.replace(/^[\d一二三四五六七八九十]+[.、)）]\s*/u, '').trim())
    .filter((heading) => heading !== '');
  return [...new Set(headings)].slice(0, MAX_SUGGESTIONS);
}
