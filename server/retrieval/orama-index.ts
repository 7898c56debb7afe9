import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { count, create, insertMultiple, load, type RawData, save, type Tokenizer } from '@orama/orama';
import { index as defaultIndex, internalDocumentIDStore } from '@orama/orama/components';
import type { ChunkVectors } from './embeddings/embed-chunks.js';
import {
  fillVectors,
  keepVectorIndex,
  nearestSections,
  saveWithoutVectors,
  VECTOR_FIELD,
  vectorType,
} from './embeddings/vector-field.js';
import { headingTopic } from './markdown.js';
import { createTokenizer, tokenize } from './text.js';
import type { Chunk } from './types.js';

const SCHEMA = { title: 'string', parents: 'string', doc: 'string', body: 'string' } as const;
const PROPERTIES = Object.keys(SCHEMA);
/**
 * A section's own heading names its topic; parent headings give its context (the role a short subsection
 * belongs to); the document title is shared by all its sections and so says least about any one.
 */
export const FIELD_BOOSTS = { title: 3, parents: 1.5, doc: 0.5, body: 1 };
const BM25 = { k: 1.2, b: 0.75, d: 0.5 };
const INSERT_BATCH = 500;
/** Query tokens arrive prepared by the query analysis: Orama must take them as they are. */
const PREPARED_TOKENS: Tokenizer = {
  language: 'english',
  normalizationCache: new Map(),
  tokenize: (raw) => raw.split('\n'),
};

export type Field = keyof typeof SCHEMA;
export const FIELDS = PROPERTIES as Field[];

/** A section's fields as token counts: what the second pass scores. */
export type FieldTerms = Record<Field, Map<string, number>>;

/** First-stage retrieval over Orama, plus the corpus statistics the second pass needs. */
export interface OramaIndex {
  /** BM25 (boosted fields) of every section holding any of the tokens, by position in `chunks`. */
  score(tokens: string[]): Map<number, number>;
  /** How many sections hold a token. */
  documentFrequency(token: string): number;
  /** A section's field token counts (computed on demand, a bounded number kept). */
  fieldTerms(position: number): FieldTerms;
  /** Each field's token count in a section, and the mean over sections. */
  fieldLength(position: number, field: Field): number;
  averageLength(field: Field): number;
  readonly size: number;
  /** The built index as plain data, for `createOramaIndex(chunks, snapshot)` in a later start. */
  snapshot(): IndexSnapshot;
  /** The sections nearest a question's vector, by position and cosine similarity; empty without vectors. */
  nearest(vector: number[], limit: number): Promise<Array<[number, number]>>;
}

const FIELD_CACHE_SIZE = 4096;

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** The text a section adds under its heading line, without link targets (URLs are not its words). */
export function sectionBody(chunk: Chunk): string {
  const body =
    chunk.depth === 0 ? chunk.text : chunk.text.slice(chunk.text.indexOf('\n') + 1 || chunk.text.length);
  return body.replace(/\]\([^)]*\)/g, ']');
}

function rowOf(chunk: Chunk) {
  const own = chunk.headings.at(-1);
  const parents = chunk.headings.slice(0, -1).filter((heading) => heading !== chunk.docTitle);
  return {
    id: chunk.id,
    title: own && own !== chunk.docTitle ? headingTopic(own) : '',
    parents: parents.map(headingTopic).join('\n'),
    doc: chunk.docTitle,
    body: sectionBody(chunk),
  };
}

/** What a built index holds, as plain JSON: Orama's own `save`, plus the statistics the second pass reads. */
export interface IndexSnapshot {
  orama: RawData;
  frequencies: Array<[string, number]>;
  lengths: Record<Field, number[]>;
}

type OramaIndexData = Parameters<typeof defaultIndex.insertTokenScoreParameters>[0];
const termCounts = new WeakMap<string[], Map<string, number>>();

/**
 * Orama's own term-frequency step, linear: it counts a token by scanning the field's tokens once per token
 * (quadratic in a long body). The stored figures are exactly Orama's.
 */
function insertTokenScoreParameters(
  data: OramaIndexData,
  prop: string,
  id: number,
  tokens: string[],
  token: string,
): void {
  let counts = termCounts.get(tokens);
  if (!counts) {
    counts = new Map();
    for (const each of tokens) counts.set(each, (counts.get(each) ?? 0) + 1);
    termCounts.set(tokens, counts);
  }
  const internalId = internalDocumentIDStore.getInternalDocumentId(data.sharedInternalDocumentStore, id);
  const frequencies = data.frequencies[prop] as Record<number, Record<string, number>>;
  (frequencies[internalId] as Record<string, number>)[token] = (counts.get(token) ?? 0) / tokens.length;
  const occurrences = data.tokenOccurrences[prop] as Record<string, number>;
  occurrences[token] = (occurrences[token] ?? 0) + 1;
}

/** The tokens the statistics pass made, handed to Orama's insert instead of being made again. */
function batchTokenizer(): Tokenizer & { made: Map<string, string[]> } {
  const made = new Map<string, string[]>();
  const fallback = createTokenizer();
  return { ...fallback, made, tokenize: (raw: string) => made.get(raw) ?? tokenize(raw) };
}

function createDatabase(tokenizer: Tokenizer, dimensions?: number) {
  const schema = dimensions ? { ...SCHEMA, [VECTOR_FIELD]: vectorType(dimensions) } : SCHEMA;
  const index = { ...defaultIndex.createIndex(), insertTokenScoreParameters };
  // Sorting is never used (results are ranked by score): disabling it saves a large share of the heap.
  return create({ schema, components: { tokenizer, index }, sort: { enabled: false } });
}

async function buildData(chunks: Chunk[], dimensions?: number) {
  const tokenizer = batchTokenizer();
  const db = createDatabase(tokenizer, dimensions);
  const frequencies = new Map<string, number>();
  const lengths = Object.fromEntries(
    FIELDS.map((field) => [field, new Array<number>(chunks.length).fill(0)]),
  ) as Record<Field, number[]>;
  // Aligned editions of a section count as one section, so a second language does not make every word of the
  // first look rarer (its sections can never hold them).
  const editions = new Map<string, Set<string>>();
  for (const chunk of chunks) editions.set(chunk.sectionKey, new Set());
  // Orama inserts synchronously: a batch at a time, with a turn of the event loop between batches, lets a
  // server that listens while it warms answer its health checks during a long build.
  for (let start = 0; start < chunks.length; start += INSERT_BATCH) {
    const rows = chunks.slice(start, start + INSERT_BATCH).map((chunk, offset) => {
      const row = rowOf(chunk);
      const seen = editions.get(chunk.sectionKey) ?? new Set<string>();
      for (const field of FIELDS) {
        const tokens = tokenizer.made.get(row[field]) ?? tokenize(row[field]);
        tokenizer.made.set(row[field], tokens);
        lengths[field][start + offset] = tokens.length;
        for (const token of tokens) seen.add(token);
      }
      return row;
    });
    await insertMultiple(db, rows, INSERT_BATCH);
    tokenizer.made.clear();
    await yieldToEventLoop();
  }
  for (const seen of editions.values())
    for (const token of seen) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  // The stored documents are never read back (sections come from `chunks`): keep ids only.
  const stored = db.data.docs as unknown as { docs: Record<string, { id: string } | undefined> };
  for (const key of Object.keys(stored.docs)) stored.docs[key] = { id: stored.docs[key]?.id ?? '' };
  return { db, frequencies, lengths, sections: editions.size };
}

function restoreData(chunks: Chunk[], snapshot: IndexSnapshot, dimensions?: number) {
  const db = createDatabase(createTokenizer(), dimensions);
  keepVectorIndex(db, () => load(db, snapshot.orama));
  const sections = new Set(chunks.map((chunk) => chunk.sectionKey)).size;
  return { db, frequencies: new Map(snapshot.frequencies), lengths: snapshot.lengths, sections };
}

/**
 * Indexes sections in Orama with the Chinese/English tokenizer, or restores a snapshot of the same sections
 * made by `snapshot()`. Searches go through the index component with exact terms: Orama's public `search`
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
    ? restoreData(chunks, saved, dimensions)
    : await buildData(chunks, dimensions);
  if (vectors) fillVectors(db, chunks, vectors);
  const averages = Object.fromEntries(
    FIELDS.map((field) => [
      field,
      Math.max(1, lengths[field].reduce((sum, value) => sum + value, 0) / Math.max(1, chunks.length)),
    ]),
  ) as Record<Field, number>;
  const cache = new Map<number, FieldTerms>();
  const positions = new Map(chunks.map((chunk, index) => [chunk.id, index]));
  const total = count(db);
  return {
    size: sections,
    snapshot: () => ({
      orama: vectors ? saveWithoutVectors(db) : save(db),
      frequencies: [...frequencies],
      lengths,
    }),
    nearest: async (vector, limit) => (vectors ? nearestSections(db, positions, vector, limit) : []),
    documentFrequency: (token) => frequencies.get(token) ?? 0,
    fieldLength: (position, field) => lengths[field][position] ?? 0,
    averageLength: (field) => averages[field],
    fieldTerms(position) {
      const cached = cache.get(position);
      if (cached) return cached;
      const chunk = chunks[position];
      const row = chunk ? rowOf(chunk) : { title: '', parents: '', doc: '', body: '' };
      const terms = Object.fromEntries(FIELDS.map((field) => [field, countTerms(row[field])])) as FieldTerms;
      if (cache.size >= FIELD_CACHE_SIZE) cache.delete(cache.keys().next().value as number);
      cache.set(position, terms);
      return terms;
    },
    score(tokens) {
      const scores = new Map<number, number>();
      const known = tokens.filter((token) => frequencies.has(token));
      if (known.length === 0) return scores;
      const hits = db.index.search(
        db.data.index,
        known.join('\n'),
        PREPARED_TOKENS,
        undefined,
        PROPERTIES,
        true,
        0,
        FIELD_BOOSTS,
        BM25,
        total,
        undefined,
        1,
      );
      for (const [internalId, bm25] of hits) {
        const id = internalDocumentIDStore.getDocumentIdFromInternalId(
          db.internalDocumentIDStore,
          internalId,
        );
        const position = positions.get(id);
        if (position !== undefined) scores.set(position, bm25);
      }
      return scores;
    },
  };
}
