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
  /**
   * Orama's BM25 (boosted, summed over fields and tokens), by position, for sections holding a token; with
   * `limit`, only the `limit` best — the first `limit` of Orama's hits, which its stable sort orders by score
   * and, among equal scores, by when a section was first met.
   */
  score(tokens: string[], limit?: number): Map<number, number>;
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
 * The `limit` ids of highest sum, ties going to the earlier in `order`: what a stable sort by descending score
 * and a cut would keep, without sorting every hit (one native sort of the scores finds the cut-off).
 */
function topByScore(order: number[], sums: Float64Array, limit: number): number[] {
  if (order.length <= limit) return order;
  const values = Float64Array.from(order, (id) => sums[id] as number).sort();
  const cutoff = values[values.length - limit] as number;
  let ties = limit - (values.length - upperBound(values, cutoff));
  return order.filter((id) => {
    const value = sums[id] as number;
    if (value > cutoff) return true;
    if (value < cutoff || ties === 0) return false;
    ties -= 1;
    return true;
  });
}

/** The first index of an ascending array whose value is above `value`. */
function upperBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Each internal id's position in `chunkIds` (-1 for none), and each position's internal id. Its own function
 * so the map of ids it builds is not kept alive by the search closures (they would share its scope).
 */
function mapInternalIds(db: AnyOrama, chunkIds: string[]) {
  const byId = new Map(chunkIds.map((id, position) => [id, position]));
  const store = db.internalDocumentIDStore as unknown as { internalIdToId: string[] };
  // Internal id n is entry n - 1 of the store (internal-document-id-store.js).
  const positionOf = store.internalIdToId.map((id) => byId.get(id) ?? -1);
  const internalOf = new Array<number>(chunkIds.length).fill(-1);
  positionOf.forEach((position, entry) => {
    if (position >= 0) internalOf[position] = entry + 1;
  });
  return { positionOf, internalOf };
}

/**
 * Exact-token search and term counts over an Orama database, with the same scores Orama's index `search`
 * gives for exact terms. Orama finds an exact term by walking every longer word under it and dedupes each
 * posting list with `Array.includes` (quadratic in the documents holding it): at ~50k sections that was most
 * of a query's time. `chunkIds` are the sections' ids by position.
 */
export function createExactTerms(db: AnyOrama, chunkIds: string[], options: ExactTermsOptions): ExactTerms {
  const index = db.data.index as unknown as IndexData;
  const { positionOf, internalOf } = mapInternalIds(db, chunkIds);
  const { docsCount } = options;
  const mapsEvery = positionOf.every((position) => position >= 0);

  // One accumulator for every search (searches are synchronous): no map of ~50k entries per query.
  const sums = new Float64Array(positionOf.length + 1);
  const seen = new Uint8Array(positionOf.length + 1);

  /** Internal ids in the order Orama's result map would first meet them; their sums are in `sums`. */
  function accumulate(tokens: string[]): number[] {
    const order: number[] = [];
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
          if (seen[id] === 0) {
            seen[id] = 1;
            sums[id] = score;
            order.push(id);
          } else sums[id] = (sums[id] as number) + score;
        }
      }
    }
    return order;
  }

  return {
    score(tokens, limit) {
      const met = accumulate(tokens);
      const order = mapsEvery ? met : met.filter((id) => (positionOf[id - 1] ?? -1) >= 0);
      const kept = limit === undefined ? order : topByScore(order, sums, limit);
      const scores = new Map<number, number>();
      for (const id of kept) scores.set(positionOf[id - 1] as number, sums[id] as number);
      for (const id of met) seen[id] = 0;
      return scores;
    },
    counts(position, field) {
      const internalId = internalOf[position] ?? -1;
      const frequencies = index.frequencies[field]?.[internalId];
      const length = index.fieldLengths[field]?.[internalId] ?? 0;
      // Orama keeps each token's frequency, its count over the field's length; in floating point, count /
      // length times the length rounds back to the count.
      return {
        get: (token) =>
          frequencies && Object.hasOwn(frequencies, token)
            ? Math.round((frequencies[token] as number) * length)
            : undefined,
      };
    },
  };
}
