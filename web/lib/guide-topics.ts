import type { SearchResult, SectionResponse } from '../../server/contract.js';

const MAX_TOPICS = 6;
const MAX_SUGGESTIONS = 3;
/** A heading's leading number: `3. `, `一、`, `(2)`, `IV. `: it orders the outline and reads badly in a sentence. */
const NUMBERING = /^\s*[(（]?(?:\d{1,3}|[一二三四五六七八九十百]{1,3}|[IVXLC]{1,6})[)）.、．:：]\s*/u;

/** A heading without its numbering; a heading that is only a number stays as it is. */
export function plainHeading(heading: string): string {
  const plain = heading.replace(NUMBERING, '').trim();
  return plain === '' ? heading : plain;
}

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
      .map((entry) => plainHeading(entry.headings.at(-1) ?? ''))
      .filter((heading) => heading !== '');
    return [...new Set(headings)].slice(0, MAX_TOPICS);
  }
  return [...new Set(nearest.map((result) => result.docTitle))].slice(0, MAX_TOPICS);
}

/**
 * Headings for questions the guide can answer instead: the nearest sections' first, then the guide's
 * top-level topics, so there are two or three even when little is near.
 */
export function suggestionHeadings(nearest: SearchResult[], topics: string[] = []): string[] {
  const headings = nearest
    .map((result) => plainHeading(result.headings.at(-1) ?? result.docTitle))
    .concat(topics.map(plainHeading))
    .filter((heading) => heading !== '');
  return [...new Set(headings)].slice(0, MAX_SUGGESTIONS);
}
