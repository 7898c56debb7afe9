/**
 * A light, offset-preserving reading of section Markdown: one block per line (headings, list items,
 * quotes, table rows, rules, paragraphs) and inline runs for **bold** and `code`. Every run keeps its
 * character range in the source, so highlight spans can be wrapped in <mark> exactly.
 */
export interface InlineRun {
  start: number;
  end: number;
  style: 'plain' | 'strong' | 'code';
}

type BlockContent =
  | { kind: 'heading'; depth: number; runs: InlineRun[] }
  | { kind: 'bullet'; indent: number; runs: InlineRun[] }
  | { kind: 'quote'; runs: InlineRun[] }
  | { kind: 'paragraph'; runs: InlineRun[] }
  | { kind: 'table-row'; header: boolean; cells: InlineRun[][] }
  | { kind: 'rule' }
  | { kind: 'blank' };

/** A line's block and where the line starts in the section text. */
export type MarkdownBlock = BlockContent & { start: number };

const HEADING = /^(\s{0,3})(#{1,6})\s+/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^(\s*)(?:[*+-]|\d+[.)])\s+/;
const QUOTE = /^\s*>\s?/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/;

/** Inline runs of text[start, end): `**` and backticks are dropped, the text between keeps its offsets. */
export function inlineRuns(text: string, start: number, end: number): InlineRun[] {
  const runs: InlineRun[] = [];
  const source = text.slice(start, end);
  const pattern = /\*\*(.+?)\*\*|`([^`]+)`/g;
  let cursor = 0;
  for (const match of source.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > cursor) runs.push({ start: start + cursor, end: start + at, style: 'plain' });
    const innerStart = start + at + (match[1] !== undefined ? 2 : 1);
    const innerLength = (match[1] ?? match[2] ?? '').length;
    runs.push({
      start: innerStart,
      end: innerStart + innerLength,
      style: match[1] !== undefined ? 'strong' : 'code',
    });
    cursor = at + match[0].length;
  }
  if (cursor < source.length) runs.push({ start: start + cursor, end, style: 'plain' });
  return runs;
}

function tableCells(text: string, lineStart: number, line: string): InlineRun[][] {
  const cells: InlineRun[][] = [];
  const trimmedStart = line.indexOf('|') + 1;
  const trimmedEnd = line.lastIndexOf('|');
  let cellStart = trimmedStart;
  for (let index = trimmedStart; index <= trimmedEnd; index += 1) {
    if (index === trimmedEnd || line[index] === '|') {
      const raw = line.slice(cellStart, index);
      const lead = raw.length - raw.trimStart().length;
      const from = lineStart + cellStart + lead;
      cells.push(inlineRuns(text, from, from + raw.trim().length));
      cellStart = index + 1;
    }
  }
  return cells;
}

function lineBlock(text: string, line: string, lineStart: number, nextLine: string): BlockContent | null {
  const lineEnd = lineStart + line.length;
  if (line.trim() === '') return { kind: 'blank' };
  if (TABLE_ROW.test(line)) {
    if (TABLE_SEPARATOR.test(line)) return null;
    return {
      kind: 'table-row',
      header: TABLE_SEPARATOR.test(nextLine),
      cells: tableCells(text, lineStart, line),
    };
  }
  const heading = HEADING.exec(line);
  if (heading) {
    return {
      kind: 'heading',
      depth: heading[2]?.length ?? 1,
      runs: inlineRuns(text, lineStart + heading[0].length, lineEnd),
    };
  }
  if (RULE.test(line)) return { kind: 'rule' };
  const bullet = BULLET.exec(line);
  if (bullet) {
    const indent = Math.floor((bullet[1]?.length ?? 0) / 2);
    return { kind: 'bullet', indent, runs: inlineRuns(text, lineStart + bullet[0].length, lineEnd) };
  }
  const quote = QUOTE.exec(line);
  if (quote) return { kind: 'quote', runs: inlineRuns(text, lineStart + quote[0].length, lineEnd) };
  const lead = line.length - line.trimStart().length;
  return { kind: 'paragraph', runs: inlineRuns(text, lineStart + lead, lineEnd) };
}

/** One block per source line, in order; table separator lines are dropped. */
export function parseMarkdownBlocks(text: string): MarkdownBlock[] {
  const lines = text.split('\n');
  const blocks: MarkdownBlock[] = [];
  let lineStart = 0;
  lines.forEach((line, index) => {
    const block = lineBlock(text, line, lineStart, lines[index + 1] ?? '');
    if (block) blocks.push({ ...block, start: lineStart });
    lineStart += line.length + 1;
  });
  return blocks;
}
