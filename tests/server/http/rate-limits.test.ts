import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../e2e/support/fake-openai-server.js';
import { aTempDir } from '../store/feedback-fixtures.js';
import { fakeModelEnv } from '../support/serve-test-app.js';
import { aChatRequest, postJson, request, stopServer, writeTinyCorpus } from '../support/server-probe.js';
import { type ServerProcess, startServerProcess } from '../support/start-server-process.js';
import { readChunks, summarize } from '../support/ui-stream.js';

const ADMIN_TOKEN = 'admin-token-for-lockout-tests';
const QUESTION = 'What does offline evaluation use?';

const temp = aTempDir('aipm-rate-limits');
let fake: FakeOpenAiServer;
let server: ServerProcess;
beforeAll(async () => {
  fake = await startFakeOpenAiServer('hang');
  server = await startServerProcess(temp.dir, {
    CORPUS_DIR: writeTinyCorpus(temp.dir),
    RATE_LIMIT_SEARCH: '3',
    RATE_LIMIT_OPENAI: '2',
    ADMIN_TOKEN,
    ADMIN_LOCKOUT_ATTEMPTS: '3',
    LLM_MAX_CONCURRENT: '1',
    ...fakeModelEnv(fake.baseUrl, { LLM_FIRST_TOKEN_TIMEOUT_MS: '60000' }),
  });
}, 60_000);
afterAll(async () => {
  await stopServer(server);
  await fake.close();
  temp.remove();
});

const search = (headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${server.port}/api/search?q=evaluation`, { headers });

const events = (name: string) =>
  server.logs.flatMap((line) => {
    const entry = JSON.parse(line) as Record<string, unknown>;
    return entry.event === name ? [entry] : [];
  });

describe('per-client rate limits, against the real server process', () => {
  it('answers the request past the limit with a 429 JSON error, Retry-After and RateLimit-* headers', async () => {
    const remaining: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await search();
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      remaining.push(response.headers.get('ratelimit-remaining') ?? '');
      await response.arrayBuffer();
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await search();

    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/try again in \d+ s/);
    // Another route group, and the server itself, are unaffected.
    expect((await request(server, '/api/health')).status).toBe(200);
  });

  it('does not believe X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const response = await search({ 'x-forwarded-for': '198.51.100.23' });
    expect(response.status).toBe(429);
    await response.arrayBuffer();
  });

  it('limits the OpenAI-compatible face in its own error shape', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await request(server, '/v1/models')).status).toBe(200);
    }
    const refused = await request(server, '/v1/models');
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limited' } });
  });

  it('locks a client out after failed admin-token attempts, logging each one and the lockout', async () => {
    const insights = (token: string) =>
      request(server, '/api/insights', { headers: { authorization: `Bearer ${token}` } });
    expect((await insights(ADMIN_TOKEN)).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await insights(`guess-${attempt}`)).status).toBe(401);
    }

    const lockedOut = await insights('guess-3');
    const evenTheRightToken = await insights(ADMIN_TOKEN);

    expect(lockedOut.status).toBe(429);
    expect(evenTheRightToken.status).toBe(429);
    expect(events('admin_token_refused')).toHaveLength(3);
    expect(events('admin_lockout').length).toBeGreaterThanOrEqual(1);
    expect(server.logs.join('\n')).not.toContain(ADMIN_TOKEN);
  });

  it('caps concurrent model calls: past the cap the answer is made by search and labelled', async () => {
    const first = new AbortController();
    const held = fetch(`http://127.0.0.1:${server.port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aChatRequest(QUESTION)),
      signal: first.signal,
    }).catch(() => null);
    for (let wait = 0; wait < 200 && fake.requests.length === 0; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(fake.requests).toHaveLength(1);

    const second = await fetch(`http://127.0.0.1:${server.port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aChatRequest(QUESTION)),
    });
    const { text, metadata, citations } = summarize(await readChunks(second));
    first.abort();
    await held;

    expect(metadata).toMatchObject({ mode: 'fallback', fallbackReason: 'rate-limit' });
    expect(text).toContain('[1]');
    expect(citations.citations.length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('writes one access-log line per request, without bodies or query text', async () => {
    await postJson(server, '/api/chat', aChatRequest('a question that stays out of the access log'));
    const lines = events('http_request');
    const chat = lines.filter((line) => line.path === '/api/chat').at(-1);
    expect(chat).toMatchObject({ method: 'POST', status: 200, ms: expect.any(Number) });
    expect(typeof chat?.requestId).toBe('string');
    expect(lines.some((line) => line.path === '/api/search' && line.status === 429)).toBe(true);
    const everything = server.logs.join('\n');
    expect(everything).not.toContain('stays out of the access log');
    expect(everything).not.toContain('q=evaluation');
  });
});
