import type { Citation } from '../contract.js';
import type { ExtractiveAnswer } from './extractive-answer.js';

function unionSpans(left: Citation['highlights'], right: Citation['highlights']): Citation['highlights'] {
  const spans = new Map([...left, ...right].map((span) => [`${span.start}:${span.end}`, span]));
  return [...spans.values()].sort((a, b) => a.start - b.start);
}

/**
 * Appends a search-mode answer's citations after the model's numbered passages: a passage the model already
 * had keeps its number, a new one gets the next free number, and the appended text's [n] are rewritten to
 * match, so every marker in the combined answer points into the combined list.
 */
export function mergeFallbackCitations(
  modelCitations: Citation[],
  fallback: Pick<ExtractiveAnswer, 'citations' | 'text'>,
): { citations: Citation[]; text: string } {
  const merged = modelCitations.map((citation) => ({ ...citation }));
  const renumber = new Map<number, number>();
  for (const citation of fallback.citations) {
    const existing = merged.find((candidate) => candidate.id === citation.id);
    if (existing) {
      existing.highlights = unionSpans(existing.highlights, citation.highlights);
      existing.citedBy = [...new Set([...existing.citedBy, ...citation.citedBy])];
      renumber.set(citation.n, existing.n);
    } else {
      const n = merged.length + 1;
      merged.push({ ...citation, n });
      renumber.set(citation.n, n);
    }
  }
  const text = fallback.text.replace(/\[(\d+)\]/g, (marker, digits: string) => {
    const n = renumber.get(Number(digits));
    return n === undefined ? marker : `[${n}]`;
  });
  return { citations: merged, text };
}
