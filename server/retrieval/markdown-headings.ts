/** An ATX heading line found in a Markdown text. */
export interface HeadingLine {
  level: number;
  /** Heading text without `#` markers, closing sequence or inline emphasis. */
  title: string;
  /** Offset of the line's first character. */
  start: number;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Removes inline emphasis, code ticks and link targets so headings read as plain text. */
export function plainHeading(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .trim();
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
