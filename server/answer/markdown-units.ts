import type { ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { parseMarkdown } from '../retrieval/markdown.js';
import {
  type InlineText,
  inlineText,
  joinInline,
  markdownWords,
  phrasingWords,
} from '../retrieval/markdown-text.js';
import { sentences } from '../retrieval/text.js';

/**
 * The smallest quotable pieces of a passage: list items, table rows and sentences, each with its exact
 * character span in the passage so the citation panel can highlight it.
 */
export interface TextUnit {
  kind: 'bullet' | 'row' | 'sentence';
  /** Half-open range in the passage text. */
  start: number;
  end: number;
  /** The unit's words without Markdown markup, for scoring and display. */
  plain: string;
  /** Table rows only: the row's cells and the table's header cells. */
  cells?: string[];
  header?: string[];
}

/** `[3]` or `[1, 2]` in a passage would read as the answer's own citation markers. */
const CITATION_LIKE = /\[(\s*\d+(?:\s*[,，]\s*\d+)*\s*)\]/g;
/** A hard line break (`  ⏎` or `\⏎`) as `inlineText` writes it; a soft one is a space, as a reader sees it. */
const HARD_BREAK = /\u2028/g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function tidy(words: string): string {
  return words.replace(CITATION_LIKE, '($1)').replace(/\s+/g, ' ').trim();
}

/** Markdown inline markup removed, whitespace collapsed; [3]-like brackets defused so they never read as citations. */
export function plainText(markdown: string): string {
  return tidy(markdownWords(markdown));
}

/** The unit covering words[from, to) without their outer spaces: its source span and plain words. */
function unitSpan(words: InlineText, from: number, to: number) {
  let first = from;
  let last = to;
  while (first < last && SPACE.test(words.text.charAt(first))) first += 1;
  while (last > first && SPACE.test(words.text.charAt(last - 1))) last -= 1;
  if (first === last) return undefined;
  const start = words.from[first] ?? 0;
  const end = Math.max(start, words.to[last - 1] ?? start);
  return { start, end, plain: tidy(words.text.slice(first, last)) };
}

/**
 * A paragraph's sentences: cut at each hard line break and, between them, by the text layer's sentence marks.
 * A soft line break reads as a space (CommonMark), so a paragraph wrapped at 80 columns gives the same units
 * as the same paragraph on one line.
 */
function sentenceUnits(nodes: PhrasingContent[], source: string, units: TextUnit[]): void {
  const words = inlineText(nodes, source);
  const lines = [...words.text.matchAll(HARD_BREAK)].map((match) => match.index);
  let lineStart = 0;
  for (const lineEnd of [...lines, words.text.length]) {
    for (const sentence of sentences(words.text.slice(lineStart, lineEnd))) {
      const from = lineStart + sentence.index;
      const span = unitSpan(words, from, from + sentence.text.length);
      if (span && WORD_CHARACTER.test(span.plain)) units.push({ kind: 'sentence', ...span });
    }
    lineStart = lineEnd + 1;
  }
}

/** The paragraphs that open a list item are its bullet; a nested list and any later block are units of their own. */
function listItemUnits(item: ListItem, source: string, units: TextUnit[]): void {
  const split = item.children.findIndex((child) => child.type !== 'paragraph');
  const lead = (split === -1 ? item.children : item.children.slice(0, split)) as Paragraph[];
  const joined = joinInline(lead.map((paragraph) => inlineText(paragraph.children, source)));
  const span = unitSpan(joined, 0, joined.text.length);
  if (span && span.plain !== '') units.push({ kind: 'bullet', ...span });
  if (split !== -1) walkBlocks(item.children.slice(split), source, units);
}

/** Each body row with its cells and the header's; the header row itself names columns and says nothing. */
function tableUnits(table: Table, units: TextUnit[]): void {
  const [head, ...rows] = table.children;
  const header = head ? head.children.map((cell) => tidy(phrasingWords(cell.children))) : [];
  for (const row of rows) {
    const cells = row.children.map((cell) => tidy(phrasingWords(cell.children)));
    const start = row.position?.start.offset;
    const end = row.position?.end.offset;
    if (start === undefined || end === undefined || cells.every((cell) => cell === '')) continue;
    units.push({ kind: 'row', start, end, plain: cells.join(' '), cells, header });
  }
}

function walkBlocks(nodes: RootContent[], source: string, units: TextUnit[]): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') sentenceUnits(node.children, source, units);
    else if (node.type === 'list') for (const item of node.children) listItemUnits(item, source, units);
    else if (node.type === 'table') tableUnits(node, units);
    else if (node.type === 'blockquote' || node.type === 'footnoteDefinition') {
      walkBlocks(node.children, source, units);
    } else if (node.type === 'heading' && source[node.position?.start.offset ?? 0] !== '#') {
      // A setext heading (`text` over `---`) is prose with a rule under it, as chunking reads it.
      sentenceUnits(node.children, source, units);
    }
    // ATX headings, thematic breaks, code, raw HTML and link definitions are not statements to quote.
  }
}

/**
 * Passages are corpus sections, asked about again and again, and parsing one costs far more than scoring it:
 * the units of the last passages read are kept, most recently used last.
 */
const remembered = new Map<string, TextUnit[]>();
const REMEMBERED_PASSAGES = 512;

/**
 * Splits a passage's Markdown into quotable units, in passage order, from the one Markdown parser: spans are
 * the parsed nodes' own offsets into `text`. Headings, rules, code and HTML are skipped. The array returned is
 * shared by every caller with the same text: read it, never change it.
 */
export function parseTextUnits(text: string): TextUnit[] {
  const known = remembered.get(text);
  if (known) {
    remembered.delete(text);
    remembered.set(text, known);
    return known;
  }
  const units: TextUnit[] = [];
  walkBlocks(parseMarkdown(text).children, text, units);
  if (remembered.size >= REMEMBERED_PASSAGES) remembered.delete(remembered.keys().next().value ?? '');
  remembered.set(text, units);
  return units;
}
