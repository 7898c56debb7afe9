import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../../server/answer/create-chat-model.js';
import { streamChatAnswer } from '../../../server/answer/stream-chat-answer.js';
import type { AppConfig } from '../../../server/config.js';
import { createMemoryLogger } from '../../../server/logger.js';
import type { GapRecord } from '../../../server/store/feedback-store.js';
import { citedNumbers, readChunks, summarize } from '../support/ui-stream.js';
import { conversation, llmSettings } from './fixtures/chat-input.js';
import { passage, ranked } from './fixtures/corpus-passages.js';
import { scriptedRetriever } from './fixtures/fake-retriever.js';
import {
  completionEvents,
  contentEvent,
  DONE_EVENT,
  eventStream,
  finishEvent,
  SSE_HEADERS,
  usageEvent,
} from './fixtures/openai-sse.js';

const COMPLETIONS_URL = 'http://llm.test/v1/chat/completions';
const server = setupServer();
let calls = 0;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  calls = 0;
});
afterAll(() => server.close());

/** Serves the completions endpoint; counts calls. */
function serve(resolver: (request: Request) => Response | Promise<Response>) {
  server.use(
    http.post(COMPLETIONS_URL, ({ request }) => {
      calls += 1;
      return resolver(request);
    }),
  );
}

const retriever = scriptedRetriever([
  [
    /日常工作|daily work/,
    {
      answerable: true,
      results: ranked(
        passage('模型型', '日常工作'),
        passage('模型型', '核心关注点'),
        passage('平台', '日常工作'),
      ),
    },
  ],
  [
    /红烧肉/,
    { answerable: false, results: ranked(passage('类比理解'), passage('常见误区'), passage('正确关系')) },
  ],
]);

async function ask(
  question: string,
  settings: Partial<AppConfig['llm']> = {},
  onNotCovered?: (gap: GapRecord) => void,
) {
  const llm = llmSettings(settings);
  const logger = createMemoryLogger();
  const response = streamChatAnswer({
    messages: conversation(question),
    retriever,
    model: createChatModel(llm),
    llm,
    logger,
    requestId: 'req-llm',
    signal: new AbortController().signal,
    onNotCovered,
  });
  const chunks = await readChunks(response);
  return { ...summarize(chunks), logger, chunks };
}

const QUESTION = '模型型产品经理的日常工作是什么？';

describe('LLM mode over a real OpenAI-compatible client', () => {
  it('streams a cited answer after the passages, then reports usage, cost and timing', async () => {
    let sentBody: { messages: Array<{ role: string; content: string }> } | undefined;
    serve(async (request) => {
      sentBody = (await request.json()) as typeof sentBody;
      return new HttpResponse(
        eventStream(
          completionEvents([
            '模型型产品经理的日常工作包括对齐模型目标',
            '、设计评测方案 [1]。',
            '\n他们还关注评测指标 [2]。',
          ]),
        ),
        { headers: SSE_HEADERS },
      );
    });

    const { text, firstCitations, citations, metadata, types } = await ask(QUESTION);

    expect(calls).toBe(1);
    expect(sentBody?.messages.at(-1)?.content).toContain(
      '<passage n="1" section="模型型 / 算法产品经理（Model PM） › 日常工作">',
    );
    expect(types.indexOf('data-citations')).toBeLessThan(types.indexOf('text-delta'));
    expect(firstCitations?.citations.map((citation) => citation.n)).toEqual([1, 2, 3]);
    expect(text).toBe(
      '模型型产品经理的日常工作包括对齐模型目标、设计评测方案 [1]。\n他们还关注评测指标 [2]。',
    );
    const [first, second, third] = citations.citations;
    expect(first?.citedBy).toEqual(['模型型产品经理的日常工作包括对齐模型目标、设计评测方案。']);
    expect(first?.text.slice(first.highlights[0]?.start, first.highlights[0]?.end)).toBe('对齐模型目标');
    expect(second?.citedBy).toEqual(['他们还关注评测指标。']);
    expect(third?.citedBy).toEqual([]);
    expect(metadata).toMatchObject({
      mode: 'llm',
      model: 'gpt-4o-mini',
      usage: { inputTokens: 1200, outputTokens: 80 },
      removedCitations: 0,
      notCovered: false,
    });
    expect(metadata.costUsd).toBeCloseTo((1200 * 0.15 + 80 * 0.6) / 1_000_000, 10);
    expect(metadata.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(metadata.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('removes a marker pointing outside the passages, even when it arrives split across chunks', async () => {
    serve(
      () =>
        new HttpResponse(
          eventStream(completionEvents(['对齐模型目标 [1][', '9]，并分析评测结果【', '2】。'])),
          {
            headers: SSE_HEADERS,
          },
        ),
    );

    const { text, chunks, metadata } = await ask(QUESTION);

    expect(text).toBe('对齐模型目标 [1]，并分析评测结果[2]。');
    const deltas = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : []));
    expect(deltas.some((delta) => delta.includes('9'))).toBe(false);
    expect(metadata).toMatchObject({ mode: 'llm', removedCitations: 1 });
  });

  it('prices an unknown model as unknown, not free', async () => {
    serve(
      () => new HttpResponse(eventStream(completionEvents(['对齐模型目标 [1]。'])), { headers: SSE_HEADERS }),
    );

    const { metadata } = await ask(QUESTION, { model: 'my-local-llama' });

    expect(metadata.model).toBe('my-local-llama');
    expect(metadata.costUsd).toBeNull();
  });

  it('does not call the model when the corpus has no evidence', async () => {
    serve(() => HttpResponse.json({ error: 'must not be called' }, { status: 500 }));
    const gaps: GapRecord[] = [];

    const { text, citations, metadata } = await ask('红烧肉怎么做？', {}, (gap) => gaps.push(gap));

    expect(calls).toBe(0);
    expect(text).toContain('资料库中没有能回答这个问题的内容');
    expect(citedNumbers(text)).toEqual([]);
    expect(citations.notCovered).toBe(true);
    expect(citations.nearest).toHaveLength(3);
    expect(metadata).toMatchObject({
      mode: 'llm',
      model: 'gpt-4o-mini',
      usage: { inputTokens: 0, outputTokens: 0 },
      costUsd: 0,
      notCovered: true,
    });
    expect(gaps).toMatchObject([{ mode: 'llm', question: '红烧肉怎么做？' }]);
  });
});

describe('LLM faults fall back to the search-mode answer', () => {
  function expectSearchFallback(result: Awaited<ReturnType<typeof ask>>, reason: string, status?: number) {
    const { text, citations, metadata, logger, types } = result;
    expect(metadata).toMatchObject({
      mode: 'fallback',
      fallbackReason: reason,
      model: 'gpt-4o-mini',
      requestId: 'req-llm',
    });
    expect(text).toContain('大模型暂时不可用');
    expect(text).toContain('决策模型是否上线或回滚 [1]');
    for (const n of citedNumbers(text)) {
      expect(citations.citations.some((citation) => citation.n === n)).toBe(true);
    }
    expect(types.at(-1)).toBe('finish');
    const warnings = logger.lines.filter((line) => line.event === 'llm_fallback');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', requestId: 'req-llm', reason });
    if (status !== undefined) expect(warnings[0]?.status).toBe(status);
  }

  it('401 → auth', async () => {
    serve(() =>
      HttpResponse.json(
        { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } },
        { status: 401 },
      ),
    );
    expectSearchFallback(await ask(QUESTION), 'auth', 401);
  });

  it('401 for a missing key → no-key', async () => {
    serve(() =>
      HttpResponse.json(
        { error: { message: "You didn't provide an API key.", type: 'invalid_request_error' } },
        { status: 401 },
      ),
    );
    expectSearchFallback(await ask(QUESTION), 'no-key', 401);
  });

  it('429 after the retry → rate-limit', async () => {
    serve(() =>
      HttpResponse.json(
        { error: { message: 'Rate limit reached', type: 'requests' } },
        { status: 429, headers: { 'retry-after': '0' } },
      ),
    );
    const result = await ask(QUESTION, { maxRetries: 1 });
    expect(calls).toBe(2);
    expectSearchFallback(result, 'rate-limit', 429);
  });

  it('500 → server-error', async () => {
    serve(() => HttpResponse.json({ error: { message: 'upstream exploded' } }, { status: 500 }));
    expectSearchFallback(await ask(QUESTION), 'server-error', 500);
  });

  it('no first token in time → timeout, and the upstream request is aborted', async () => {
    let upstreamAborted = false;
    serve((request) => {
      request.signal.addEventListener('abort', () => {
        upstreamAborted = true;
      });
      return new HttpResponse(new ReadableStream({ start() {} }), { headers: SSE_HEADERS });
    });
    expectSearchFallback(await ask(QUESTION, { firstTokenTimeoutMs: 200 }), 'timeout');
    expect(upstreamAborted).toBe(true);
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

    const { text, metadata, logger } = await ask(QUESTION, { totalTimeoutMs: 800 });

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
    expectSearchFallback(await ask(QUESTION), 'empty');
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

    const { text, citations, metadata, logger } = await ask(QUESTION);

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
