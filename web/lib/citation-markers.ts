/**
 * Turns the answer's [n] citation markers into Markdown links `[n](#cite-n "k")` that the answer renderer
 * shows as citation buttons; `k` numbers the link so the renderer knows which sentence it follows. Markers
 * outside the answer's citations become escaped plain text, so a bad marker never renders as a dead link.
 * Handles `[1][2]`, `[1, 2]` and `[1，2]`; a run repeating one number (`[1][1]`) shows it once; code is left alone.
 */
const MARKER = /\[(\s*\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\s*)\](?![(:])/g;
const MARKER_RUN = /(?:\[\s*\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\s*\](?![(:])[ \t]*)+/g;
const CODE = /(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g;
const SENTENCE_END = /[。！？!?\n]|\.\s/g;

export const CITATION_HREF_PREFIX = '#cite-';

export interface LinkedMarkers {
  markdown: string;
  /** For each citation link, in order: the sentence it follows, without markup. */
  sentences: string[];
}

function numbersIn(run: string): number[] {
  const numbers = [...run.matchAll(/\d{1,3}/g)].map((match) => Number(match[0]));
  return [...new Set(numbers)];
}

function sentenceBefore(piece: string, offset: number): string {
  // "…最高。[1]" and "…最高 [1]。" both cite the text back to the previous sentence end or marker.
  const before = piece.slice(0, offset).replace(/[\s。！？!?.]+$/u, '');
  let from = 0;
  for (const match of before.matchAll(SENTENCE_END)) from = (match.index ?? 0) + match[0].length;
  from = Math.max(from, before.lastIndexOf(']') + 1);
  return before
    .slice(from)
    .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/, '')
    .replace(/\*\*|__|`|\|/g, '')
    .trim();
}

function linkifyPlain(piece: string, validNumbers: ReadonlySet<number>, sentences: string[]): string {
  return piece.replace(MARKER_RUN, (run: string, offset: number) => {
    const trailing = run.match(/[ \t]*$/)?.[0] ?? '';
    const sentence = sentenceBefore(piece, offset);
    const links = numbersIn(run).map((n) => {
      if (!validNumbers.has(n)) return `\\[${n}\\]`;
      sentences.push(sentence);
      return `[${n}](${CITATION_HREF_PREFIX}${n} "${sentences.length - 1}")`;
    });
    return `${links.join('')}${trailing}`;
  });
}

/** The answer's Markdown with citation links, and the sentence each link follows. */
export function linkifyWithSentences(markdown: string, validNumbers: ReadonlySet<number>): LinkedMarkers {
  const sentences: string[] = [];
  const linked = markdown
    .split(CODE)
    .map((piece, index) => (index % 2 === 1 ? piece : linkifyPlain(piece, validNumbers, sentences)))
    .join('');
  return { markdown: linked, sentences };
}

export function linkifyCitationMarkers(markdown: string, validNumbers: ReadonlySet<number>): string {
  return linkifyWithSentences(markdown, validNumbers).markdown;
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

export { MARKER as CITATION_MARKER };
