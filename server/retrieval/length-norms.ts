import { byField, FIELDS, type Field, type OramaIndex } from './orama-index.js';
import type { Chunk } from './types.js';

/** The field length a section is measured against in BM25's length normalisation. */
export type LengthNorm = (position: number, field: Field) => number;

/**
 * Each section's reference length: the larger of its document's mean field length and the corpus's.
 * Length normalisation keeps a long section from winning on words it holds by chance, but authors differ:
 * a document written at length has long sections because its author writes long, not because each is
 * about more, and against the corpus mean every one of its sections looks long next to a terse document's
 * (a guide of one-line answers loaded beside tutorials crowds them out). Measured against its own mean,
 * a verbose document is judged as its author wrote it; a terse one keeps the corpus mean, so its brevity —
 * a real sign that a short section is about one thing — still counts as it did.
 */
export function documentLengthNorms(chunks: Chunk[], index: OramaIndex): LengthNorm {
  const totals = new Map<string, { sections: number; lengths: Record<Field, number> }>();
  chunks.forEach((chunk, position) => {
    const entry = totals.get(chunk.docId) ?? { sections: 0, lengths: byField(() => 0) };
    entry.sections += 1;
    for (const field of FIELDS) entry.lengths[field] += index.fieldLength(position, field);
    totals.set(chunk.docId, entry);
  });
  // By position, one shared record per document: the lookup runs for every token of every candidate.
  const byDocument = new Map<string, Record<Field, number>>();
  for (const [docId, entry] of totals) {
    const sections = Math.max(1, entry.sections);
    const mean = (field: Field) => Math.max(index.averageLength(field), entry.lengths[field] / sections);
    byDocument.set(docId, byField(mean));
  }
  const means = chunks.map((chunk) => byDocument.get(chunk.docId));
  return (position, field) => means[position]?.[field] ?? index.averageLength(field);
}
