import type { AnyOrama } from '@orama/orama';

/**
 * Orama 3.1's own index data, as these lookups read it (checked against `@orama/orama/dist/esm/components/
 * index.js` and `trees/radix.js`): a radix tree of tokens per field, and per field and document each token's
 * frequency (its count over the field's length) and the field's length.
 */
interface RadixNode {
  s: string;
  e: boolean;
  d: Set<number>;
  c: Map<string, RadixNode>;
}

interface IndexData {
  indexes: Record<string, { node: RadixNode }>;
  frequencies: Record<string, Record<number, Record<string, number> | undefined>>;
  tokenOccurrences: Record<string, Record<string, number | undefined>>;
  fieldLengths: Record<string, Record<number, number | undefined>>;
  avgFieldLength: Record<string, number>;
}

/** How often each token occurs in one field of one section; undefined when it does not. */
export interface TermCounts {
  get(token: string): number | undefined;
}

export interface ExactTermsOptions {
  properties: string[];
  boosts: Record<string, number>;
  bm25: { k: number; b: number; d: number };
  /** Documents in the database, as Orama's `count` gives it: the N of BM25's idf. */
  docsCount: number;
}

export interface ExactTerms {
  /** Orama's BM25 (boosted, summed over fields and tokens), by position, for sections holding a token. */
  score(tokens: string[]): Map<number, number>;
  /** A section's token counts in a field, read from the index (no re-tokenizing). */
  counts(position: number, field: string): TermCounts;
}

/** The documents of exactly this token: the radix walk of Orama's `find`, without its subtree scan. */
function postings(root: RadixNode, term: string): Set<number> | undefined {
  let node = root;
  let at = 0;
  while (at < term.length) {
    const child = node.c.get(term[at] as string);
    if (!child || !term.startsWith(child.s, at)) return undefined;
    node = child;
    at += child.s.length;
  }
  return node.e ? node.d : undefined;
}

/** Orama's BM25, term for term (components/algorithms.js), so scores are the same to the last bit. */
function bm25(
  tf: number,
  idf: number,
  fieldLength: number,
  averageFieldLength: number,
  { k, b, d }: ExactTermsOptions['bm25'],
): number {
  return (idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * fieldLength) / averageFieldLength));
}

/**
 * Exact-token search and term counts over an Orama database, with the same scores Orama's index `search`
 * gives for exact terms. Orama finds an exact term by walking every longer word under it and dedupes each
 * posting list with `Array.includes` (quadratic in the documents holding it): at ~50k sections that was most
 * of a query's time. `chunkIds` are the sections' ids by position.
 */
export function createExactTerms(db: AnyOrama, chunkIds: string[], options: ExactTermsOptions): ExactTerms {
  const index = db.data.index as unknown as IndexData;
  const byId = new Map(chunkIds.map((id, position) => [id, position]));
  const store = db.internalDocumentIDStore as unknown as { internalIdToId: string[] };
  // Internal id n is entry n - 1 of the store (internal-document-id-store.js).
  const positionOf = store.internalIdToId.map((id) => byId.get(id) ?? -1);
  const internalOf = new Array<number>(chunkIds.length).fill(-1);
  positionOf.forEach((position, entry) => {
    if (position >= 0) internalOf[position] = entry + 1;
  });
  const { docsCount } = options;

  function scoreInternal(tokens: string[]): Map<number, number> {
    const results = new Map<number, number>();
    for (const property of options.properties) {
      const tree = index.indexes[property];
      if (!tree) continue;
      const boost = options.boosts[property] ?? 1;
      const frequencies = index.frequencies[property] ?? {};
      const lengths = index.fieldLengths[property] ?? {};
      const average = index.avgFieldLength[property] ?? 0;
      for (const token of tokens) {
        const ids = postings(tree.node, token);
        if (!ids) continue;
        const occurrences = index.tokenOccurrences[property]?.[token];
        const matching = typeof occurrences === 'number' ? occurrences : 0;
        const idf = Math.log(1 + (docsCount - matching + 0.5) / (matching + 0.5));
        for (const id of ids) {
          const tf = frequencies[id]?.[token] ?? 0;
          const score = bm25(tf, idf, lengths[id] as number, average, options.bm25) * boost;
          const previous = results.get(id);
          results.set(id, previous === undefined ? score : previous + score);
        }
      }
    }
    return results;
  }

  return {
    score(tokens) {
      const scores = new Map<number, number>();
      // Orama returns its hits sorted by score (a stable sort): callers that cut the list keep the same ties.
      const hits = [...scoreInternal(tokens)].sort((left, right) => right[1] - left[1]);
      for (const [internalId, score] of hits) {
        const position = positionOf[internalId - 1] ?? -1;
        if (position >= 0) scores.set(position, score);
      }
      return scores;
    },
    counts(position, field) {
      const internalId = internalOf[position] ?? -1;
      const frequencies = index.frequencies[field]?.[internalId];
      const length = index.fieldLengths[field]?.[internalId] ?? 0;
      return {
        // The frequency is count / length in floating point: times the length it rounds back to the count.
        get: (token) =>
          frequencies && Object.hasOwn(frequencies, token)
            ? Math.round((frequencies[token] as number) * length)
            : undefined,
      };
    },
  };
}
