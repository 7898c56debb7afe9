import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract.js';
import { aTempDir } from '../store/feedback-fixtures.js';
import { aChatRequest, postJson, request, stopServer } from '../support/server-probe.js';
import { type ServerProcess, startServerProcess } from '../support/start-server-process.js';

// The real corpus, so that a request getting through would cost what it costs in production.
const temp = aTempDir('aipm-size-limits');
let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(temp.dir);
}, 60_000);
afterAll(async () => {
  await stopServer(server);
  temp.remove();
});

/** About 238 kB of UTF-8: a long pasted text as an earlier user turn. */
const LONG_TURN = '评测指标与上线流程，'.repeat(7_900);

const text = (value: string) => [{ type: 'text', text: value }];

function longEarlierTurnChat() {
  return {
    messages: [
      { id: 'u1', role: 'user', parts: text(LONG_TURN) },
      { id: 'a1', role: 'assistant', parts: text('好的。') },
      { id: 'u2', role: 'user', parts: text('那它呢？') },
    ],
  };
}

async function expectStillServing(): Promise<void> {
  const health = await request(server, '/api/health');
  expect(health.status).toBe(200);
  const answer = await postJson(server, '/api/chat', aChatRequest('What does offline evaluation use?'));
  expect(answer.status).toBe(200);
  expect(answer.text).toContain('"type":"finish"');
}

describe('bounded work per request, against the real server process', () => {
  it('refuses a ~238 kB chat whose earlier user turn is huge with a 400 JSON error, and keeps serving', async () => {
    const body = longEarlierTurnChat();
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(230_000);

    const reply = await postJson(server, '/api/chat', body);

    expect(reply.status).toBe(400);
    const error = (reply.json as ErrorBody).error;
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('Message 1 (user)');
    await expectStillServing();
  });

  it('caps earlier answers and the whole conversation, not just the question', async () => {
    const longAnswer = {
      messages: [
        { id: 'u1', role: 'user', parts: text('What is offline evaluation?') },
        { id: 'a1', role: 'assistant', parts: text('x'.repeat(20_001)) },
        { id: 'u2', role: 'user', parts: text('and online?') },
      ],
    };
    expect((await postJson(server, '/api/chat', longAnswer)).status).toBe(400);

    // Every message within its own cap, 76k characters together.
    const messages = Array.from({ length: 4 }, (_, index) => [
      { id: `u${index}`, role: 'user', parts: text(`Question ${index}?`) },
      { id: `a${index}`, role: 'assistant', parts: text('y'.repeat(19_000)) },
    ]).flat();
    messages.push({ id: 'last', role: 'user', parts: text('and then?') });
    const reply = await postJson(server, '/api/chat', { messages });
    expect(reply.status).toBe(400);
    expect((reply.json as ErrorBody).error.message).toContain('conversation has');

    // A text split into many parts counts as one message's text.
    const split = {
      messages: [
        { id: 'u1', role: 'user', parts: Array.from({ length: 50 }, () => text('z'.repeat(100))[0]) },
      ],
    };
    expect((await postJson(server, '/api/chat', split)).status).toBe(400);
    await expectStillServing();
  });

  it('holds /v1/chat/completions to the same caps, in the OpenAI error shape', async () => {
    const reply = await postJson(server, '/v1/chat/completions', {
      model: 'aipm-guide-search',
      messages: [
        { role: 'user', content: LONG_TURN.slice(0, 19_000) },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: '那它呢？' },
      ],
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: { type: 'invalid_request_error', code: 'bad_request' } });

    const manyParts = await postJson(server, '/v1/chat/completions', {
      model: 'aipm-guide-search',
      messages: [
        {
          role: 'user',
          content: Array.from({ length: 12 }, () => ({ type: 'text', text: 'w'.repeat(10_000) })),
        },
      ],
    });
    expect(manyParts.status).toBe(400);
    await expectStillServing();
  });

  it('refuses an MCP batch of more than four messages before any tool runs', async () => {
    const call = (id: number) => ({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'ask', arguments: { question: 'What does offline evaluation use?' } },
    });
    const reply = await request(server, '/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify(Array.from({ length: 5 }, (_, index) => call(index + 1))),
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      jsonrpc: '2.0',
      error: { message: expect.stringContaining('batch') },
    });
    await expectStillServing();
  });
});
