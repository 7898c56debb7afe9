import { type AnyOrama, type RawData, save, search } from '@orama/orama';
import { internalDocumentIDStore } from '@orama/orama/components';
import type { Chunk } from '../types.js';
import type { ChunkVectors } from './embed-chunks.js';

/** The schema field that holds a section's vector when an embeddings endpoint is configured. */
export const VECTOR_FIELD = 'embedding';

/** Orama's schema type for vectors of this length. */
export function vectorType(dimensions: number): `vector[${number}]` {
  return `vector[${dimensions}]`;
}

/**
 * Puts the vectors into the database's vector index by internal id. They are not inserted with the rows:
 * Orama validates them as plain arrays, which would copy every vector twice, and a restored snapshot holds
 * none (see `saveWithoutVectors`), so both paths fill them here.
 */
export function fillVectors(db: AnyOrama, chunks: Chunk[], vectors: ChunkVectors): void {
  const field = db.data.index.vectorIndexes[VECTOR_FIELD];
  if (!field) throw new Error('the index was created without a vector field');
  chunks.forEach((chunk, position) => {
    const vector = vectors.vectors[position];
    if (!vector) return;
    const internalId = internalDocumentIDStore.getInternalDocumentId(db.internalDocumentIDStore, chunk.id);
    field.node.add(internalId, vector);
  });
}

/**
 * Orama's `save` without the vectors: as JSON they would be ~10× their binary size (1.5 GB at 50k sections of
 * 1,536 dimensions, past what one string may hold), and the embeddings cache already keeps them.
 */
export function saveWithoutVectors(db: AnyOrama): RawData {
  const vectorIndexes = db.data.index.vectorIndexes;
  db.data.index.vectorIndexes = {};
  try {
    return save(db);
  } finally {
    db.data.index.vectorIndexes = vectorIndexes;
  }
}

/**
 * Loading a snapshot saved without vectors leaves no vector index: the fresh one `create` made from the
 * schema is put back, to be filled by `fillVectors`.
 */
export function keepVectorIndex(db: AnyOrama, restore: () => void): void {
  const vectorIndexes = db.data.index.vectorIndexes;
  restore();
  db.data.index.vectorIndexes = vectorIndexes;
}

/** Orama's vector search: the `limit` sections nearest the vector (cosine similarity), by position. */
export async function nearestSections(
  db: AnyOrama,
  positions: ReadonlyMap<string, number>,
  vector: number[],
  limit: number,
): Promise<Array<[number, number]>> {
  const results = await search(db, {
    mode: 'vector',
    vector: { value: vector, property: VECTOR_FIELD },
    // Every section is a candidate: the fusion keeps the nearest few whatever the model's similarity scale.
    similarity: -1,
    limit,
    includeVectors: false,
  });
  return results.hits.flatMap((hit) => {
    const position = positions.get(hit.id);
    return position === undefined ? [] : [[position, hit.score] as [number, number]];
  });
}
