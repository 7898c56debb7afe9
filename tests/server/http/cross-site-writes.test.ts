import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, InsightsResponse } from '../../../server/contract.js';
import { aFeedback, aTempDir } from '../store/feedback-fixtures.js';
import { aChatRequest, request, stopServer, writeTinyCorpus } from '../support/server-probe.js';
import { type ServerProcess, startServerProcess } from '../support/start-server-process.js';

const temp = aTempDir('aipm-cross-site');
let server: ServerProcess;
let ownOrigin: string;
beforeAll(async () => {
  server = await startServerProcess(temp.dir, { CORPUS_DIR: writeTinyCorpus(temp.dir) });
  ownOrigin = `http://127.0.0.1:${server.port}`;
}, 60_000);
afterAll(async () => {
  await stopServer(server);
  temp.remove();
});

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  request(server, path, { method: 'POST', headers, body: JSON.stringify(body) });

/** A request with a Host header of our choosing, which fetch() does not allow. */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: server.port, path, headers: { host } },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => resolve(incoming.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function storedFeedback(): Promise<number> {
  const insights = await request(server, '/api/insights');
  return (insights.json as InsightsResponse).totals.feedback;
}

describe('no cross-site writes, against the real server process', () => {
  it('accepts only the application/json media type, parsed rather than searched for', async () => {
    const smuggled = await post('/api/feedback', aFeedback(), {
      'content-type': 'text/plain; x=application/json',
    });
    expect(smuggled.status).toBe(415);
    expect((smuggled.json as ErrorBody).error.code).toBe('unsupported_media_type');
    const alsoSmuggled = await post('/api/chat', aChatRequest('hello'), {
      'content-type': 'application/jsonp',
    });
    expect(alsoSmuggled.status).toBe(415);
    expect(await storedFeedback()).toBe(0);

    const proper = await post('/api/feedback', aFeedback(), {
      'content-type': 'Application/JSON; charset=utf-8',
    });
    expect(proper.status).toBe(201);
  });

  it('refuses writes from a page on another site, by Origin or by Sec-Fetch-Site, with a 403 JSON error', async () => {
    const before = await storedFeedback();
    const json = { 'content-type': 'application/json' };
    const fromElsewhere = [
      await post('/api/feedback', aFeedback(), { ...json, origin: 'https://attacker.example' }),
      await post('/api/feedback', aFeedback(), { ...json, 'sec-fetch-site': 'cross-site' }),
      await post('/api/feedback', aFeedback(), { ...json, origin: 'null' }),
      await post('/api/chat', aChatRequest('spend your tokens'), { ...json, origin: 'http://127.0.0.1:1' }),
      await post(
        '/v1/chat/completions',
        { model: 'aipm-guide-search', messages: [{ role: 'user', content: 'hi' }] },
        {
          ...json,
          origin: 'https://attacker.example',
        },
      ),
    ];
    for (const reply of fromElsewhere) {
      expect(reply.status).toBe(403);
      expect((reply.json as ErrorBody).error.code).toBe('forbidden');
    }
    expect(await storedFeedback()).toBe(before);
  });

  it('still takes writes from its own pages and from clients that send no Origin', async () => {
    const json = { 'content-type': 'application/json' };
    const ownPage = await post('/api/chat', aChatRequest('What does offline evaluation use?'), {
      ...json,
      origin: ownOrigin,
      'sec-fetch-site': 'same-origin',
    });
    expect(ownPage.status).toBe(200);
    const sdk = await post(
      '/v1/chat/completions',
      {
        model: 'aipm-guide-search',
        messages: [{ role: 'user', content: 'What does offline evaluation use?' }],
      },
      json,
    );
    expect(sdk.status).toBe(200);
  });

  it('answers only to loopback Host names while bound to loopback (no DNS rebinding)', async () => {
    expect(await getWithHost('/api/health', 'rebound.attacker.example')).toBe(403);
    expect(await getWithHost('/', `rebound.attacker.example:${server.port}`)).toBe(403);
    expect(await getWithHost('/api/health', `localhost:${server.port}`)).toBe(200);
    expect(await getWithHost('/api/health', `127.0.0.1:${server.port}`)).toBe(200);
  });
});
