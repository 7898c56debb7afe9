import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { GapRecord } from '../../../server/store/feedback-store.js';
import { citedNumbers } from '../support/ui-stream.js';
import { ANSWERABLE_QUESTION, fakeLlmEndpoint } from './fixtures/llm-endpoint.js';
import { responsesEvents } from './fixtures/openai-responses-sse.js';
import { completionEvents, eventStream, SSE_HEADERS } from './fixtures/openai-sse.js';

const { serve, ask, calls } = fakeLlmEndpoint();

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

    const { text, firstCitations, citations, metadata, types } = await ask(ANSWERABLE_QUESTION);

    expect(calls()).toBe(1);
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

    const { text, chunks, metadata } = await ask(ANSWERABLE_QUESTION);

    expect(text).toBe('对齐模型目标 [1]，并分析评测结果[2]。');
    const deltas = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : []));
    expect(deltas.some((delta) => delta.includes('9'))).toBe(false);
    expect(metadata).toMatchObject({ mode: 'llm', removedCitations: 1 });
  });

  it('prices an unknown model as unknown, not free', async () => {
    serve(
      () => new HttpResponse(eventStream(completionEvents(['对齐模型目标 [1]。'])), { headers: SSE_HEADERS }),
    );

    const { metadata } = await ask(ANSWERABLE_QUESTION, { settings: { model: 'my-local-llama' } });

    expect(metadata.model).toBe('my-local-llama');
    expect(metadata.costUsd).toBeNull();
  });

  it('does not call the model when the corpus has no evidence', async () => {
    serve(() => HttpResponse.json({ error: 'must not be called' }, { status: 500 }));
    const gaps: GapRecord[] = [];

    const { text, citations, metadata } = await ask('红烧肉怎么做？', {
      onNotCovered: (gap) => gaps.push(gap),
    });

    expect(calls()).toBe(0);
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

describe('LLM mode over the Responses API (OPENAI_API=responses)', () => {
  it('streams the same cited answer shape from /responses', async () => {
    let path = '';
    serve((request) => {
      path = new URL(request.url).pathname;
      return new HttpResponse(eventStream(responsesEvents(['模型型产品经理要对齐模型目标 [1]。'])), {
        headers: SSE_HEADERS,
      });
    }, 'responses');

    const { text, citations, metadata } = await ask(ANSWERABLE_QUESTION, { settings: { api: 'responses' } });

    expect(path).toBe('/v1/responses');
    expect(text).toBe('模型型产品经理要对齐模型目标 [1]。');
    expect(citations.citations[0]?.citedBy).toEqual(['模型型产品经理要对齐模型目标。']);
    expect(metadata).toMatchObject({ mode: 'llm', usage: { inputTokens: 900, outputTokens: 40 } });
  });
});
