import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../server/log-redaction.js';
import { aTempDir } from './store/feedback-fixtures.js';
import { aChatRequest, postJson, stopServer, writeTinyCorpus } from './support/server-probe.js';
import { type ServerProcess, startServerProcess } from './support/start-server-process.js';
import { readChunks, summarize } from './support/ui-stream.js';

const API_KEY = 'sk-echo-test-0123456789abcdefABCDEF';
const ADMIN_TOKEN = 'admin-secret-for-redaction';

/** A provider that answers every call 401 and repeats the credentials it was sent, as some do. */
async function startEchoingProvider(): Promise<{ baseUrl: string; server: Server; calls: number[] }> {
  const calls: number[] = [];
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    incoming.on('end', () => {
      calls.push(Date.now());
      const authorization = incoming.headers.authorization ?? '';
      outgoing.writeHead(401, { 'content-type': 'application/json' });
      outgoing.end(
        JSON.stringify({
          error: {
            message: `Incorrect API key provided: ${authorization.replace(/^Bearer /, '')}. You sent Authorization: ${authorization}`,
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server, calls };
}

describe('secrets never reach the log', () => {
  const temp = aTempDir('aipm-redaction');
  let provider: Awaited<ReturnType<typeof startEchoingProvider>>;
  let server: ServerProcess;
  beforeAll(async () => {
    provider = await startEchoingProvider();
    server = await startServerProcess(temp.dir, {
      CORPUS_DIR: writeTinyCorpus(temp.dir),
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: provider.baseUrl,
      OPENAI_MODEL: 'fake-model',
      LLM_MAX_RETRIES: '0',
      ADMIN_TOKEN,
    });
  }, 60_000);
  afterAll(async () => {
    await stopServer(server);
    await new Promise((resolve) => provider.server.close(resolve));
    temp.remove();
  });

  it('logs a provider 401 that echoes the key without the key', async () => {
    const reply = await postJson(server, '/api/chat', aChatRequest('What does offline evaluation use?'));
    const { metadata } = summarize(await readChunks(new Response(reply.text)));
    expect(metadata).toMatchObject({ mode: 'fallback', fallbackReason: 'auth' });
    expect(provider.calls.length).toBeGreaterThan(0);

    const fallback = server.logs.find((line) => line.includes('"event":"llm_fallback"'));
    expect(fallback).toContain('"status":401');
    expect(fallback).toContain(REDACTED);
    const everything = server.logs.join('\n');
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(API_KEY.slice(3, 20));
    expect(everything).not.toContain(ADMIN_TOKEN);
  });
});

describe('the log redactor', () => {
  const redact = createRedactor(['configured-secret-value']);

  it.each([
    ['a configured secret', 'failed with configured-secret-value', 'configured-secret-value'],
    ['a bearer credential', 'header Authorization: Bearer abc.def-123', 'abc.def-123'],
    ['a named key', 'body {"api_key":"hunter2hunter2"}', 'hunter2hunter2'],
    ['a prefixed provider key', 'key sk-proj-AbCdEf123456 rejected', 'sk-proj-AbCdEf123456'],
    ['a long token', 'token Zx81Qw73Er65Ty49Ui27Op13As95Df87Gh', 'Zx81Qw73Er65Ty49Ui27Op13As95Df87Gh'],
  ])('removes %s', (_, text, secret) => {
    const line = redact(JSON.stringify({ event: 'x', message: text }));
    expect(line).not.toContain(secret);
    expect(line).toContain(REDACTED);
  });

  it('keeps request ids, paths and ordinary text', () => {
    const line = JSON.stringify({
      requestId: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc',
      path: '/api/chat',
      message: 'Evaluation metrics 评测指标 at server/answer/model-stream.ts:120:7',
    });
    expect(redact(line)).toBe(line);
  });
});
