import type { Citation, TextSpan } from '../../server/contract.js';

/** Latin words and Han bigrams: enough to tell which highlighted line a sentence paraphrases. */
function terms(text: string): Set<string> {
  const lower = text.toLowerCase();
  const found = new Set(lower.match(/[a-z0-9]{2,}/g) ?? []);
  const han = lower.replace(/[^\u3400-\u9fff]/gu, ' ');
  for (const run of han.split(/\s+/)) {
    for (let index = 0; index + 1 < run.length; index += 1) found.add(run.slice(index, index + 2));
    if (run.length === 1) found.add(run);
  }
  return found;
}

function overlap(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  return shared;
}

/**
 * The spans of the citation that support this one sentence: the highlight(s) sharing the most terms with it.
 * With no sentence, or none sharing any term, every highlight of the citation (its support as a whole).
 */
export function spansForSentence(citation: Citation, sentence: string | undefined): TextSpan[] {
  if (!sentence || citation.highlights.length === 0) return citation.highlights;
  const sentenceTerms = terms(sentence);
  const scored = citation.highlights.map((span) => ({
    span,
    score: overlap(sentenceTerms, terms(citation.text.slice(span.start, span.end))),
  }));
  const best = Math.max(...scored.map((entry) => entry.score));
  if (best <= 0) return citation.highlights;
  return scored.filter((entry) => entry.score === best).map((entry) => entry.span);
}

/** The cited passage for a marker's preview: its supporting spans' text, shortened. */
export function previewText(citation: Citation, spans: TextSpan[], maxChars = 200): string {
  const text = spans.length
    ? spans.map((span) => citation.text.slice(span.start, span.end)).join(' … ')
    : citation.text.replace(/^\s{0,3}#{1,6}\s.*$/m, '');
  const plain = text
    .replace(/\*\*|__|`|^\s*[*+-]\s+|\|/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxChars ? `${plain.slice(0, maxChars - 1)}…` : plain;
}
