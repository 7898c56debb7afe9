import type { SearchResult } from '../contract.js';
import { plainText } from './markdown-units.js';

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)*[.、．)]?)\s*/u;

/** The headings that tell sections apart: the document title (H1) is shared by every section of a file. */
export function sectionHeadings(result: Pick<SearchResult, 'headings'>): string[] {
  return result.headings.length > 1 ? result.headings.slice(1) : result.headings;
}

/** A short human label for a section: its last one or two headings without numbering, e.g. "法压壶（French Press） › 所需器具". */
export function sectionLabel(result: Pick<SearchResult, 'headings' | 'docTitle'>): string {
  const headings = sectionHeadings(result)
    .slice(-2)
    .map((heading) => plainText(heading).replace(NUMBERING, '').trim())
    .filter((heading) => heading !== '');
  return headings.length > 0 ? headings.join(' › ') : plainText(result.docTitle);
}
