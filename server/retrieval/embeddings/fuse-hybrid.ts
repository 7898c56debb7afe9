import type { ScoredSection } from '../score-sections.js';

/**
 * Orama's own hybrid default: keyword and vector evidence count alike. Not calibrated here — no real
 * embeddings model runs on the development machine — so operators with an eval of their own may tune it.
 */
export const HYBRID_WEIGHTS = { text: 0.5, vector: 0.5 } as const;
/** Sections taken from the vector leg: as deep as the keyword second pass reorders. */
export const VECTOR_CANDIDATES = 50;

/**
 * Merges the keyword ranking with the nearest sections the way Orama's hybrid mode does — each leg scaled
 * to [0, 1], then weighted and summed — except that the vector leg is min-max scaled over its candidates:
 * cosine similarities crowd into a narrow band, and scaled by the maximum alone the fiftieth neighbour
 * would count almost as much as the first. Orama's full-text leg is not used because ours is the analysed
 * query (vocabulary, translations, BM25F), not the raw string.
 */
export function fuseHybrid(keyword: ScoredSection[], nearest: Array<[number, number]>): ScoredSection[] {
  const top = Math.max(0, ...keyword.map((section) => section.score));
  const fused = new Map<number, ScoredSection>();
  for (const section of keyword)
    fused.set(section.position, {
      ...section,
      score: top > 0 ? (section.score / top) * HYBRID_WEIGHTS.text : 0,
    });
  const similarities = nearest.map(([, similarity]) => similarity);
  const highest = Math.max(...similarities);
  const lowest = Math.min(...similarities);
  for (const [position, similarity] of nearest) {
    const scaled = highest > lowest ? (similarity - lowest) / (highest - lowest) : 1;
    const section = fused.get(position) ?? {
      position,
      score: 0,
      held: new Set<number>(),
      matched: new Map<number, number>(),
    };
    section.score += scaled * HYBRID_WEIGHTS.vector;
    fused.set(position, section);
  }
  return [...fused.values()]
    .filter((section) => section.score > 0)
    .sort((left, right) => right.score - left.score || left.position - right.position);
}
