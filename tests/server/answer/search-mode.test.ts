import { describe, expect, it } from 'vitest';
import { streamChatAnswer } from '../../../server/answer/stream-chat-answer.js';
import { createMemoryLogger } from '../../../server/logger.js';
import type { GapRecord } from '../../../server/store/feedback-store.js';
import { citedNumbers, readChunks, summarize } from '../support/ui-stream.js';
import { conversation, llmSettings } from './fixtures/chat-input.js';
import { passage, ranked } from './fixtures/corpus-passages.js';
import { scriptedRetriever } from './fixtures/fake-retriever.js';

const retriever = scriptedRetriever([
  [
    /日常工作/,
    { answerable: true, results: ranked(passage('模型型', '日常工作'), passage('平台', '日常工作')) },
  ],
  [
    /red-braised|红烧肉/,
    {
      answerable: false,
      results: ranked(passage('类比理解'), passage('常见误区'), passage('正确关系'), passage('一句话总结')),
    },
  ],
]);

async function ask(question: string, onNotCovered?: (gap: GapRecord) => void) {
  const response = streamChatAnswer({
    messages: conversation(question),
    retriever,
    model: null,
    llm: llmSettings({ apiKey: null }),
    logger: createMemoryLogger(),
    requestId: 'req-search',
    signal: new AbortController().signal,
    onNotCovered,
  });
  return { response, ...summarize(await readChunks(response)) };
}

describe('search mode (no LLM configured)', () => {
  it('answers with cited bullets from the best section, streamed after the citations', async () => {
    const { response, text, citations, metadata, types } = await ask('模型型产品经理的日常工作是什么？');

    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(types[0]).toBe('start');
    expect(types.indexOf('data-citations')).toBeLessThan(types.indexOf('text-delta'));
    expect(types.filter((type) => type === 'text-delta').length).toBeGreaterThan(1);
    expect(types.at(-1)).toBe('finish');

    expect(text).toContain('根据资料库（搜索模式，未调用大模型）');
    expect(text).toContain('决策模型是否上线或回滚 [1]');
    expect(citations.citations.map((citation) => citation.n)).toEqual([1]);
    for (const n of citedNumbers(text)) expect(n).toBeLessThanOrEqual(citations.citations.length);
    expect(metadata).toMatchObject({
      mode: 'search',
      requestId: 'req-search',
      costUsd: 0,
      usage: { inputTokens: 0, outputTokens: 0 },
      notCovered: false,
      retrievalQuery: '模型型产品经理的日常工作是什么？',
    });
    expect(metadata.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('says plainly when the corpus does not cover the question, and logs the gap', async () => {
    const gaps: GapRecord[] = [];
    const { text, citations, metadata } = await ask('红烧肉怎么做？', (gap) => gaps.push(gap));

    expect(text).toContain('资料库中没有能回答这个问题的内容');
    expect(citedNumbers(text)).toEqual([]);
    expect(citations).toMatchObject({ citations: [], notCovered: true });
    expect(citations.nearest).toHaveLength(3);
    expect(metadata).toMatchObject({ mode: 'search', notCovered: true });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ question: '红烧肉怎么做？', mode: 'search', requestId: 'req-search' });
    expect(gaps[0]?.nearest).toHaveLength(3);
  });
});
