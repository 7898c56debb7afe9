import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../server/logger.js';
import { createRetriever } from '../../../../server/retrieval/create-retriever.js';
import { createEmbeddingClient } from '../../../../server/retrieval/embeddings/embedding-client.js';
import type { HybridOptions } from '../../../../server/retrieval/embeddings/hybrid-search.js';
import { type FakeEmbeddingsServer, startFakeEmbeddingsServer } from '../fixtures/fake-embeddings-server.js';
import { HYBRID_CONCEPTS, HYBRID_DOCUMENTS, WAX_QUESTION, WAX_SECTION } from '../fixtures/hybrid-corpus.js';

let fake: FakeEmbeddingsServer;

beforeAll(async () => {
  fake = await startFakeEmbeddingsServer(HYBRID_CONCEPTS);
});
afterAll(() => fake.close());
afterEach(() => {
  fake.setScenario('ok');
  fake.requests.length = 0;
});

function hybrid(overrides: Partial<HybridOptions> = {}): HybridOptions {
  const client = createEmbeddingClient({
    model: 'fake-embed',
    baseURL: fake.baseUrl,
    apiKey: null,
    batchSize: 8,
    queryTimeoutMs: 1_000,
    minSimilarity: null,
    declineBelow: null,
  });
  return { client, batchSize: 8, queryTimeoutMs: 1_000, minSimilarity: null, ...overrides };
}

/** A retriever over the hybrid corpus with the fake embeddings endpoint. */
function hybridRetriever(overrides: Partial<HybridOptions> = {}) {
  return createRetriever({
    documents: HYBRID_DOCUMENTS,
    logger: createMemoryLogger(),
    embeddings: hybrid(overrides),
  });
}

function headingsOf(results: Array<{ headings: string[] }>): Array<string | undefined> {
  return results.map((result) => result.headings.at(-1));
}

describe('hybrid search with an embeddings endpoint', () => {
  it('finds the English passage a Chinese question shares no word with, which keyword search misses', async () => {
    const keyword = await createRetriever({ documents: HYBRID_DOCUMENTS, logger: createMemoryLogger() });
    const withVectors = await hybridRetriever();

    expect(headingsOf((await keyword.search(WAX_QUESTION)).results)).not.toContain(WAX_SECTION);
    expect(headingsOf((await withVectors.search(WAX_QUESTION)).results)[0]).toBe(WAX_SECTION);
  });

  it('keeps the keyword ranking on top when the words already find the section', async () => {
    const retriever = await hybridRetriever();

    const search = await retriever.search('when do bees swarm');

    expect(search.answerable).toBe(true);
    expect(headingsOf(search.results)[0]).toBe('Swarm Season');
  });

  it('still declines an off-topic question, though a nearest section always exists', async () => {
    const retriever = await hybridRetriever({ minSimilarity: 0.3 });

    const search = await retriever.search('how do I bake sourdough bread');

    expect(search.answerable).toBe(false);
  });

  it('calls a question covered by meaning alone only past the similarity the operator set', async () => {
    const strict = await hybridRetriever();
    const calibrated = await hybridRetriever({ minSimilarity: 0.3 });

    expect((await strict.search(WAX_QUESTION)).answerable).toBe(false);
    expect((await calibrated.search(WAX_QUESTION)).answerable).toBe(true);
  });

  it("declines a question whose words meet the corpus when even the nearest section is below the operator's bar", async () => {
    const byWords = await hybridRetriever();
    const demanding = await hybridRetriever({ declineBelow: 0.99 });
    const lenient = await hybridRetriever({ declineBelow: -1 });

    expect((await byWords.search('when do bees swarm')).answerable).toBe(true);
    expect((await demanding.search('when do bees swarm')).answerable).toBe(false);
    expect((await lenient.search('when do bees swarm')).answerable).toBe(true);
  });

  it('leaves the decision to the words when the question cannot be embedded', async () => {
    const retriever = await hybridRetriever({ declineBelow: 0.99 });
    fake.setScenario('http-500');

    expect((await retriever.search('when do bees swarm')).answerable).toBe(true);
  });

  it('sends chunks in batches no larger than the batch size', async () => {
    await hybridRetriever({ batchSize: 3 });

    expect(fake.requests.length).toBeGreaterThan(1);
    expect(fake.requests.every((input) => input.length <= 3)).toBe(true);
    const embedded = fake.requests.flat();
    expect(new Set(embedded).size).toBe(embedded.length);
  });
});

describe('when the embeddings endpoint fails', () => {
  it('answers a question from keywords while the endpoint errors, and logs the outage once', async () => {
    const logger = createMemoryLogger();
    const keyword = await createRetriever({ documents: HYBRID_DOCUMENTS, logger: createMemoryLogger() });
    const retriever = await createRetriever({ documents: HYBRID_DOCUMENTS, logger, embeddings: hybrid() });
    fake.setScenario('http-500');

    for (const question of ['when do bees swarm', 'honey harvest extractor']) {
      const search = await retriever.search(question);
      const expected = await keyword.search(question);
      expect(search).toMatchObject({ answerable: expected.answerable, results: expected.results });
    }
    expect(logger.lines.filter((line) => line.event === 'embeddings_query_failed')).toHaveLength(1);
  });

  it('answers from keywords when the endpoint does not answer within the query deadline', async () => {
    const retriever = await hybridRetriever({ queryTimeoutMs: 100 });
    fake.setScenario('hang');

    const search = await retriever.search('when do bees swarm');

    expect(headingsOf(search.results)[0]).toBe('Swarm Season');
  });

  it('serves keyword search when the endpoint is down at index time, saying so in the log', async () => {
    const logger = createMemoryLogger();

    const retriever = await createRetriever({
      documents: HYBRID_DOCUMENTS,
      logger,
      embeddings: hybrid({
        client: { ...hybrid().client, embedBatch: () => Promise.reject(new Error('down')) },
      }),
    });

    expect(headingsOf((await retriever.search('when do bees swarm')).results)[0]).toBe('Swarm Season');
    expect(logger.lines.find((line) => line.event === 'embeddings_unavailable')).toMatchObject({
      level: 'error',
      message: 'down',
    });
  });
});
