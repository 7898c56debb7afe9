import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../../server/answer/create-chat-model.js';
import { streamChatAnswer } from '../../../server/answer/stream-chat-answer.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import type { Retriever, SearchOptions } from '../../../server/retrieval/types.js';
import { HYBRID_DOCUMENTS, WAX_SECTION } from '../retrieval/fixtures/hybrid-corpus.js';
import { readChunks, summarize } from '../support/ui-stream.js';
import { conversation, llmSettings } from './fixtures/chat-input.js';
import { completionJson } from './fixtures/openai-json.js';
import { completionEvents, eventStream, SSE_HEADERS } from './fixtures/openai-sse.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A Chinese follow-up after a Chinese question, over an English guide and a Chinese note. */
const TURNS = ['怎么取蜂蜜？', '只取封盖的巢脾 [1]。', '那蜂蜡呢？'];

type Searched = { query: string; options: SearchOptions | undefined };

async function recordingRetriever(languages?: Array<'zh' | 'en'>) {
  const real = await createRetriever({ documents: HYBRID_DOCUMENTS, logger: createMemoryLogger() });
  const searched: Searched[] = [];
  const retriever: Retriever = {
    stats: real.stats,
    section: real.section,
    ...(languages ? { languages: () => languages } : { languages: real.languages }),
    search(query, options) {
      searched.push({ query, options });
      return real.search(query, options);
    },
  };
  return { retriever, searched };
}

/** Serves the condensation (non-streaming) with `condense` and the answer stream; keeps the condensation request. */
function serveModel(condense: () => Response | Promise<Response>) {
  const prompts: string[] = [];
  server.use(
    http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
      const body = (await request.json()) as { stream?: boolean };
      if (!body.stream) {
        prompts.push(JSON.stringify(body));
        return condense();
      }
      return new HttpResponse(eventStream(completionEvents(['Melt the cappings slowly [1].'], [900, 20])), {
        headers: SSE_HEADERS,
      });
    }),
  );
  return prompts;
}

async function ask(retriever: Retriever, settings = llmSettings()) {
  const response = streamChatAnswer({
    messages: conversation(...TURNS),
    retriever,
    model: createChatModel(settings),
    llm: settings,
    logger: createMemoryLogger(),
    requestId: 'req-rewrite',
    signal: new AbortController().signal,
  });
  return summarize(await readChunks(response));
}

describe('the condensation call rewrites a follow-up into the corpus’s other languages', () => {
  it('asks for the English form of a Chinese follow-up, and retrieval searches it beside the Chinese query', async () => {
    const { retriever, searched } = await recordingRetriever();
    const prompts = serveModel(() =>
      HttpResponse.json(completionJson('养蜂时蜂蜡怎么处理\nen: how to melt the glimmerwax cappings')),
    );

    const result = await ask(retriever);

    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain('en: <the same query in English>');
    expect(prompts[0]).not.toContain('zh: <');
    expect(searched.at(-1)).toMatchObject({
      query: '养蜂时蜂蜡怎么处理',
      options: { rewrites: ['how to melt the glimmerwax cappings'] },
    });
    expect(result.metadata.retrievalQuery).toBe('养蜂时蜂蜡怎么处理');
    expect(result.citations.citations[0]?.headings.at(-1)).toBe(WAX_SECTION);
  });

  it('drops a rewrite that is not in the language asked for, keeping the condensed query', async () => {
    const { retriever, searched } = await recordingRetriever();
    serveModel(() =>
      HttpResponse.json(completionJson('养蜂时蜂蜡怎么处理\nen: 蜂蜡怎么处理\nsorry, no more')),
    );

    await ask(retriever);

    expect(searched.at(-1)?.query).toBe('养蜂时蜂蜡怎么处理');
    expect(searched.at(-1)?.options?.rewrites).toBeUndefined();
  });

  it('asks exactly what it asked before when the corpus is written only in the question’s language', async () => {
    const { retriever, searched } = await recordingRetriever(['zh']);
    const prompts = serveModel(() => HttpResponse.json(completionJson('养蜂时蜂蜡怎么处理')));

    await ask(retriever);

    expect(prompts[0]).toContain('Output only the query, on one line');
    expect(prompts[0]).not.toContain('en: <');
    expect(searched.at(-1)?.options?.rewrites).toBeUndefined();
  });

  it('falls back to today’s deterministic path, with no rewrites, when the call misses its deadline', async () => {
    const { retriever, searched } = await recordingRetriever();
    serveModel(() => new Promise<Response>(() => {}));

    const result = await ask(retriever, llmSettings({ condenseTimeoutMs: 150 }));

    expect(result.metadata.mode).toBe('llm');
    expect(searched.every((search) => search.options?.rewrites === undefined)).toBe(true);
  });
});

describe('searching with rewritten forms', () => {
  it('reaches the English section through the English form, answering in the question’s terms', async () => {
    const retriever = await createRetriever({ documents: HYBRID_DOCUMENTS, logger: createMemoryLogger() });
    const question = '蜂蜡应该怎么处理？';

    const alone = await retriever.search(question);
    const rewritten = await retriever.search(question, { rewrites: ['melting glimmerwax cappings'] });

    expect(alone.answerable).toBe(false);
    expect(rewritten.answerable).toBe(true);
    expect(rewritten.query).toBe(question);
    expect(rewritten.results[0]?.headings.at(-1)).toBe(WAX_SECTION);
  });

  it('still declines an off-topic question in every language', async () => {
    const retriever = await createRetriever({ documents: HYBRID_DOCUMENTS, logger: createMemoryLogger() });

    const search = await retriever.search('怎么烤酸面包？', { rewrites: ['how to bake sourdough bread'] });

    expect(search.answerable).toBe(false);
  });

  it('keeps the question’s own ranking when the rewrite finds nothing more', async () => {
    const retriever = await createRetriever({ documents: HYBRID_DOCUMENTS, logger: createMemoryLogger() });

    const alone = await retriever.search('茶树喜欢什么土壤');
    const rewritten = await retriever.search('茶树喜欢什么土壤', {
      rewrites: ['what soil do tea plants like'],
    });

    expect(rewritten.results[0]?.id).toBe(alone.results[0]?.id);
  });
});
