import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../../server/answer/create-chat-model.js';
import { looksElliptical } from '../../../server/answer/follow-up.js';
import { streamChatAnswer } from '../../../server/answer/stream-chat-answer.js';
import type { AppConfig } from '../../../server/config.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { readChunks, summarize } from '../support/ui-stream.js';
import { conversation, llmSettings } from './fixtures/chat-input.js';
import { corpusPassages } from './fixtures/corpus-passages.js';
import { lexicalRetriever } from './fixtures/fake-retriever.js';
import { completionJson } from './fixtures/openai-json.js';
import { completionEvents, eventStream, SSE_HEADERS } from './fixtures/openai-sse.js';

const ALIASES = { 'daily work': '日常工作', 'model pm': '模型型', 'platform pm': '平台' };
const FIRST_ANSWER = '模型型产品经理的日常工作：对齐模型目标、设计实验与评测方案 [1]。';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function ask(turns: string[], llm: AppConfig['llm'] | null) {
  const settings = llm ?? llmSettings({ apiKey: null });
  const logger = createMemoryLogger();
  const retriever = lexicalRetriever(corpusPassages, ALIASES);
  const response = streamChatAnswer({
    messages: conversation(...turns),
    retriever,
    model: createChatModel(settings),
    llm: settings,
    logger,
    requestId: 'req-follow-up',
    signal: new AbortController().signal,
  });
  return { ...summarize(await readChunks(response)), logger, retriever };
}

function headingsOfFirstCitation(result: Awaited<ReturnType<typeof ask>>): string {
  return result.citations.citations[0]?.headings.join(' › ') ?? '';
}

/** The condensation call is the non-streaming one; the answer streams. */
function serveModel(condense: () => Response | Promise<Response>) {
  const answers: string[] = [];
  server.use(
    http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
      const body = (await request.json()) as { stream?: boolean };
      if (!body.stream) return condense();
      answers.push('answer');
      return new HttpResponse(
        eventStream(completionEvents(['平台型 PM 要与工程团队对齐 [1]。'], [1000, 40])),
        {
          headers: SSE_HEADERS,
        },
      );
    }),
  );
  return answers;
}

describe('recognising a follow-up', () => {
  it.each([
    '那平台型的呢？',
    '还有需求量呢',
    'and what about their daily work?',
    'What about the platform PM?',
    '他们需要什么能力？',
  ])('"%s" leans on the previous turn', (question) => {
    expect(looksElliptical(question)).toBe(true);
  });

  it.each([
    'AI 应用产品经理需要什么能力？',
    'What skills does an application PM need?',
    '其他类型的 AI 产品经理中，尤其是应用型，需要什么能力？',
  ])('"%s" stands on its own', (question) => {
    expect(looksElliptical(question)).toBe(false);
  });
});

describe('follow-ups without a model (deterministic)', () => {
  it('"那平台型的呢？" after a question about the model PM’s daily work retrieves the platform PM’s daily work', async () => {
    const result = await ask(['模型型产品经理的日常工作是什么？', FIRST_ANSWER, '那平台型的呢？'], null);

    expect(result.metadata.retrievalQuery).toContain('平台');
    expect(result.metadata.retrievalQuery).toContain('日常工作');
    expect(headingsOfFirstCitation(result)).toMatch(/AI Platform PM.*日常工作$/);
    expect(result.text).toContain('降本增效 [1]');
  });

  it('"and what about their daily work?" keeps the role of the previous question', async () => {
    const result = await ask(
      [
        'What does a model PM do?',
        'A model PM designs model capabilities [1].',
        'and what about their daily work?',
      ],
      null,
    );

    expect(headingsOfFirstCitation(result)).toMatch(/Model PM.*日常工作$/);
    expect(result.text).toContain('From the corpus');
    expect(result.text).toContain('决策模型是否上线或回滚 [1]');
  });

  it('a short question about something the guide never mentions is not answered with the previous section', async () => {
    const result = await ask(['哪类 AI 产品经理需求量最高？', FIRST_ANSWER, '红烧肉怎么做？'], null);

    expect(result.metadata.retrievalQuery).toBe('红烧肉怎么做？');
    expect(result.citations.notCovered).toBe(true);
    expect(result.text).toContain('资料库中没有能回答这个问题的内容');
  });

  it('a question that stands on its own is searched as asked', async () => {
    const question = 'AI 应用产品经理需要什么能力？';
    const result = await ask(['模型型产品经理的日常工作是什么？', FIRST_ANSWER, question], null);

    expect(result.metadata.retrievalQuery).toBe(question);
  });
});

describe('follow-ups with a model', () => {
  const turns = ['模型型产品经理的日常工作是什么？', FIRST_ANSWER, '那平台型的呢？'];

  it('asks the model for a standalone query and counts its tokens', async () => {
    serveModel(() => HttpResponse.json(completionJson('AI 能力平台产品经理的日常工作', [150, 12])));

    const result = await ask(turns, llmSettings());

    expect(result.metadata.retrievalQuery).toBe('AI 能力平台产品经理的日常工作');
    expect(result.metadata.mode).toBe('llm');
    expect(headingsOfFirstCitation(result)).toMatch(/AI Platform PM.*日常工作$/);
    expect(result.metadata.usage).toEqual({ inputTokens: 1150, outputTokens: 52 });
  });

  it('falls back to the deterministic path when the condensation call times out', async () => {
    const answers = serveModel(() => new Promise<Response>(() => {}));

    const result = await ask(turns, llmSettings({ condenseTimeoutMs: 150 }));

    expect(result.metadata.mode).toBe('llm');
    expect(answers).toHaveLength(1);
    expect(result.metadata.retrievalQuery).toContain('平台');
    expect(headingsOfFirstCitation(result)).toMatch(/AI Platform PM.*日常工作$/);
    expect(result.logger.lines.some((line) => line.event === 'condense_fallback')).toBe(true);
  });

  it('ignores a condensation that is not a query', async () => {
    serveModel(() => HttpResponse.json(completionJson("I'm sorry, but I can't help with that request.")));

    const result = await ask(turns, llmSettings());

    expect(result.metadata.retrievalQuery).not.toContain('sorry');
    expect(headingsOfFirstCitation(result)).toMatch(/AI Platform PM.*日常工作$/);
  });

  it('falls back to the deterministic path when the condensation call fails', async () => {
    serveModel(() => HttpResponse.json({ error: { message: 'overloaded' } }, { status: 503 }));

    const result = await ask(turns, llmSettings());

    expect(result.metadata.retrievalQuery).toContain('平台');
    expect(headingsOfFirstCitation(result)).toMatch(/AI Platform PM.*日常工作$/);
  });
});
