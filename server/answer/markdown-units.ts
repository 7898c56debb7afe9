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

interface Line {
  text: string;
  start: number;
}

const HEADING = /^\s{0,3}#{1,6}\s/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^(\s*)(?:[*+-]|\d+[.)])\s+/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/;
const QUOTE = /^\s*>\s?/;

/** Markdown inline markup removed, whitespace collapsed; [3]-like brackets defused so they never read as citations. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\*([^*\s][^*]*)\*/g, '$1')
    .replace(/\[(\s*\d+(?:\s*[,，]\s*\d+)*\s*)\]/g, '($1)')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const lineText of text.split('\n')) {
    lines.push({ text: lineText, start });
    start += lineText.length + 1;
  }
  return lines;
}

function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => plainText(cell));
}

function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from += 1;
  while (to > from && /\s/.test(text.charAt(to - 1))) to -= 1;
  return { start: from, end: to };
}

function sentenceUnits(text: string, line: Line, offset: number): TextUnit[] {
  const units: TextUnit[] = [];
  for (const sentence of sentences(line.text.slice(offset))) {
    const from = line.start + offset + sentence.index;
    const span = trimmedSpan(text, from, from + sentence.text.length);
    const plain = plainText(text.slice(span.start, span.end));
    if (/[\p{L}\p{N}]/u.test(plain)) units.push({ kind: 'sentence', ...span, plain });
  }
  return units;
}

/** A list item with the indented lines that continue it. */
function bulletUnit(
  text: string,
  lines: Line[],
  line: Line,
  index: number,
): { unit: TextUnit; next: number } {
  const marker = BULLET.exec(line.text)?.[0] ?? '';
  let end = line.start + line.text.length;
  let next = index + 1;
  for (let candidate = lines[next]; candidate; candidate = lines[next]) {
    if (!/^\s+\S/.test(candidate.text) || BULLET.test(candidate.text)) break;
    end = candidate.start + candidate.text.length;
    next += 1;
  }
  const span = trimmedSpan(text, line.start + marker.length, end);
  return { unit: { kind: 'bullet', ...span, plain: plainText(text.slice(span.start, span.end)) }, next };
}

/** Splits a passage's Markdown into quotable units, in passage order; headings and rules are skipped. */
export function parseTextUnits(text: string): TextUnit[] {
  const lines = splitLines(text);
  const units: TextUnit[] = [];
  let header: string[] | undefined;
  let index = 0;
  for (let line = lines[index]; line; line = lines[index]) {
    const following = lines[index + 1]?.text ?? '';
    if (TABLE_ROW.test(line.text)) {
      if (TABLE_SEPARATOR.test(following)) {
        header = tableCells(line.text);
        index += 2;
        continue;
      }
      if (!TABLE_SEPARATOR.test(line.text)) {
        const span = trimmedSpan(text, line.start, line.start + line.text.length);
        const cells = tableCells(line.text);
        units.push({ kind: 'row', ...span, plain: cells.join(' '), cells, header: header ?? [] });
      }
      index += 1;
      continue;
    }
    header = undefined;
    if (line.text.trim() === '' || HEADING.test(line.text) || RULE.test(line.text)) {
      index += 1;
      continue;
    }
    if (BULLET.test(line.text)) {
      const { unit, next } = bulletUnit(text, lines, line, index);
      if (unit.plain !== '') units.push(unit);
      index = next;
      continue;
    }
    units.push(...sentenceUnits(text, line, QUOTE.exec(line.text)?.[0].length ?? 0));
    index += 1;
  }
  return units;
}
