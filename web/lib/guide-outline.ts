import type { GuideDocument, GuideOutlineEntry } from '../../server/contract.js';
import type { Locale } from './i18n.js';

/** `guide.en` and `guide.zh` are editions of `guide`; a document without a language suffix is its own name. */
export function editionName(docId: string): string {
  return docId.replace(/\.[a-z]{2}(?:[-_][a-z]+)?$/i, '');
}

/** One document per edition family, in the reader's language when it has one, in corpus order. */
export function readerDocuments(documents: GuideDocument[], locale: Locale): GuideDocument[] {
  const chosen = new Map<string, GuideDocument>();
  for (const document of documents) {
    const name = editionName(document.id);
    const current = chosen.get(name);
    if (!current || (current.lang !== locale && document.lang === locale)) chosen.set(name, document);
  }
  return [...chosen.values()];
}

/**
 * A heading without its numbering (`3. `, `一、`, `(2)`): the number orders the outline and reads badly inside
 * a question. Mirrors the server's heading topic, for display only.
 */
export function headingLabel(heading: string): string {
  const label = heading.replace(
    /^\s*(?:[(（]?(?:\d{1,3}|[一二三四五六七八九十百]{1,3})[)）.、．:：])\s*/u,
    '',
  );
  return label === '' ? heading : label;
}

/** What a question names a section by: its heading, with its parent's when the heading alone is generic. */
export function topicOf(headings: string[]): string {
  const own = headingLabel(headings.at(-1) ?? '');
  if (headings.length < 3) return own;
  return `${headingLabel(headings.at(-2) ?? '')} · ${own}`;
}

const isAncestor = (ancestor: GuideOutlineEntry, entry: GuideOutlineEntry) =>
  ancestor.headings.length < entry.headings.length &&
  ancestor.headings.every((heading, at) => entry.headings[at] === heading);

/**
 * Entries whose own heading holds the query (case-insensitive), each with its ancestors so a match is seen in
 * context. An empty query keeps everything.
 */
export type FilteredEntry = GuideOutlineEntry & { matched: boolean };

export function filterOutline(entries: GuideOutlineEntry[], query: string): FilteredEntry[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return entries.map((entry) => ({ ...entry, matched: true }));
  const matches = entries.filter((entry) => (entry.headings.at(-1) ?? '').toLowerCase().includes(needle));
  return entries.flatMap((entry): FilteredEntry[] => {
    if (matches.includes(entry)) return [{ ...entry, matched: true }];
    return matches.some((match) => isAncestor(entry, match)) ? [{ ...entry, matched: false }] : [];
  });
}

/** The document and outline entry of a section id. */
export function findEntry(
  documents: GuideDocument[],
  id: string,
): { document: GuideDocument; entry: GuideOutlineEntry; index: number } | undefined {
  for (const document of documents) {
    const index = document.outline.findIndex((entry) => entry.id === id);
    const entry = document.outline[index];
    if (entry) return { document, entry, index };
  }
  return undefined;
}

/** The same section in the reader's language edition, else the section itself. */
export function inReaderLanguage(documents: GuideDocument[], entry: GuideOutlineEntry, locale: Locale) {
  for (const document of documents) {
    if (document.lang !== locale) continue;
    const match = document.outline.find((candidate) => candidate.key === entry.key);
    if (match) return match;
  }
  return entry;
}
