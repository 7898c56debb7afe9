import { count, create, insertMultiple, type Tokenizer } from '@orama/orama';
import { internalDocumentIDStore } from '@orama/orama/components';
import { chunkBody } from './chunk-profiles.js';
import { headingTopic } from './markdown-headings.js';
import { createTokenizer } from './tokenizer.js';
import type { Chunk } from './types.js';

const SCHEMA = { heading: 'string', context: 'string', body: 'string' } as const;
const PROPERTIES = Object.keys(SCHEMA);
/** A chunk's own heading says most about it; parent headings carry the role a tiny subsection belongs to. */
const BOOST = { heading: 2, context: 1, body: 1 };
const BM25 = { k: 1.2, b: 0.75, d: 0.5 };
const INSERT_BATCH = 500;
/** Query tokens are prepared by `analyzeQuery`; Orama must take them as they are. */
const PREPARED_TOKENS: Tokenizer = {
  language: 'mandarin',
  normalizationCache: new Map(),
  tokenize: (raw) => raw.split('\n'),
};

/** First-stage retrieval over an Orama database. */
export interface OramaIndex {
  /** Chunks holding any of the tokens (exact terms), best BM25 first. */
  candidates(tokens: string[], limit: number): Array<{ chunk: Chunk; bm25: number }>;
}

/**
 * Indexes chunks in Orama with the Chinese/English tokenizer: own heading, parent headings (so a
 * three-bullet `需求量` section still carries its role name) and body as separate boosted fields.
 * Searches go through the index component with `exact` terms: Orama's public `search` either expands
 * every term as a prefix or, with `exact`, filters by a case-sensitive regex that never matches Chinese.
 */
export async function createOramaIndex(chunks: Chunk[]): Promise<OramaIndex> {
  const db = create({ schema: SCHEMA, components: { tokenizer: createTokenizer() } });
  const rows = chunks.map((chunk) => ({
    id: chunk.id,
    heading: headingTopic(chunk.headings.at(-1) ?? chunk.docTitle),
    context:
      chunk.headings.length > 0 ? chunk.headings.slice(0, -1).map(headingTopic).join('\n') : chunk.docTitle,
    body: chunkBody(chunk),
  }));
  await insertMultiple(db, rows, INSERT_BATCH);
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  return {
    candidates(tokens, limit) {
      if (tokens.length === 0 || chunks.length === 0) return [];
      const term = tokens.join('\n');
      const hits = db.index.search(
        db.data.index,
        term,
        PREPARED_TOKENS,
        undefined,
        PROPERTIES,
        true,
        0,
        BOOST,
        BM25,
        count(db),
        undefined,
        1,
      );
      return hits.slice(0, limit).flatMap(([internalId, bm25]) => {
        const id = internalDocumentIDStore.getDocumentIdFromInternalId(
          db.internalDocumentIDStore,
          internalId,
        );
        const chunk = byId.get(id);
        return chunk ? [{ chunk, bm25 }] : [];
      });
    },
  };
}
