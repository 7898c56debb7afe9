import type { ChatMessage, Citation, CitationsData } from '../../server/contract.js';
import { citationsOf, headingOf, messageText } from './chat-message.js';

const MARKER_LIST = /\[(\s*\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\s*)\]/g;

/** The citation numbers the answer's text actually carries as [n] markers. */
export function markerNumbers(text: string): Set<number> {
  const numbers = new Set<number>();
  for (const match of text.matchAll(MARKER_LIST)) {
    for (const part of (match[1] ?? '').split(/[,，、]/)) numbers.add(Number(part.trim()));
  }
  return numbers;
}

/**
 * Splits the retrieved passages into those the answer cites (a marker in the text, or sentences attributed
 * to it) and those only searched: a source count that includes the latter overstates the answer's support.
 */
export function splitCitations(data: CitationsData | undefined, text: string) {
  const inText = markerNumbers(text);
  const cited: Citation[] = [];
  const searched: Citation[] = [];
  for (const citation of data?.citations ?? []) {
    if (inText.has(citation.n) || citation.citedBy.length > 0) cited.push(citation);
    else searched.push(citation);
  }
  return { cited, searched };
}

/** What the answer's Sources button counts: the cited passages, or for an uncovered question the nearest. */
export function citedSourceCount(message: ChatMessage): number {
  const data = citationsOf(message);
  if (!data) return 0;
  const { cited } = splitCitations(data, messageText(message));
  return cited.length + (data.notCovered ? data.nearest.length : 0);
}

/** The answer without Markdown markup and markers, then "Sources" with each cited passage numbered. */
export function copyableAnswer(message: ChatMessage, sourcesTitle: string): string {
  const text = messageText(message);
  const plain = text
    .replace(MARKER_LIST, (marker) => marker.replace(/\s+/g, ''))
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*[*+-]\s+/gm, '• ')
    .replace(/\[([^\]]+)\]\((?:[^)]+)\)/g, '$1')
    .trim();
  const { cited } = splitCitations(citationsOf(message), text);
  if (cited.length === 0) return plain;
  const list = cited.map((citation) => `[${citation.n}] ${sourceLabel(citation)}`);
  return `${plain}\n\n${sourcesTitle}\n${list.join('\n')}`;
}

/**
 * A copied source's name: its parent heading › its own, so sibling sections that share a sub-heading (each
 * role's "Demand") read apart; a section right under the document is named with the document's title.
 */
export function sourceLabel(citation: Pick<Citation, 'headings' | 'docTitle'>): string {
  const { headings, docTitle } = citation;
  const heading = headingOf(headings, docTitle);
  const parent = headings.length > 1 ? headings.at(-2) : undefined;
  if (parent && parent !== docTitle && parent !== heading) return `${parent} › ${heading}`;
  return heading === docTitle ? heading : `${heading} — ${docTitle}`;
}
