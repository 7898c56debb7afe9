/** An ATX heading line found in a Markdown text. */
export interface HeadingLine {
  level: number;
  /** Heading text without `#` markers, closing sequence or inline emphasis. */
  title: string;
  /** Offset of the line's first character. */
  start: number;
}

/**
 * A numbering prefix (`3. `, `一、`, `(2)`, `第二章 `): it orders headings and says nothing about their topic,
 * so `the 4 things a PM should focus on` must not match `4. 行业 AI 产品经理`.
 */
const HEADING_ORDINAL =
  /^\s*(?:[(（]?(?:\d{1,3}|[一二三四五六七八九十百]{1,3})[)）.、．:：]|第[\d一二三四五六七八九十百]{1,3}[章节部分篇])(?!\d)\s*/u;

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Removes inline emphasis, code ticks and link targets so headings read as plain text. */
export function plainHeading(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .trim();
}

/** A heading's words without its numbering prefix: what the index and the ranker read. */
export function headingTopic(title: string): string {
  const topic = title.replace(HEADING_ORDINAL, '');
  return topic === '' ? title : topic;
}

/**
 * Every ATX heading (`#` … `######`) of a Markdown text with its line offset, skipping `#` lines inside
 * fenced code blocks. Setext headings are not recognised: the corpus style is ATX.
 */
export function findHeadings(text: string): HeadingLine[] {
  const headings: HeadingLine[] = [];
  let fence: string | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const fenceMatch = FENCE_OPEN.exec(line);
    if (fence !== undefined) {
      if (fenceMatch?.[1]?.startsWith(fence) && line.trim() === fenceMatch[1]) fence = undefined;
    } else if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
    } else {
      const heading = ATX_HEADING.exec(line);
      if (heading?.[1]) {
        headings.push({ level: heading[1].length, title: plainHeading(heading[2] ?? ''), start: lineStart });
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return headings;
}
