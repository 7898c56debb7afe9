import { isEmptySection } from './chunk-markdown.js';
import { headingTopic } from './markdown-headings.js';
import { tokenize } from './tokenizer.js';
import type { Chunk } from './types.js';

/**
 * Where a concept is found matters: the own heading names a section's topic; a parent heading its context
 * (as strong as the own heading when the parent has no text: its children ARE its content); the document
 * title is shared by every section; the body only mentions.
 */
export const FIELD_WEIGHTS = {
  own: 1,
  emptyParent: 1,
  parent: 0.9,
  grandparent: 0.75,
  distant: 0.6,
  title: 0.6,
  body: 0.7,
} as const;
const BODY_CACHE_SIZE = 4096;

/** One searchable part of a chunk, as a token set. */
export interface ChunkField {
  kind: 'heading' | 'body';
  tokens: Set<string>;
  weight: number;
}

/** The text a chunk adds under its heading line: what the body field indexes. */
export function chunkBody(chunk: Chunk): string {
  if (chunk.depth === 0) return chunk.text;
  const newline = chunk.text.indexOf('\n');
  return newline === -1 ? '' : chunk.text.slice(newline + 1);
}

function pathKey(docId: string, headings: string[]): string {
  return `${docId}\u0000${headings.join('\u0000')}`;
}

/** Bounded memo: a 50k-chunk corpus must not keep every token set alive. */
function boundedCache<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const value = compute(key);
    if (cache.size >= BODY_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, value);
    return value;
  };
}

/**
 * Token sets of each chunk's heading levels and body, computed on demand: heading sets are shared by
 * heading text, body sets live in a bounded cache.
 */
export function createChunkProfiles(allChunks: Chunk[]): (chunk: Chunk) => ChunkField[] {
  const sections = new Map(
    allChunks.map((chunk) => [pathKey(chunk.docId, chunk.headings), { chunk, empty: isEmptySection(chunk) }]),
  );
  const headingCache = new Map<string, Set<string>>();
  const headingTokens = (heading: string) => {
    const cached = headingCache.get(heading);
    if (cached) return cached;
    const tokens = new Set(tokenize(headingTopic(heading)));
    headingCache.set(heading, tokens);
    return tokens;
  };
  // A grandparent is shared by many more sections than a parent: it says less about this one.
  const ancestorWeight = (chunk: Chunk, level: number) => {
    const ancestor = sections.get(pathKey(chunk.docId, chunk.headings.slice(0, level + 1)));
    const distance = chunk.headings.length - 1 - level;
    if (ancestor?.chunk.depth === 1) return FIELD_WEIGHTS.title;
    if (distance > 1) return distance === 2 ? FIELD_WEIGHTS.grandparent : FIELD_WEIGHTS.distant;
    return ancestor?.empty ? FIELD_WEIGHTS.emptyParent : FIELD_WEIGHTS.parent;
  };
  const bodyById = new Map(allChunks.map((chunk) => [chunk.id, chunk]));
  const bodyTokens = boundedCache((id) => {
    const chunk = bodyById.get(id);
    return new Set(chunk ? tokenize(chunkBody(chunk)) : []);
  });
  return (chunk) => {
    const fields: ChunkField[] = chunk.headings.map((heading, level) => ({
      kind: 'heading',
      tokens: headingTokens(heading),
      weight: level === chunk.headings.length - 1 ? FIELD_WEIGHTS.own : ancestorWeight(chunk, level),
    }));
    // Text before the first heading sits under the document title only.
    if (fields.length === 0) {
      fields.push({ kind: 'heading', tokens: headingTokens(chunk.docTitle), weight: FIELD_WEIGHTS.title });
    }
    fields.push({ kind: 'body', tokens: bodyTokens(chunk.id), weight: FIELD_WEIGHTS.body });
    return fields;
  };
}
