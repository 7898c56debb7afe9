import type { CompareCell, CompareGroup } from '../contract.js';
import { chunksByDocument } from './chunk-markdown.js';
import { headingTopic } from './markdown.js';
import type { Work } from './pacer.js';
import type { Chunk } from './types.js';

/**
 * The smallest structure worth a table: at least this many siblings sharing at least this many sub-heading
 * titles. Two siblings are a pair, not a comparison, and two shared titles are as likely chance ("Overview",
 * "Summary") as a template the author followed.
 */
export const MIN_COMPARED_SIBLINGS = 3;
export const MIN_SHARED_SUBHEADINGS = 3;

/** A sub-heading's title as compared: without its numbering, case and spacing. */
function titleKey(title: string): string {
  return headingTopic(title).trim().toLowerCase().replace(/\s+/g, ' ');
}

const EXCERPT_CHARS = 120;

/** A cell's opening words: the body without its heading line and Markdown markers, cut at a word. */
function excerptOf(chunk: Chunk): CompareCell {
  const body = chunk.text.slice(chunk.text.indexOf('\n') + 1);
  // One line per list item or paragraph line, joined with a dot so bullets do not run together.
  const plain = body
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(?:[-*+>]|\d+[.)]|\|)\s*/, '')
        .replace(/[*_`|#]+/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .trim(),
    )
    .filter((line) => line !== '')
    .join(' · ');
  if (plain.length <= EXCERPT_CHARS) return { id: chunk.id, excerpt: plain };
  const cut = plain.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return { id: chunk.id, excerpt: `${space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut}…` };
}

function parentPath(indexPath: string): string {
  const cut = indexPath.lastIndexOf('.');
  return cut === -1 ? '' : indexPath.slice(0, cut);
}

/** Direct children of each section of one document, by the parent's index path ('' for top-level headings). */
function childrenByParent(chunks: Chunk[]): Map<string, Chunk[]> {
  const children = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    if (chunk.depth === 0) continue;
    const parent = parentPath(chunk.indexPath);
    const list = children.get(parent) ?? [];
    list.push(chunk);
    children.set(parent, list);
  }
  return children;
}

/** One sibling's sub-sections by title key (the first one wins when a title repeats). */
function subSections(sibling: Chunk, children: Map<string, Chunk[]>): Map<string, Chunk> {
  const byTitle = new Map<string, Chunk>();
  for (const child of children.get(sibling.indexPath) ?? []) {
    const key = titleKey(child.headings.at(-1) ?? '');
    if (key !== '' && !byTitle.has(key)) byTitle.set(key, child);
  }
  return byTitle;
}

/** The table for one parent's children, or undefined when too few of them share enough sub-headings. */
function groupOf(
  parent: Chunk,
  siblings: Chunk[],
  children: Map<string, Chunk[]>,
  lang: 'zh' | 'en',
): CompareGroup | undefined {
  const subs = siblings.map((sibling) => subSections(sibling, children));
  const holders = new Map<string, number>();
  for (const sub of subs) for (const key of sub.keys()) holders.set(key, (holders.get(key) ?? 0) + 1);
  // The template: titles enough siblings repeat, in the order the siblings first give them.
  const templateKeys = [...holders].filter(([, count]) => count >= MIN_COMPARED_SIBLINGS).map(([key]) => key);
  if (templateKeys.length < MIN_SHARED_SUBHEADINGS) return undefined;
  const columns = siblings.flatMap((sibling, at) => {
    const sub = subs[at] ?? new Map<string, Chunk>();
    const shared = templateKeys.filter((key) => sub.has(key)).length;
    return shared >= MIN_SHARED_SUBHEADINGS ? [{ sibling, sub }] : [];
  });
  if (columns.length < MIN_COMPARED_SIBLINGS) return undefined;
  // Once the template's columns are known, a title two of them share is a row too, its gaps shown as gaps.
  const columnHolders = (key: string) => columns.filter(({ sub }) => sub.has(key)).length;
  const rowKeys = [...holders.keys()].filter((key) => columnHolders(key) >= 2);
  return {
    id: parent.id,
    docId: parent.docId,
    lang,
    headings: parent.headings,
    columns: columns.map(({ sibling }) => ({ id: sibling.id, title: sibling.headings.at(-1) ?? '' })),
    rows: rowKeys.map((key) => {
      const first = columns.find(({ sub }) => sub.has(key))?.sub.get(key);
      return {
        title: headingTopic(first?.headings.at(-1) ?? key),
        cells: columns.map(({ sub }) => {
          const cell = sub.get(key);
          return cell ? excerptOf(cell) : null;
        }),
      };
    }),
  };
}

/**
 * Finds sibling sections written to one template — at least `MIN_COMPARED_SIBLINGS` children of one parent
 * that share at least `MIN_SHARED_SUBHEADINGS` sub-heading titles — from the heading tree alone, and lays
 * each such family out as a table: rows the shared sub-headings, columns the siblings. Siblings that do not
 * follow the template are left out of their family's table. Yields after each document (paced warm-up).
 */
export function* compareGroupsWork(
  chunks: Chunk[],
  languageOf: (docId: string) => 'zh' | 'en',
): Work<CompareGroup[]> {
  const groups: CompareGroup[] = [];
  for (const [docId, documentChunks] of chunksByDocument(chunks)) {
    const children = childrenByParent(documentChunks);
    for (const parent of documentChunks) {
      const siblings = children.get(parent.indexPath) ?? [];
      if (parent.depth === 0 || siblings.length < MIN_COMPARED_SIBLINGS) continue;
      const group = groupOf(parent, siblings, children, languageOf(docId));
      if (group) groups.push(group);
    }
    yield;
  }
  return groups;
}
