import path from 'node:path';
import type { EmbeddingsConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { OramaIndex } from '../orama-index.js';
import type { Chunk } from '../types.js';
import { type ChunkVectors, embedChunks } from './embed-chunks.js';
import { createEmbeddingClient, type EmbeddingClient } from './embedding-client.js';
import { VECTOR_CANDIDATES } from './fuse-hybrid.js';
import { createQueryVectors } from './query-vectors.js';

/** The folder under DATA_DIR that holds the vectors, one file per model. */
export const EMBEDDINGS_DIR = 'embeddings';

/** What the retriever needs to search by meaning as well as by words. */
export interface HybridOptions {
  client: EmbeddingClient;
  batchSize: number;
  /** `<DATA_DIR>/embeddings`; without it vectors are not cached. */
  cacheDir?: string;
  queryTimeoutMs: number;
  /** Cosine similarity at which the nearest section alone makes a question covered; null → never. */
  minSimilarity: number | null;
  /** Cosine similarity below which the question is declined whatever its words; null or absent → never. */
  declineBelow?: number | null;
}

export interface HybridSearch {
  readonly vectors: ChunkVectors;
  /** Part of the snapshot key: an index with vectors of another model or length is another index. */
  readonly identity: string;
  /** The sections nearest the question, or undefined when it could not be embedded in time. */
  nearest(query: string, index: OramaIndex): Promise<Array<[number, number]> | undefined>;
  /**
   * What the nearest section's similarity says about coverage: true when it is close enough to answer on its
   * own, false when even it is too far in meaning (a near-domain question can share every word with the corpus
   * and still be about something else), undefined when the words decide — no bar set, or the question could
   * not be embedded. Both bars are off by default: similarity scales differ by model, so only an operator who
   * measured theirs can say where "about this" begins.
   */
  answerableByMeaning(nearest: Array<[number, number]> | undefined): boolean | undefined;
}

/**
 * Embeds the chunks (from the cache where it can) and returns the hybrid leg of search, or undefined when
 * the endpoint failed at index time: the retriever then serves keyword search, as without EMBEDDING_MODEL.
 */
export async function prepareHybrid(
  chunks: Chunk[],
  options: HybridOptions,
  logger: Logger,
): Promise<HybridSearch | undefined> {
  const vectors = await embedChunks(chunks, { ...options, logger });
  if (!vectors || vectors.dimensions === 0) return undefined;
  const queries = createQueryVectors(options.client, {
    timeoutMs: options.queryTimeoutMs,
    dimensions: vectors.dimensions,
    logger,
  });
  const { minSimilarity } = options;
  const declineBelow = options.declineBelow ?? null;
  return {
    vectors,
    identity: `${vectors.model}\u0000${vectors.dimensions}`,
    async nearest(query, index) {
      const vector = await queries.vectorOf(query);
      return vector ? index.nearest(vector, VECTOR_CANDIDATES) : undefined;
    },
    answerableByMeaning(nearest) {
      const closest = nearest?.[0]?.[1] ?? -1;
      if (minSimilarity !== null && closest >= minSimilarity) return true;
      if (declineBelow !== null && nearest !== undefined && closest < declineBelow) return false;
      return undefined;
    },
  };
}

/** The hybrid options the configuration asks for; vectors are cached under `<DATA_DIR>/embeddings`. */
export function hybridOptionsFrom(config: EmbeddingsConfig, dataDir: string): HybridOptions {
  return {
    client: createEmbeddingClient(config),
    batchSize: config.batchSize,
    cacheDir: path.join(dataDir, EMBEDDINGS_DIR),
    queryTimeoutMs: config.queryTimeoutMs,
    minSimilarity: config.minSimilarity,
    declineBelow: config.declineBelow,
  };
}
