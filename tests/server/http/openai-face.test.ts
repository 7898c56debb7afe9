import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  OpenAiErrorBody,
  UrlCitationAnnotation,
} from '../../../server/contract.js';
import {
  FAKE_USAGE,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../../e2e/support/fake-openai-server.js';
import { fakeModelEnv, serveTestApp } from '../support/serve-test-app.js';

// Distinctive, so finding it in anything sent upstream is never a coincidence.
const SYSTEM_CANARY = 'Always answer in pirate speak, code 7F3A.';
const ZH_QUESTION = '做 AI 基础设施平台的产品经理主要盯哪些方面';
const EN_QUESTION = 'platform PM daily focus';

let fake: FakeOpenAiServer;
let served: Awaited<ReturnType<typeof serveTestApp>>;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  served = await serveTestApp(
    // Only the client's disconnect may end a hanging upstream call in these tests.
    fakeModelEnv(fake.baseUrl, { LLM_FIRST_TOKEN_TIMEOUT_MS: '60000', LLM_TOTAL_TIMEOUT_MS: '120000' }),
  );
  // No API_KEYS on the server: a loopback client needs none, whatever the SDK sends.
  client = new OpenAI({ baseURL: `${served.baseUrl}/v1`, apiKey: 'not-needed-on-loopback', maxRetries: 0 });
});
afterEach(() => fake.setScenario('ok'));
afterAll(async () => {
  await served.close();
  await fake.close();
});

const ask = (question: string) => [
  { role: 'system' as const, content: SYSTEM_CANARY },
  { role: 'user' as const, content: question },
];

/** Every annotation covers its linked [n] in the content, and its URL opens a section that exists. */
function expectCitationsResolve(content: string, annotations: UrlCitationAnnotation[]) {
  expect(annotations.length).toBeGreaterThan(0);
  for (const { url_citation: citation } of annotations) {
    expect(content.slice(citation.start_index, citation.end_index)).toMatch(/^\[\[\d+\]\]\(/);
    expect(content.slice(citation.start_index, citation.end_index)).toContain(`(${citation.url})`);
    const url = new URL(citation.url);
    expect(url.origin + url.pathname).toBe(`${served.baseUrl}/`);
    const section = served.deps.retriever.section(url.searchParams.get('section') ?? '');
    expect(section?.id).toBeDefined();
    expect(citation.title.length).toBeGreaterThan(0);
  }
  const sources = content.slice(content.lastIndexOf('\n---\n'));
  expect(sources).toMatch(/\*\*(Sources|来源)\*\*/);
  for (const { url_citation: citation } of annotations) expect(sources).toContain(citation.url);
}

function upstreamPrompts(): string {
  return JSON.stringify(fake.requests.map((request) => request.body.messages));
}

async function readStream(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) {
  const chunks = [] as ChatCompletionChunk[];
  for await (const chunk of stream) chunks.push(chunk as unknown as ChatCompletionChunk);
  const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
  const annotationsAt = chunks.findIndex((chunk) => chunk.choices[0]?.delta.annotations);
  const finishAt = chunks.findIndex((chunk) => chunk.choices[0]?.finish_reason === 'stop');
  return {
    chunks,
    content,
    annotations: chunks[annotationsAt]?.choices[0]?.delta.annotations ?? [],
    annotationsAt,
    finish: chunks[finishAt],
    finishAt,
  };
}

describe('GET /v1/models through the OpenAI SDK', () => {
  it('lists the assistant and its search-only twin', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['aipm-guide', 'aipm-guide-search']);
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'aipm-guide' });
    expect((await client.models.retrieve('aipm-guide-search')).id).toBe('aipm-guide-search');
  });
});

describe('POST /v1/chat/completions through the OpenAI SDK', () => {
  it('answers without streaming in search mode, every [n] a link with its url_citation and a Sources entry', async () => {
    const calls = fake.requests.length;
    const { data, response } = await client.chat.completions
      .create({ model: 'aipm-guide-search', messages: ask(ZH_QUESTION) })
      .withResponse();

    const completion = data as unknown as ChatCompletion;
    expect(response.headers.get('x-answer-mode')).toBe('search');
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'aipm-guide-search',
      answer_mode: 'search',
      fallback_reason: null,
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    const [choice] = completion.choices;
    expect(choice?.finish_reason).toBe('stop');
    expect(choice?.message.role).toBe('assistant');
    expectCitationsResolve(choice?.message.content ?? '', choice?.message.annotations ?? []);
    expect(fake.requests.length).toBe(calls);
  });

  it('streams the same content it answers at once, each delta only new text', async () => {
    const whole = await client.chat.completions.create({
      model: 'aipm-guide-search',
      messages: ask(EN_QUESTION),
    });
    const streamed = await readStream(
      await client.chat.completions.create({
        model: 'aipm-guide-search',
        stream: true,
        messages: ask(EN_QUESTION),
      }),
    );

    expect(streamed.content).toBe(whole.choices[0]?.message.content);
    expect(streamed.chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(streamed.content).toContain('**Sources**');
  });

  it('streams an LLM answer: verified links, annotations on a delta before the final chunk, then usage', async () => {
    const { data: stream, response } = await client.chat.completions
      .create({
        model: 'aipm-guide',
        stream: true,
        stream_options: { include_usage: true },
        messages: ask(ZH_QUESTION),
      })
      .withResponse();
    const { chunks, content, annotations, annotationsAt, finish, finishAt } = await readStream(stream);

    expect(response.headers.get('x-answer-mode')).toBe('llm');
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expectCitationsResolve(content, annotations);
    expect(annotationsAt).toBeGreaterThan(0);
    expect(annotationsAt).toBeLessThan(finishAt);
    expect(finish).toMatchObject({ answer_mode: 'llm', fallback_reason: null, usage: null });
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: {
        prompt_tokens: FAKE_USAGE.prompt_tokens,
        completion_tokens: FAKE_USAGE.completion_tokens,
        total_tokens: FAKE_USAGE.prompt_tokens + FAKE_USAGE.completion_tokens,
      },
    });
    expect(upstreamPrompts()).toContain('基础设施');
    expect(upstreamPrompts()).not.toContain(SYSTEM_CANARY);
  });

  it('says so in the header and the body when the model fails and the search answer stands in', async () => {
    fake.setScenario('http-500');
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'aipm-guide', stream: true, messages: ask(ZH_QUESTION) })
      .withResponse();
    const { content, annotations, finish } = await readStream(stream);

    expect(response.headers.get('x-answer-mode')).toBe('fallback');
    expect(response.headers.get('x-fallback-reason')).toBe('server-error');
    expect(finish).toMatchObject({ answer_mode: 'fallback', fallback_reason: 'server-error' });
    expect(content).toContain('大模型暂时不可用');
    expectCitationsResolve(content, annotations);
  });

  it('aborts the upstream model call when the client disconnects', async () => {
    fake.setScenario('hang');
    const calls = fake.requests.length;
    const abandoned = fake.abandonedResponses();
    const controller = new AbortController();
    const pending = client.chat.completions.create(
      { model: 'aipm-guide', stream: true, messages: ask(ZH_QUESTION) },
      { signal: controller.signal },
    );
    pending.catch(() => {});
    await expect.poll(() => fake.requests.length).toBeGreaterThan(calls);

    controller.abort();

    await expect(pending).rejects.toThrow();
    await expect.poll(() => fake.abandonedResponses()).toBeGreaterThan(abandoned);
    await expect.poll(() => served.logger.lines.some((line) => line.event === 'chat_aborted')).toBe(true);
  });
});

describe('POST /v1/chat/completions through the AI SDK (@ai-sdk/openai)', () => {
  const provider = () => createOpenAI({ baseURL: `${served.baseUrl}/v1`, apiKey: 'not-needed-on-loopback' });

  it('reads the annotations as url sources, with and without streaming', async () => {
    const generated = await generateText({ model: provider().chat('aipm-guide'), prompt: ZH_QUESTION });
    expect(generated.text).toMatch(/\[\[\d+\]\]\(http/);
    expect(generated.sources.length).toBeGreaterThan(0);

    const streamed = streamText({ model: provider().chat('aipm-guide-search'), prompt: EN_QUESTION });
    const text = await streamed.text;
    const sources = await streamed.sources;
    expect(text).toContain('**Sources**');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of [...generated.sources, ...sources]) {
      expect(source).toMatchObject({ sourceType: 'url', url: expect.stringContaining('/?section=') });
      if (source.sourceType === 'url') expect(text + generated.text).toContain(source.url);
    }
  });
});

describe('POST /v1/chat/completions with bad input', () => {
  const user = (content: string) => [{ role: 'user' as const, content }];

  it.each([
    ['an unknown model', { model: 'gpt-4o', messages: user(EN_QUESTION) }, 404, 'model_not_found'],
    ['no messages', { model: 'aipm-guide', messages: [] }, 400, 'bad_request'],
    [
      'a last message from the assistant',
      { model: 'aipm-guide', messages: [{ role: 'assistant' as const, content: 'hi' }] },
      400,
      'bad_request',
    ],
    ['an empty question', { model: 'aipm-guide', messages: user('  ') }, 400, 'bad_request'],
    ['an over-long question', { model: 'aipm-guide', messages: user('问'.repeat(4001)) }, 400, 'bad_request'],
    ['more than one choice', { model: 'aipm-guide', n: 2, messages: user(EN_QUESTION) }, 400, 'bad_request'],
  ])('rejects %s with an OpenAI error the SDK raises', async (_case, body, status, code) => {
    const error = await client.chat.completions.create(body).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe(code);
  });

  it.each([
    ['a body that is not JSON', '{nope', 400],
    ['a body over the size cap', JSON.stringify({ model: 'aipm-guide', pad: 'x'.repeat(300_000) }), 413],
  ])('answers %s in the OpenAI error shape and keeps serving', async (_case, body, status) => {
    const response = await fetch(`${served.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(status);
    const { error } = (await response.json()) as OpenAiErrorBody;
    expect(error).toEqual({
      message: expect.any(String),
      type: 'invalid_request_error',
      param: null,
      code: expect.any(String),
    });
    expect((await client.models.list()).data).toHaveLength(2);
  });
});

describe('/v1 with API_KEYS set', () => {
  const KEY = 'test-key-5b0e2c91d4a7';
  let keyed: Awaited<ReturnType<typeof serveTestApp>>;
  beforeAll(async () => {
    keyed = await serveTestApp({ API_KEYS: `other-key-000000000000, ${KEY}` });
  });
  afterAll(() => keyed.close());

  it('serves a client with a listed key and refuses one without', async () => {
    const withKey = new OpenAI({ baseURL: `${keyed.baseUrl}/v1`, apiKey: KEY, maxRetries: 0 });
    const wrongKey = new OpenAI({
      baseURL: `${keyed.baseUrl}/v1`,
      apiKey: 'test-key-wrong-000000',
      maxRetries: 0,
    });

    const answer = await withKey.chat.completions.create({ model: 'aipm-guide', messages: ask(EN_QUESTION) });
    expect(answer.choices[0]?.message.content).toContain('**Sources**');
    const error = await wrongKey.models.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    const bare = await fetch(`${keyed.baseUrl}/v1/models`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await bare.json()) as OpenAiErrorBody).error.type).toBe('authentication_error');
  });

  it('lets a browser-based client preflight, since the key is the guard', async () => {
    const preflight = await fetch(`${keyed.baseUrl}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://chat.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
