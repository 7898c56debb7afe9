import type { Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as nodeText } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/** A heading of a Markdown text: its level, plain text and the offset of its line. */
export interface HeadingLine {
  level: number;
  /** Heading text without `#` markers, emphasis, code ticks or link targets. */
  title: string;
  /** Offset of the heading's first character. */
  start: number;
}

/**
 * A numbering prefix (`3. `, `一、`, `(2)`, `第二章 `): it orders headings and says nothing about their topic,
 * so a question about "4 things" must not match a heading numbered 4.
 */
const HEADING_ORDINAL =
  /^\s*(?:[(（]?(?:\d{1,3}|[一二三四五六七八九十百]{1,3})[)）.、．:：]|第[\d一二三四五六七八九十百]{1,3}[章节部分篇])(?!\d)\s*/u;

/**
 * GFM's tree extensions without their one tree pass, which finds bare URLs and e-mail addresses in text and
 * wraps them in links: it rewrites inline text only, where a link reads as the same words, and took a sixth of
 * every parse. Block structure (what is a heading, a table, a list) is the same with or without it.
 */
const GFM_TREE = gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] }));
/** Made once: building GFM's syntax extension on every call cost more than parsing a short passage. */
const GFM_SYNTAX = [gfm()];

/**
 * The one Markdown parser (mdast with GFM: tables, strikethrough, task lists, footnotes), with source
 * positions. Bare URLs stay text (see `GFM_TREE`); `<…>` autolinks and `[…](…)` links are links.
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: GFM_SYNTAX, mdastExtensions: GFM_TREE });
}

/** A heading's words without its numbering prefix: what the index and the ranker read. */
export function headingTopic(title: string): string {
  const topic = title.replace(HEADING_ORDINAL, '');
  return topic === '' ? title : topic;
}

/**
 * The document's section headings: top-level ATX headings (`#` … `######`). Headings inside lists, quotes or
 * code are content, and setext underlines (`text` over `---`) are read as separators by most authors' intent.
 */
export function findHeadings(text: string): HeadingLine[] {
  const headings: HeadingLine[] = [];
  for (const node of parseMarkdown(text).children) {
    if (node.type !== 'heading') continue;
    const start = node.position?.start.offset;
    if (start === undefined || text[start] !== '#') continue;
    headings.push({ level: (node as Heading).depth, title: nodeText(node).trim(), start });
  }
  return headings;
}
