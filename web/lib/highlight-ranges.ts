import type { TextSpan } from '../../server/contract.js';

/**
 * Maps a citation's highlight spans (offsets into `citation.text`) onto the section text shown in the
 * panel. They are the same string when the corpus has not changed since the answer; otherwise each
 * highlighted passage is searched for, so a stale conversation still highlights what it can.
 */
export function resolveHighlights(citationText: string, sectionText: string, spans: TextSpan[]): TextSpan[] {
  const valid = spans.filter((span) => span.start >= 0 && span.end > span.start);
  if (citationText === sectionText)
    return mergeSpans(valid.map((span) => clampSpan(span, sectionText.length)));
  const found: TextSpan[] = [];
  for (const span of valid) {
    const passage = citationText.slice(span.start, span.end);
    const at = passage === '' ? -1 : sectionText.indexOf(passage);
    if (at >= 0) found.push({ start: at, end: at + passage.length });
  }
  return mergeSpans(found);
}

function clampSpan(span: TextSpan, length: number): TextSpan {
  return { start: Math.min(span.start, length), end: Math.min(span.end, length) };
}

/** Sorted, non-overlapping, non-empty spans. */
export function mergeSpans(spans: TextSpan[]): TextSpan[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: TextSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export interface MarkedPiece {
  start: number;
  end: number;
  marked: boolean;
}

/** Splits [start, end) at highlight boundaries into marked and unmarked pieces, in order. */
export function splitAtHighlights(start: number, end: number, highlights: TextSpan[]): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let cursor = start;
  for (const span of highlights) {
    if (span.end <= cursor || span.start >= end) continue;
    if (span.start > cursor) pieces.push({ start: cursor, end: span.start, marked: false });
    const markEnd = Math.min(span.end, end);
    pieces.push({ start: Math.max(span.start, cursor), end: markEnd, marked: true });
    cursor = markEnd;
  }
  if (cursor < end) pieces.push({ start: cursor, end, marked: false });
  return pieces;
}
