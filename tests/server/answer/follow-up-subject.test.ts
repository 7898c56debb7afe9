import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../../server/answer/create-chat-model.js';
import { streamChatAnswer } from '../../../server/answer/stream-chat-answer.js';
import type { AppConfig } from '../../../server/config.js';
import type { UnderstoodData } from '../../../server/contract.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { readChunks, summarize } from '../support/ui-stream.js';
import { brewingRetriever, sectionId } from './fixtures/brewing-guide.js';
import { conversation, llmSettings } from './fixtures/chat-input.js';
import { completionJson } from './fixtures/openai-json.js';
import { completionEvents, eventStream, SSE_HEADERS } from './fixtures/openai-sse.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function ask(turns: string[], options: { sectionIds?: string[]; llm?: AppConfig['llm'] } = {}) {
  const settings = options.llm ?? llmSettings({ apiKey: null });
  const response = streamChatAnswer({
    messages: conversation(...turns),
    retriever: await brewingRetriever(),
    model: createChatModel(settings),
    llm: settings,
    logger: createMemoryLogger(),
    requestId: 'req-subject',
    signal: new AbortController().signal,
    ...(options.sectionIds ? { contextSectionIds: options.sectionIds } : {}),
  });
  const chunks = await readChunks(response);
  const understood = chunks.flatMap((chunk) =>
    chunk.type === ('data-understood' as string) ? [(chunk as unknown as { data: UnderstoodData }).data] : [],
  );
  return { ...summarize(chunks), understood: understood.at(-1), types: chunks.map((chunk) => chunk.type) };
}

const firstHeadings = (result: Awaited<ReturnType<typeof ask>>) =>
  result.citations.citations[0]?.headings.slice(-2).join(' › ') ?? '';

describe('a follow-up without a model answers about the previous subject', () => {
  it('"那它需要什么器具呢？" after an answer citing one method\'s difficulty lands on that method\'s equipment', async () => {
    const cited = await sectionId('手冲（Pour Over）', '上手难度');

    const result = await ask(['手冲难不难？', '手冲：中等 [1]', '那它需要什么器具呢？'], {
      sectionIds: [cited],
    });

    expect(firstHeadings(result)).toBe('2. 手冲（Pour Over） › 所需器具');
    expect(result.text).toContain('细口手冲壶');
    expect(result.understood).toMatchObject({
      subjects: ['手冲（Pour Over）'],
      aspect: '所需器具',
      method: 'sections',
    });
    expect(result.understood?.query).toBe(result.metadata.retrievalQuery);
  });

  it('without the cited ids, the server resolves the subject from the previous question alone', async () => {
    const result = await ask(['意式浓缩上手难吗？', '意式浓缩：最难 [1]', '这个方法适合什么人？']);

    expect(firstHeadings(result)).toBe('3. 意式浓缩（Espresso） › 适合人群');
    expect(result.understood).toMatchObject({ subjects: ['意式浓缩（Espresso）'], aspect: '适合人群' });
  });

  it('an English "what about their effort?" keeps the hive the previous answer was about', async () => {
    const cited = await sectionId('Top-Bar Hive', 'Cost');

    const result = await ask(
      ['How much does a top-bar hive cost?', 'Easy to build [1]', 'What about their effort?'],
      {
        sectionIds: [cited],
      },
    );

    expect(firstHeadings(result)).toBe('Top-Bar Hive › Effort');
    expect(result.text).toContain('No heavy boxes to lift');
    expect(result.understood).toMatchObject({ subjects: ['Top-Bar Hive'], aspect: 'Effort' });
  });

  it('the understood question arrives right after the start, before the citations', async () => {
    const cited = await sectionId('法压壶（French Press）', '上手难度');

    const result = await ask(['法压壶难吗？', '最容易 [1]', '那它需要什么器具？'], { sectionIds: [cited] });

    expect(result.types.slice(0, 3)).toEqual(['start', 'data-understood', 'data-citations']);
  });

  it('a question that stands on its own sends no understood part', async () => {
    const result = await ask(['手冲难不难？', '中等 [1]', '意式浓缩需要哪些器具？']);

    expect(result.understood).toBeUndefined();
    expect(result.metadata.retrievalQuery).toBe('意式浓缩需要哪些器具？');
  });
});

describe('a follow-up with a model', () => {
  it("sends the model's condensation as the understood question, with the cited subject", async () => {
    server.use(
      http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
        const body = (await request.json()) as { stream?: boolean };
        if (!body.stream) return HttpResponse.json(completionJson('手冲需要的器具', [120, 8]));
        return new HttpResponse(eventStream(completionEvents(['需要细口壶 [1]。'], [900, 20])), {
          headers: SSE_HEADERS,
        });
      }),
    );
    const cited = await sectionId('手冲（Pour Over）', '上手难度');

    const result = await ask(['手冲难不难？', '中等 [1]', '那它需要什么器具呢？'], {
      sectionIds: [cited],
      llm: llmSettings(),
    });

    expect(result.understood).toEqual({
      subjects: ['手冲（Pour Over）'],
      aspect: null,
      query: '手冲需要的器具',
      method: 'llm',
    });
    expect(result.metadata.retrievalQuery).toBe('手冲需要的器具');
  });
});
