import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { create, insertMultiple, type Tokenizer } from '@orama/orama';
import { index as defaultIndex, internalDocumentIDStore } from '@orama/orama/components';
import { VECTOR_FIELD, vectorType } from './embeddings/vector-field.js';
import { headingTopic } from './markdown.js';
import { createTokenizer, tokenize } from './text.js';
import type { Chunk } from './types.js';

const SCHEMA = { title: 'string', parents: 'string', doc: 'string', body: 'string' } as const;
const INSERT_BATCH = 500;
export type Field = keyof typeof SCHEMA;
export const FIELDS = Object.keys(SCHEMA) as Field[];

/** The text a section adds under its heading line, without link targets (URLs are not its words). */
export function sectionBody(chunk: Chunk): string {
  const body =
    chunk.depth === 0 ? chunk.text : chunk.text.slice(chunk.text.indexOf('\n') + 1 || chunk.text.length);
  return body.replace(/\]\([^)]*\)/g, ']');
}

/** The indexed fields of a section: headings without their numbering, the document title, the body. */
export function rowOf(chunk: Chunk) {
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

/** An empty database of the sections' schema (the one a snapshot is loaded into, too). */
export function createDatabase(tokenizer: Tokenizer = createTokenizer(), dimensions?: number) {
  const schema = dimensions ? { ...SCHEMA, [VECTOR_FIELD]: vectorType(dimensions) } : SCHEMA;
  const index = { ...defaultIndex.createIndex(), insertTokenScoreParameters };
  // Sorting is never used (results are ranked by score): disabling it saves a large share of the heap.
  return create({ schema, components: { tokenizer, index }, sort: { enabled: false } });
}

/**
 * Builds the Orama database of the sections (four text fields, plus a vector field with `dimensions`) and
 * the statistics the second pass reads: each field's token count per section, and document frequencies
 * with aligned editions counted as one section.
 */
export async function buildDatabase(chunks: Chunk[], dimensions?: number) {
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
