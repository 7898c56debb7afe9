import { count, load, type RawData, save } from '@orama/orama';
import type { ChunkVectors } from './embeddings/embed-chunks.js';
import {
  fillVectors,
  keepVectorIndex,
  nearestSections,
  saveWithoutVectors,
} from './embeddings/vector-field.js';
import { createExactTerms, type TermCounts } from './exact-terms.js';
import {
  buildDatabase,
  byField,
  createDatabase,
  FIELDS,
  type Field,
  loadPaced,
  savePaced,
} from './orama-database.js';
import { runPaced } from './pacer.js';
import { shareFrequencyRecords } from './share-frequencies.js';
import type { Chunk } from './types.js';

export { byField, FIELDS, type Field, sectionBody } from './orama-database.js';

/**
 * A section's own heading names its topic; parent headings give its context (the role a short subsection
 * belongs to); the document title is shared by all its sections and so says least about any one.
 */
export const FIELD_BOOSTS = { title: 3, parents: 1.5, doc: 0.5, body: 1 };
const BM25 = { k: 1.2, b: 0.75, d: 0.5 };
const SHARED_FIELDS = FIELDS.filter((field) => field !== 'body');

/** A section's fields as token counts: what the second pass scores. */
export type FieldTerms = Record<Field, TermCounts>;

/** First-stage retrieval over Orama, plus the corpus statistics the second pass needs. */
export interface OramaIndex {
  /**
   * BM25 (boosted fields) of every section holding any of the tokens, by position in `chunks`; with `limit`,
   * the `limit` best (ties: the section Orama meets first).
   */
  score(tokens: string[], limit?: number): Map<number, number>;
  /** How many sections hold a token. */
  documentFrequency(token: string): number;
  /** A section's field token counts (read from the index). */
  fieldTerms(position: number): FieldTerms;
  /** Each field's token count in a section, and the mean over sections. */
  fieldLength(position: number, field: Field): number;
  averageLength(field: Field): number;
  readonly size: number;
  /** The built index as plain data, for `createOramaIndex(chunks, snapshot)` in a later start (paced). */
  snapshot(): Promise<IndexSnapshot>;
  /** The sections nearest a question's vector, by position and cosine similarity; empty without vectors. */
  nearest(vector: number[], limit: number): Promise<Array<[number, number]>>;
}

/** What a built index holds, as plain JSON: Orama's own `save`, plus the statistics the second pass reads. */
export interface IndexSnapshot {
  orama: RawData;
  frequencies: Array<[string, number]>;
  lengths: Record<Field, number[]>;
}

async function restoreData(chunks: Chunk[], snapshot: IndexSnapshot, dimensions?: number) {
  const db = createDatabase(undefined, dimensions);
  await loadPaced(db, snapshot.orama, (into, raw) => keepVectorIndex(into, () => load(into, raw)));
  const sections = new Set(chunks.map((chunk) => chunk.sectionKey)).size;
  return { db, frequencies: new Map(snapshot.frequencies), lengths: snapshot.lengths, sections };
}

/**
 * Indexes sections in Orama with the Chinese/English tokenizer, or restores a snapshot of the same sections
 * made by `snapshot()`. Searches read the index with exact terms (`exact-terms.ts`): Orama's public `search`
 * either expands each term as a prefix or, with `exact`, filters by a case-sensitive regex that never matches
 * Chinese. With `vectors` (one per chunk) the schema has a vector field too, for `nearest`.
 */
export async function createOramaIndex(
  chunks: Chunk[],
  saved?: IndexSnapshot,
  vectors?: ChunkVectors,
): Promise<OramaIndex> {
  const dimensions = vectors?.dimensions;
  const { db, frequencies, lengths, sections } = saved
    ? await restoreData(chunks, saved, dimensions)
    : await buildDatabase(chunks, dimensions);
  if (vectors) fillVectors(db, chunks, vectors);
  // Headings and titles repeat across sections; bodies almost never do.
  await runPaced(shareFrequencyRecords(db, SHARED_FIELDS));
  const averages = byField((field) =>
    Math.max(1, lengths[field].reduce((sum, value) => sum + value, 0) / Math.max(1, chunks.length)),
  );
  // Only the vector search looks sections up by id.
  const positions = vectors && new Map(chunks.map((chunk, index) => [chunk.id, index]));
  const exact = createExactTerms(
    db,
    chunks.map((chunk) => chunk.id),
    { properties: FIELDS, boosts: FIELD_BOOSTS, bm25: BM25, docsCount: count(db) },
  );
  return {
    size: sections,
    snapshot: async () => ({
      orama: await savePaced(db, vectors ? saveWithoutVectors : save),
      frequencies: [...frequencies],
      lengths,
    }),
    nearest: async (vector, limit) => (positions ? nearestSections(db, positions, vector, limit) : []),
    documentFrequency: (token) => frequencies.get(token) ?? 0,
    fieldLength: (position, field) => lengths[field][position] ?? 0,
    averageLength: (field) => averages[field],
    fieldTerms: (position) => byField((field) => exact.counts(position, field)),
    score(tokens, limit) {
      const known = tokens.filter((token) => frequencies.has(token));
      return known.length === 0 ? new Map() : exact.score(known, limit);
    },
  };
}
