/**
 * Turns the answer's [n] citation markers into Markdown links `[n](#cite-n)` that the answer renderer
 * shows as citation buttons. Markers outside the answer's citations become escaped plain text, so a bad
 * marker never renders as a dead link. Handles `[1][2]`, `[1, 2]` and `[1，2]`; code is left alone.
 */
const MARKER = /\[(\s*\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\s*)\](?![(:])/g;
const CODE = /(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g;

export const CITATION_HREF_PREFIX = '#cite-';

function linkifyPlain(markdown: string, validNumbers: ReadonlySet<number>): string {
  return markdown.replace(MARKER, (_marker, list: string) =>
    list
      .split(/[,，、]/)
      .map((part) => Number(part.trim()))
      .map((n) => (validNumbers.has(n) ? `[${n}](${CITATION_HREF_PREFIX}${n})` : `\\[${n}\\]`))
      .join(''),
  );
}

export function linkifyCitationMarkers(markdown: string, validNumbers: ReadonlySet<number>): string {
  return markdown
    .split(CODE)
    .map((piece, index) => (index % 2 === 1 ? piece : linkifyPlain(piece, validNumbers)))
    .join('');
}

/** The citation number a rendered link points to, or undefined for any other link. */
export function citationNumberOf(href: string | undefined): number | undefined {
  if (!href?.startsWith(CITATION_HREF_PREFIX)) return undefined;
  const n = Number(href.slice(CITATION_HREF_PREFIX.length));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Sentences of an answer that carry the marker [n], without the markers: the fallback for `citedBy`. */
export function sentencesCiting(answer: string, n: number): string[] {
  const sentences = answer.match(/[^。！？!?\n]+[。！？!?]*/gu) ?? [];
  const marker = new RegExp(`\\[[^\\]]*\\b${n}\\b[^\\]]*\\]`);
  return sentences
    .filter((sentence) => marker.test(sentence))
    .map((sentence) => sentence.replace(/\[[\d\s,，、]+\]/g, '').trim())
    .filter((sentence) => sentence !== '');
}
