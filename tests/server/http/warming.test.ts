import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import type { ErrorBody, HealthResponse, OpenAiErrorBody, SearchResponse } from '../../../server/contract.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { buildRetriever } from '../../../server/retrieval/build-retriever.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import type { Retriever, SourceDocument } from '../../../server/retrieval/types.js';
import { type WarmingRetriever, warmingRetriever } from '../../../server/retrieval/warming-retriever.js';
import { aTempDir } from '../store/feedback-fixtures.js';
import { createTestApp } from '../support/create-test-app.js';
import { serveTestApp } from '../support/serve-test-app.js';
import { aChatRequest, writeTinyCorpus } from '../support/server-probe.js';

const API_KEY = 'warming-test-key-5c1e9b7a';
const temp = aTempDir('aipm-warming');
let built: Retriever;
beforeAll(async () => {
  built = await buildRetriever({ corpusDir: writeTinyCorpus(temp.dir), logger: createMemoryLogger() });
});
afterAll(() => temp.remove());

/** A retriever whose build finishes only when the test says so: a large corpus, as slow as we like. */
function aSlowBuild(): { retriever: WarmingRetriever; finish: () => Promise<void> } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const retriever = warmingRetriever(gate.then(() => built));
  return {
    retriever,
    async finish() {
      release();
      await retriever.ready;
    },
  };
}

let testApp: Awaited<ReturnType<typeof createTestApp>> | undefined;
afterEach(() => testApp?.close());

async function appWarming(env: Record<string, string> = {}) {
  const slow = aSlowBuild();
  const config = loadConfig({ LOG_LEVEL: 'silent', API_KEYS: API_KEY, ...env });
  testApp = await createTestApp({ config, retriever: slow.retriever });
  const { app } = testApp;
  const keyed = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { ...keyed, ...headers }, body: JSON.stringify(body) });
  const routes = {
    health: () => app.request('/api/health'),
    search: () => app.request('/api/search?q=evaluation'),
    section: () => app.request('/api/sections/guide%23evaluation-metrics'),
    chat: () => post('/api/chat', aChatRequest('How is evaluation done?')),
    completion: () =>
      post('/v1/chat/completions', {
        model: 'aipm-guide-search',
        messages: [{ role: 'user', content: 'How is evaluation done?' }],
      }),
    mcp: () =>
      post(
        '/mcp',
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-06-18',
            capabilities: {},
            clientInfo: { name: 'test', version: '1' },
          },
        },
        { accept: 'application/json, text/event-stream', host: 'localhost' },
      ),
  };
  return { ...slow, app, routes };
}

describe('a server whose index is still warming', () => {
  it('says `warming` on /api/health with 503 and Retry-After, so a load balancer holds traffic back', async () => {
    const { routes } = await appWarming();

    const response = await routes.health();

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await response.json()) as HealthResponse;
    expect(body).toMatchObject({ status: 'warming', mode: 'search', docs: 0, chunks: 0, store: 'ok' });
  });

  it('answers chat, search, sections, /v1 and /mcp with 503 `warming` and Retry-After, each in its own shape', async () => {
    const { routes } = await appWarming();

    const replies = {
      chat: await routes.chat(),
      search: await routes.search(),
      section: await routes.section(),
      completion: await routes.completion(),
      mcp: await routes.mcp(),
    };

    for (const response of Object.values(replies)) {
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    for (const response of [replies.chat, replies.search, replies.section]) {
      expect(((await response.json()) as ErrorBody).error.code).toBe('warming');
    }
    const openAiError = (await replies.completion.json()) as OpenAiErrorBody;
    expect(openAiError.error.message).toContain('still loading');
    expect(await replies.mcp.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
  });

  it('still takes feedback and lists the /v1 models, which need no index', async () => {
    const { app } = await appWarming();

    const feedback = await app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        messageId: 'message-warming',
        rating: 'up',
        question: 'How is evaluation done?',
        answer: 'With labelled sets [1].',
        mode: 'search',
        citations: [{ n: 1, id: 'guide#evaluation-metrics' }],
      }),
    });
    const models = await app.request('/v1/models', { headers: { authorization: `Bearer ${API_KEY}` } });

    expect(feedback.status).toBe(201);
    expect(models.status).toBe(200);
  });

  it('serves every one of those requests once the index is ready', async () => {
    const { routes, finish } = await appWarming();
    expect((await routes.search()).status).toBe(503);

    await finish();

    const health = await routes.health();
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', docs: 1, chunks: built.stats.chunks });
    const search = await routes.search();
    expect(search.status).toBe(200);
    expect(((await search.json()) as SearchResponse).results.length).toBeGreaterThan(0);
    expect((await routes.section()).status).toBe(200);
    const chat = await routes.chat();
    expect(chat.status).toBe(200);
    expect(await chat.text()).toContain('data-citations');
    expect((await routes.completion()).status).toBe(200);
    expect((await routes.mcp()).status).toBe(200);
  });

  it('counts no refusal while warming against a client’s rate limit', async () => {
    const { routes, finish } = await appWarming({ RATE_LIMIT_SEARCH: '1' });
    const whileWarming = [await routes.search(), await routes.search(), await routes.search()];
    expect(whileWarming.map((response) => response.status)).toEqual([503, 503, 503]);

    await finish();

    expect([(await routes.search()).status, (await routes.search()).status]).toEqual([200, 429]);
  });
});

/** Many invented garden notes: enough sections that building their index takes many slices of work. */
function aLargeCorpus(): SourceDocument[] {
  const plants = ['apple', 'pear', 'plum', 'cherry', 'quince', 'medlar', 'fig', 'olive'];
  return Array.from({ length: 60 }, (_, copy) => {
    const sections = plants.map(
      (plant, at) =>
        `## ${plant} row ${copy}\n\n### Soil\n\nThe ${plant} bed ${copy} drains after rain, mulch ${at}.\n\n### Pruning\n\nCut ${plant} shoots in winter ${copy}.\n`,
    );
    return {
      id: `garden-${copy}`,
      title: `Garden notes ${copy}`,
      path: `garden-${copy}.md`,
      text: `# Garden notes ${copy}\n\n${sections.join('\n')}`,
    };
  });
}

describe('a server building its index while it listens', () => {
  it('answers a health check over its socket while the build is still going, then says ok', async () => {
    // The build starts once the server listens, as in server/index.ts, however long the test app takes to set up.
    let listening: () => void = () => undefined;
    const serverListening = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const retriever = warmingRetriever(
      serverListening.then(() =>
        createRetriever({ documents: aLargeCorpus(), logger: createMemoryLogger() }),
      ),
    );
    const server = await serveTestApp({}, { retriever });
    listening();
    try {
      const health = await fetch(`${server.baseUrl}/api/health`);
      const stillWarming = retriever.warming;
      const body = (await health.json()) as HealthResponse;

      expect(stillWarming).toBe(true);
      expect(health.status).toBe(503);
      expect(body.status).toBe('warming');

      await retriever.ready;
      const ready = await fetch(`${server.baseUrl}/api/health`);
      expect(((await ready.json()) as HealthResponse).status).toBe('ok');
    } finally {
      await server.close();
    }
  });
});
