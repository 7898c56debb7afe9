import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ANSWERABLE_QUESTION, expectSearchFallback, fakeLlmEndpoint } from './fixtures/llm-endpoint.js';
import { completionEvents, eventStream, SSE_HEADERS } from './fixtures/openai-sse.js';

const { serve, ask, calls } = fakeLlmEndpoint();

function failure(status: number, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ error: { message, type: 'invalid_request_error' } }, { status, headers });
}

/** The first call is a 500 that asks for an immediate retry; every later call gets `then`. */
function firstFailsThen(then: () => Response) {
  let failed = false;
  return () => {
    if (failed) return then();
    failed = true;
    return failure(500, 'upstream exploded', { 'retry-after-ms': '1' });
  };
}

describe('a provider that answers with an HTTP error falls back under the real cause', () => {
  it('401 → auth', async () => {
    serve(() => failure(401, 'Incorrect API key provided'));
    expectSearchFallback(await ask(ANSWERABLE_QUESTION), 'auth', 401);
  });

  it('401 for a missing key → no-key', async () => {
    serve(() => failure(401, "You didn't provide an API key."));
    expectSearchFallback(await ask(ANSWERABLE_QUESTION), 'no-key', 401);
  });

  it('429 after the retry → rate-limit', async () => {
    serve(() => failure(429, 'Rate limit reached', { 'retry-after': '0' }));
    const result = await ask(ANSWERABLE_QUESTION, { settings: { maxRetries: 1 } });
    expect(calls()).toBe(2);
    expectSearchFallback(result, 'rate-limit', 429);
  });

  it('500 → server-error', async () => {
    serve(() => failure(500, 'upstream exploded'));
    expectSearchFallback(await ask(ANSWERABLE_QUESTION), 'server-error', 500);
  });
});

describe('retrying within the first-token deadline', () => {
  it('a 500 whose retry wait outlasts the first-token deadline is a server error, not a timeout', async () => {
    serve(() => failure(500, 'upstream exploded'));

    // The default backoff before a retry is 2 s; the user is promised a first token within 300 ms.
    const result = await ask(ANSWERABLE_QUESTION, { settings: { maxRetries: 1, firstTokenTimeoutMs: 300 } });

    expectSearchFallback(result, 'server-error', 500);
    expect(result.notice).toContain('模型服务出错');
  });

  it('a 429 asking to come back later than the deadline falls back as rate-limit without waiting', async () => {
    serve(() => failure(429, 'Rate limit reached', { 'retry-after': '30' }));

    const result = await ask(ANSWERABLE_QUESTION, { settings: { maxRetries: 1, firstTokenTimeoutMs: 300 } });

    expectSearchFallback(result, 'rate-limit', 429);
    expect(calls()).toBe(1);
  });

  it('a retry that hangs after a 500 still reports the server error that started it', async () => {
    serve(
      firstFailsThen(() => new HttpResponse(new ReadableStream({ start() {} }), { headers: SSE_HEADERS })),
    );

    const result = await ask(ANSWERABLE_QUESTION, { settings: { maxRetries: 1, firstTokenTimeoutMs: 300 } });

    expect(calls()).toBe(2);
    expectSearchFallback(result, 'server-error', 500);
  });

  it('a 500 followed by a good retry is an ordinary LLM answer', async () => {
    serve(
      firstFailsThen(
        () =>
          new HttpResponse(eventStream(completionEvents(['对齐模型目标 [1]。'])), { headers: SSE_HEADERS }),
      ),
    );

    const { text, metadata } = await ask(ANSWERABLE_QUESTION, { settings: { maxRetries: 1 } });

    expect(calls()).toBe(2);
    expect(text).toBe('对齐模型目标 [1]。');
    expect(metadata).toMatchObject({ mode: 'llm', usage: { inputTokens: 1200, outputTokens: 80 } });
  });
});
