import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';

/**
 * The words of a run of Markdown inline content, with where each character came from in the source, so a cut
 * made in the words (a sentence) maps back to an exact span of the source.
 */
export interface InlineText {
  /** The words; a hard line break is U+2028, a soft one stays the source's own line ending. */
  text: string;
  /** Per character of `text`: its source offset, or for the first character of a link, emphasis or code, the offset of that node's opening mark. */
  from: number[];
  /** Per character of `text`: the source offset just after it, or after the closing mark of a node it ends. */
  to: number[];
}

/** Inline nodes whose marks (`**`, `[`…`](…)`, `~~`) wrap words the reader sees. */
const WRAPPERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

interface Builder extends InlineText {
  /** Undefined when only the words are wanted: no offsets are kept. */
  source: string | undefined;
}

function offsets(node: Nodes): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/**
 * Appends `value` read from source[start, end): each character is found at or after the previous one, so
 * what the parser dropped (a quote's `>`, a list item's indent, an escaping `\`, the rest of `&amp;`) is
 * stepped over; a character it made up (`&#20013;` → 中) takes the place where it was looked for.
 */
function appendAligned(builder: Builder, value: string, start: number, end: number): void {
  builder.text += value;
  const { source } = builder;
  if (source === undefined) return;
  let cursor = start;
  for (const character of value) {
    let at = cursor;
    while (at < end && !source.startsWith(character, at)) at += 1;
    const from = at < end ? at : cursor;
    if (at < end) cursor = at + character.length;
    for (let index = 0; index < character.length; index++) {
      builder.from.push(from);
      builder.to.push(Math.max(cursor, from));
    }
  }
}

/** A character that stands for a whole node (a hard break): it spans the node. */
function appendWhole(builder: Builder, value: string, start: number, end: number): void {
  builder.text += value;
  if (builder.source === undefined) return;
  for (let index = 0; index < value.length; index++) {
    builder.from.push(start);
    builder.to.push(end);
  }
}

/** A node's words begin at its opening mark and end after its closing one: a quote of them includes both. */
function widen(builder: Builder, first: number, start: number, end: number): void {
  if (builder.source === undefined || builder.text.length <= first) return;
  builder.from[first] = start;
  builder.to[builder.text.length - 1] = end;
}

function appendNode(builder: Builder, node: PhrasingContent): void {
  const { start, end } = offsets(node);
  const first = builder.text.length;
  if (node.type === 'text') appendAligned(builder, node.value, start, end);
  else if (node.type === 'inlineCode') {
    appendAligned(builder, node.value, start, end);
    widen(builder, first, start, end);
  } else if (node.type === 'break') appendWhole(builder, '\u2028', start, end);
  else if (WRAPPERS.has(node.type) && 'children' in node) {
    for (const child of node.children) appendNode(builder, child);
    widen(builder, first, start, end);
  }
  // Images (their alt text describes a picture no quote can show), raw HTML and footnote references are not
  // words of the text.
}

function build(nodes: PhrasingContent[], source: string | undefined): Builder {
  const builder: Builder = { source, text: '', from: [], to: [] };
  for (const node of nodes) appendNode(builder, node);
  return builder;
}

/** The words of inline nodes parsed from `source`, each character tied to its source span (see `InlineText`). */
export function inlineText(nodes: PhrasingContent[], source: string): InlineText {
  const { text, from, to } = build(nodes, source);
  return { text, from, to };
}

/** Several runs of words as one, a space between each two (tied to the end of the run before it). */
export function joinInline(parts: InlineText[]): InlineText {
  const joined: InlineText = { text: '', from: [], to: [] };
  for (const part of parts) {
    if (joined.text !== '') {
      const end = joined.to.at(-1) ?? 0;
      joined.text += ' ';
      joined.from.push(end);
      joined.to.push(end);
    }
    joined.text += part.text;
    joined.from.push(...part.from);
    joined.to.push(...part.to);
  }
  return joined;
}

/** The words of inline nodes, without offsets: a table cell's or a heading's text. */
export function phrasingWords(nodes: PhrasingContent[]): string {
  return build(nodes, undefined).text;
}

/**
 * What can start Markdown markup: without any, a snippet (most heading titles) is already its own words. `#`,
 * `>`, list and setext marks count only at a line's start, `&` only as an entity.
 */
const MARKUP =
  /[\\`*_[\]<~|]|&(?:#\d|#x|[a-z]+;)|^ {0,3}(?:#{1,6}(?:\s|$)|>|[-+]\s|\d{1,9}[.)](?:\s|$)|[-=]+\s*$)/im;

function blockWords(node: RootContent, words: string[]): void {
  if (node.type === 'code' || node.type === 'html' || node.type === 'definition') return;
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    words.push(phrasingWords(node.children));
    return;
  }
  if ('children' in node) for (const child of node.children) blockWords(child as RootContent, words);
}

/** Heading titles recur in every answer that names their section: each distinct one is parsed once. */
const remembered = new Map<string, string>();
const REMEMBERED_SNIPPETS = 4096;

/**
 * The words of a Markdown snippet (a heading title, a cell) without its markup: marks, link targets, code
 * ticks, list and quote markers dropped; blocks joined by a space. Plain text is returned as it is, unparsed.
 */
export function markdownWords(markdown: string): string {
  if (!MARKUP.test(markdown)) return markdown;
  const known = remembered.get(markdown);
  if (known !== undefined) return known;
  const words: string[] = [];
  for (const node of parseMarkdown(markdown).children) blockWords(node, words);
  if (remembered.size >= REMEMBERED_SNIPPETS) remembered.clear();
  const joined = words.join(' ');
  remembered.set(markdown, joined);
  return joined;
}
