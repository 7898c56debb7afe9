/**
 * Build-time cost of the embedding pass at ~50k sections, against the loopback fake embeddings server (64-dim
 * hashed vectors, served from this process: it measures our plumbing — hashing, batching, the cache — not any
 * model's speed or quality), and Orama's vector search over 50k vectors of a real model's length.
 * `npx tsx bench/embedding-pass.ts`.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create, insertMultiple, search } from '@orama/orama';
import { createLogger } from '../server/logger.js';
import { chunkDocument, isEmptySection } from '../server/retrieval/chunk-markdown.js';
import { embedChunks } from '../server/retrieval/embeddings/embed-chunks.js';
import { createEmbeddingClient } from '../server/retrieval/embeddings/embedding-client.js';
import { loadCorpus } from '../server/retrieval/load-corpus.js';
import { domainGroups } from '../server/retrieval/vocabulary.js';
import { startFakeEmbeddingsServer } from '../tests/server/retrieval/fixtures/fake-embeddings-server.js';
import { root } from './bench-root.js';
import { createRandom, synthesizeCorpus } from './synthesize-corpus.js';

const TARGET_SECTIONS = 50_000;
const BATCH_SIZE = 64;

/**
 * The same exhaustive search as one typed-array pass: every vector in one Float32Array, cosine by dot product
 * over precomputed norms, the 50 best kept. What Orama's vector search would cost without its per-vector map
 * and full sort.
 */
function plainDotProductMs(count: number, dimensions: number): number {
  const random = createRandom(7);
  const all = new Float32Array(count * dimensions);
  for (let at = 0; at < all.length; at++) all[at] = random() - 0.5;
  const norms = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    let sum = 0;
    for (let at = row * dimensions; at < (row + 1) * dimensions; at++) sum += (all[at] as number) ** 2;
    norms[row] = Math.sqrt(sum);
  }
  const query = Float32Array.from({ length: dimensions }, () => random() - 0.5);
  const started = performance.now();
  const similarities = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    let dot = 0;
    const offset = row * dimensions;
    for (let at = 0; at < dimensions; at++) dot += (query[at] as number) * (all[offset + at] as number);
    similarities[row] = dot / (norms[row] as number);
  }
  const cutoff = Float64Array.from(similarities).sort()[count - 50] ?? -1;
  const best = similarities.filter((value) => value >= cutoff).length;
  return best > 0 ? Math.round(performance.now() - started) : Number.NaN;
}

/** Orama's exhaustive vector search over `count` vectors of a real model's length (random unit vectors). */
async function vectorSearchMs(count: number, dimensions: number): Promise<number> {
  const db = create({ schema: { embedding: `vector[${dimensions}]` } as const });
  const random = createRandom(7);
  const vector = () => Array.from({ length: dimensions }, () => random() - 0.5);
  for (let start = 0; start < count; start += 1_000)
    await insertMultiple(
      db,
      Array.from({ length: Math.min(1_000, count - start) }, () => ({ embedding: vector() })),
    );
  const query = vector();
  const [, ms] = await timed(async () =>
    search(db, {
      mode: 'vector',
      vector: { value: query, property: 'embedding' },
      similarity: -1,
      limit: 50,
    }),
  );
  return ms;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, Math.round(performance.now() - started)];
}

const logger = createLogger('warn');
const seed = await loadCorpus({ dir: path.join(root, 'corpus'), logger });
const copies = Math.ceil(TARGET_SECTIONS / seed.flatMap((document) => chunkDocument(document)).length);
const documents = synthesizeCorpus({ seed, terms: domainGroups().flat(), copies });
const fake = await startFakeEmbeddingsServer();
const dataDir = mkdtempSync(path.join(tmpdir(), 'aipm-embedding-bench-'));
const embeddings = {
  client: createEmbeddingClient({
    model: 'fake-embed',
    baseURL: fake.baseUrl,
    apiKey: null,
    batchSize: BATCH_SIZE,
    queryTimeoutMs: 1_500,
    minSimilarity: null,
    declineBelow: null,
  }),
  batchSize: BATCH_SIZE,
  cacheDir: path.join(dataDir, 'embeddings'),
  queryTimeoutMs: 1_500,
  minSimilarity: null,
};
try {
  const chunks = documents
    .flatMap((document) => chunkDocument(document))
    .filter((chunk) => !isEmptySection(chunk));
  const [, coldMs] = await timed(() => embedChunks(chunks, { ...embeddings, logger }));
  const requests = fake.requests.length;
  const [, warmMs] = await timed(() => embedChunks(chunks, { ...embeddings, logger }));
  const cacheBytes = readdirSync(embeddings.cacheDir).reduce(
    (sum, name) => sum + statSync(path.join(embeddings.cacheDir, name)).size,
    0,
  );
  const report = {
    sections: chunks.length,
    coldPassMs: coldMs,
    embeddingRequests: requests,
    largestRequest: Math.max(...fake.requests.map((input) => input.length)),
    warmPassMs: warmMs,
    requestsOnWarmPass: fake.requests.length - requests,
    cacheMb: Math.round(cacheBytes / 1024 / 102.4) / 10,
    vectorSearchMs1536: await vectorSearchMs(chunks.length, 1_536),
    plainDotProductMs1536: plainDotProductMs(chunks.length, 1_536),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
}
