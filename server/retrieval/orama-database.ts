import { type AnyOrama, create, insert, type RawData, type Tokenizer } from '@orama/orama';
import { index as defaultIndex, internalDocumentIDStore } from '@orama/orama/components';
import { radix } from '@orama/orama/trees';
import { VECTOR_FIELD, vectorType } from './embeddings/vector-field.js';
import { headingTopic } from './markdown.js';
import { createPacer } from './pacer.js';
import { createTokenizer, tokenize } from './text.js';
import type { Chunk } from './types.js';

const SCHEMA = { title: 'string', parents: 'string', doc: 'string', body: 'string' } as const;
/** How many texts' tokens the build keeps for reuse before it forgets them. */
const MADE_TOKENS_KEPT = 2_000;
export type Field = keyof typeof SCHEMA;
export const FIELDS = Object.keys(SCHEMA) as Field[];

/** One value per indexed field. */
export function byField<T>(value: (field: Field) => T): Record<Field, T> {
  return Object.fromEntries(FIELDS.map((field) => [field, value(field)])) as Record<Field, T>;
}

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
  const lengths = byField(() => new Array<number>(chunks.length).fill(0));
  // Aligned editions of a section count as one section, so a second language does not make every word of the
  // first look rarer (its sections can never hold them).
  const editions = new Map<string, Set<string>>();
  for (const chunk of chunks) editions.set(chunk.sectionKey, new Set());
  // Orama inserts synchronously: a section at a time, with a turn of the event loop every ~20 ms, lets a
  // server that listens while it warms answer its health checks during a long build. The order of inserts,
  // and so the index, is the one a single `insertMultiple` makes.
  const pacer = createPacer();
  for (const [position, chunk] of chunks.entries()) {
    const row = rowOf(chunk);
    const seen = editions.get(chunk.sectionKey) ?? new Set<string>();
    for (const field of FIELDS) {
      const tokens = tokenizer.made.get(row[field]) ?? tokenize(row[field]);
      tokenizer.made.set(row[field], tokens);
      lengths[field][position] = tokens.length;
      for (const token of tokens) seen.add(token);
    }
    await insert(db, row);
    // Texts repeat across neighbouring sections (a document's title, parent headings): tokenized once.
    if (tokenizer.made.size > MADE_TOKENS_KEPT) tokenizer.made.clear();
    await pacer.pace();
  }
  for (const seen of editions.values()) {
    for (const token of seen) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
    await pacer.pace();
  }
  // The stored documents are never read back (sections come from `chunks`): keep ids only.
  const stored = db.data.docs as unknown as { docs: Record<string, { id: string } | undefined> };
  for (const key of Object.keys(stored.docs)) stored.docs[key] = { id: stored.docs[key]?.id ?? '' };
  return { db, frequencies, lengths, sections: editions.size };
}

type Branches = Array<[string, unknown]>;
type SavedIndexes = Record<string, { type: string; node: { c?: Branches } }>;

/** Each text field's word tree in the live database, by field. */
function radixTrees(db: AnyOrama): Array<[string, radix.RadixTree]> {
  const { indexes } = db.data.index as unknown as {
    indexes: Record<string, { type: string; node: unknown }>;
  };
  return Object.entries(indexes).flatMap(([name, entry]) =>
    entry.type === 'Radix' ? [[name, entry.node as radix.RadixTree] as [string, radix.RadixTree]] : [],
  );
}

function savedIndexes(raw: RawData): SavedIndexes {
  return (raw.index as { indexes: SavedIndexes }).indexes;
}

/**
 * Orama's `save` (or `saveWithoutVectors`), the word trees serialized a branch at a time between pauses: one
 * `save` serializes every tree whole (~0.5 s at 50k sections). The data is exactly `save`'s.
 */
export async function savePaced(db: AnyOrama, saveWhole: (db: AnyOrama) => RawData): Promise<RawData> {
  const trees = radixTrees(db);
  const branches = trees.map(([, tree]) => tree.c);
  for (const [, tree] of trees) tree.c = new Map();
  let raw: RawData;
  try {
    raw = saveWhole(db);
  } finally {
    trees.forEach(([, tree], at) => {
      tree.c = branches[at] ?? tree.c;
    });
  }
  const pacer = createPacer();
  for (const [at, [name]] of trees.entries()) {
    const saved = savedIndexes(raw)[name]?.node;
    if (!saved?.c) throw new Error(`the saved index has no tree for ${name}`);
    for (const [key, branch] of branches[at] ?? []) {
      saved.c.push([key, branch.toJSON()]);
      await pacer.pace();
    }
  }
  return raw;
}

/** Orama's `load` (through `loadWhole`), the word trees rebuilt a branch at a time between pauses. */
export async function loadPaced(
  db: AnyOrama,
  raw: RawData,
  loadWhole: (db: AnyOrama, raw: RawData) => void,
): Promise<void> {
  const branches = new Map<string, Branches>();
  const shallow: SavedIndexes = { ...savedIndexes(raw) };
  for (const [name, entry] of Object.entries(shallow)) {
    if (entry.type !== 'Radix') continue;
    branches.set(name, entry.node.c ?? []);
    shallow[name] = { ...entry, node: { ...entry.node, c: [] } };
  }
  loadWhole(db, { ...raw, index: { ...(raw.index as object), indexes: shallow } });
  const trees = new Map(radixTrees(db));
  const pacer = createPacer();
  for (const [name, list] of branches) {
    const tree = trees.get(name);
    if (!tree) throw new Error(`the loaded index has no tree for ${name}`);
    for (const [key, json] of list) {
      tree.c.set(key, radix.RadixNode.fromJSON(json));
      await pacer.pace();
    }
  }
}
