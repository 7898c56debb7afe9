import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../server/logger.js';
import { chunkDocument } from '../../../../server/retrieval/chunk-markdown.js';
import { createRetriever } from '../../../../server/retrieval/create-retriever.js';
import { embeddingText } from '../../../../server/retrieval/embeddings/embed-chunks.js';
import {
  cacheFile,
  contentHash,
  writeEmbeddingCache,
} from '../../../../server/retrieval/embeddings/embedding-cache.js';
import { createEmbeddingClient } from '../../../../server/retrieval/embeddings/embedding-client.js';
import type { HybridOptions } from '../../../../server/retrieval/embeddings/hybrid-search.js';
import type { SourceDocument } from '../../../../server/retrieval/types.js';
import { type FakeEmbeddingsServer, startFakeEmbeddingsServer } from '../fixtures/fake-embeddings-server.js';
import { HYBRID_CONCEPTS, HYBRID_DOCUMENTS, WAX_QUESTION } from '../fixtures/hybrid-corpus.js';

let fake: FakeEmbeddingsServer;
const folders: string[] = [];

beforeAll(async () => {
  fake = await startFakeEmbeddingsServer(HYBRID_CONCEPTS);
});
afterAll(() => fake.close());
afterEach(async () => {
  fake.requests.length = 0;
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'aipm-embeddings-'));
  folders.push(folder);
  return folder;
}

function hybrid(cacheDir: string): HybridOptions {
  const client = createEmbeddingClient({
    model: 'fake-embed',
    baseURL: fake.baseUrl,
    apiKey: null,
    batchSize: 4,
    queryTimeoutMs: 1_000,
    minSimilarity: null,
    declineBelow: null,
  });
  return { client, batchSize: 4, cacheDir, queryTimeoutMs: 1_000, minSimilarity: null };
}

function build(documents: SourceDocument[], cacheDir: string, snapshotDir?: string) {
  const logger = createMemoryLogger();
  const building = createRetriever({
    documents,
    logger,
    embeddings: hybrid(cacheDir),
    ...(snapshotDir ? { snapshotDir } : {}),
  });
  return { logger, building };
}

function withEditedSection(documents: SourceDocument[]): SourceDocument[] {
  return documents.map((document) =>
    document.id === 'bees'
      ? { ...document, text: document.text.replace('twenty kilograms', 'eighteen kilograms') }
      : document,
  );
}

describe('the embeddings cache', () => {
  it('a second build of the same chunks makes no embeddings call', async () => {
    const cacheDir = await dataFolder();
    const first = await build(HYBRID_DOCUMENTS, cacheDir).building;
    const calls = fake.requests.length;
    fake.requests.length = 0;

    const second = await build(HYBRID_DOCUMENTS, cacheDir).building;

    expect(calls).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(0);
    const question = 'what to feed bees in winter';
    expect((await second.search(question)).results).toEqual((await first.search(question)).results);
  });

  it('a changed section re-embeds only itself', async () => {
    const cacheDir = await dataFolder();
    await build(HYBRID_DOCUMENTS, cacheDir).building;
    fake.requests.length = 0;

    const { logger, building } = build(withEditedSection(HYBRID_DOCUMENTS), cacheDir);
    await building;

    expect(fake.requests.flat()).toHaveLength(1);
    expect(fake.requests.flat()[0]).toContain('eighteen kilograms');
    expect(logger.lines.find((line) => line.event === 'embeddings_ready')).toMatchObject({ embedded: 1 });
  });

  it('is written whole, under DATA_DIR, with no temporary file left behind', async () => {
    const cacheDir = await dataFolder();
    await build(HYBRID_DOCUMENTS, cacheDir).building;

    expect(await readdir(cacheDir)).toEqual([path.basename(cacheFile(cacheDir, 'fake-embed'))]);
  });

  it('an unreadable cache is embedded again, with a warning', async () => {
    const cacheDir = await dataFolder();
    await writeFile(cacheFile(cacheDir, 'fake-embed'), 'not a cache');

    const { logger, building } = build(HYBRID_DOCUMENTS, cacheDir);
    await building;

    expect(logger.lines.some((line) => line.event === 'embeddings_cache_unreadable')).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it('starts over when the model behind the name now returns vectors of another length', async () => {
    const cacheDir = await dataFolder();
    const [section] = HYBRID_DOCUMENTS.flatMap((document) => chunkDocument(document)).slice(1);
    if (!section) throw new Error('fixture has sections');
    const stale = new Map([[contentHash(embeddingText(section)), Float32Array.from([1, 0, 0])]]);
    await writeEmbeddingCache(
      cacheDir,
      { model: 'fake-embed', dimensions: 3, vectors: stale },
      createMemoryLogger(),
    );

    const { logger, building } = build(HYBRID_DOCUMENTS, cacheDir);
    const retriever = await building;

    expect(logger.lines.some((line) => line.event === 'embeddings_unavailable')).toBe(false);
    expect((await retriever.search(WAX_QUESTION)).results[0]?.headings.at(-1)).toBe('Glimmerwax');
  });
});

describe('index snapshots of a hybrid index', () => {
  it('are keyed by the embedding model too, and a restart answers exactly as the first start did', async () => {
    const dataDir = await dataFolder();
    const snapshotDir = path.join(dataDir, 'index');
    await createRetriever({ documents: HYBRID_DOCUMENTS, logger: createMemoryLogger(), snapshotDir });
    const keywordSnapshots = await readdir(snapshotDir);
    const first = build(HYBRID_DOCUMENTS, path.join(dataDir, 'embeddings'), snapshotDir);
    const firstRetriever = await first.building;
    const second = build(HYBRID_DOCUMENTS, path.join(dataDir, 'embeddings'), snapshotDir);
    const secondRetriever = await second.building;

    const started = (logger: typeof first.logger) =>
      logger.lines.find((line) => line.event === 'retrieval_indexed')?.snapshot;
    expect([started(first.logger), started(second.logger)]).toEqual(['written', 'loaded']);
    expect(await readdir(snapshotDir)).not.toEqual(keywordSnapshots);
    expect((await secondRetriever.search(WAX_QUESTION)).results).toEqual(
      (await firstRetriever.search(WAX_QUESTION)).results,
    );
  });
});
