import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { citedNumbers } from '../support/ui-stream.js';
import { ANSWERABLE_QUESTION, expectSearchFallback, fakeLlmEndpoint } from './fixtures/llm-endpoint.js';
import {
  contentEvent,
  DONE_EVENT,
  eventStream,
  finishEvent,
  SSE_HEADERS,
  usageEvent,
} from './fixtures/openai-sse.js';

const { serve, ask } = fakeLlmEndpoint();

describe('a stream that stalls, ends empty or is cut short falls back to the search-mode answer', () => {
  it('no first token in time → timeout, and the upstream request is aborted', async () => {
    let upstreamAborted = false;
    // Held so a garbage collection mid-call cannot drop the request's signal, and the listener with it.
    const requests: Request[] = [];
    serve((request) => {
      requests.push(request);
      request.signal.addEventListener('abort', () => {
        upstreamAborted = true;
      });
      return new HttpResponse(new ReadableStream({ start() {} }), { headers: SSE_HEADERS });
    });
    expectSearchFallback(
      await ask(ANSWERABLE_QUESTION, { settings: { firstTokenTimeoutMs: 200 } }),
      'timeout',
    );
    // The abort reaches the mocked request asynchronously, after the answer may already be complete.
    await expect.poll(() => upstreamAborted).toBe(true);
  });

  it('a stream that stalls after some text hits the total timeout: text kept, marked cut off', async () => {
    serve(() => {
      const encoder = new TextEncoder();
      const stalled = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(contentEvent('模型型 PM 要对齐模型目标 [1]，')));
        },
      });
      return new HttpResponse(stalled, { headers: SSE_HEADERS });
    });

    const { text, metadata, logger } = await ask(ANSWERABLE_QUESTION, { settings: { totalTimeoutMs: 800 } });

    expect(metadata).toMatchObject({ mode: 'fallback', fallbackReason: 'timeout' });
    expect(metadata.costUsd).toBeNull();
    expect(text.startsWith('模型型 PM 要对齐模型目标 [1]，')).toBe(true);
    expect(text).toContain('— 回答中断（响应超时），以下是搜索模式的答案 —');
    expect(logger.lines.filter((line) => line.event === 'llm_fallback')).toHaveLength(1);
  });

  it('an empty completion → empty', async () => {
    serve(
      () =>
        new HttpResponse(eventStream([finishEvent(), usageEvent(900, 0), DONE_EVENT]), {
          headers: SSE_HEADERS,
        }),
    );
    expectSearchFallback(await ask(ANSWERABLE_QUESTION), 'empty');
  });

  it('a body cut short keeps the streamed text, marked as cut off, then the search answer with consistent numbers', async () => {
    serve(
      () =>
        new HttpResponse(
          eventStream([contentEvent('平台型 PM 需要与工程团队对齐 [3]，'), contentEvent('并且')]),
          {
            headers: SSE_HEADERS,
          },
        ),
    );

    const { text, citations, metadata, logger } = await ask(ANSWERABLE_QUESTION);

    expect(metadata).toMatchObject({ mode: 'fallback', fallbackReason: 'stream-cut' });
    expect(text.startsWith('平台型 PM 需要与工程团队对齐 [3]，并且')).toBe(true);
    expect(text).toContain('— 回答中断（连接中断），以下是搜索模式的答案 —');
    // The search answer cites the model's passage [1] again under the same number.
    expect(text).toContain('决策模型是否上线或回滚 [1]');
    expect(citations.citations.map((citation) => citation.n)).toEqual([1, 2, 3]);
    expect(citations.citations[2]?.citedBy).toEqual(['平台型 PM 需要与工程团队对齐，并且']);
    for (const n of citedNumbers(text)) expect(n).toBeLessThanOrEqual(3);
    expect(logger.lines.filter((line) => line.event === 'llm_fallback')).toHaveLength(1);
  });
});
