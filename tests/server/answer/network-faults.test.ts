import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatModel } from '../../../server/answer/create-chat-model.js';
import { streamChatAnswer } from '../../../server/answer/stream-chat-answer.js';
import type { AppConfig } from '../../../server/config.js';
import type { Citation } from '../../../server/contract.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { citedNumbers, readChunks, summarize } from '../support/ui-stream.js';
import { conversation, llmSettings } from './fixtures/chat-input.js';
import { scriptedRetriever } from './fixtures/fake-retriever.js';
import { contentEvent, SSE_HEADERS } from './fixtures/openai-sse.js';
import { APPLE_PRUNING, PEAR_PRUNING, PRUNING_QUESTION } from './fixtures/orchard-passages.js';

// Real sockets: msw cannot produce a refused connection or a reset mid-body.
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function loopback(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/v1`;
}

const retriever = scriptedRetriever([[/./, { answerable: true, results: [APPLE_PRUNING, PEAR_PRUNING] }]]);

/** The search-mode answer quotes a sentence of the first passage it cites, as the retriever returned it. */
function quotesFirstCitedPassage(text: string, citations: Citation[]): boolean {
  const first = citations.find((citation) => citation.n === citedNumbers(text).at(0));
  const sentences = (first?.text ?? '')
    .replace(/^#+ .*$/gm, '')
    .split(/(?<=[.!?。！？])\s+/)
    .map((sentence) => sentence.trim().replace(/[.!?。！？]$/, ''))
    .filter((sentence) => sentence.length > 10);
  return sentences.some((sentence) => text.includes(sentence));
}

function start(
  baseURL: string,
  signal: AbortSignal = new AbortController().signal,
  settings: Partial<AppConfig['llm']> = {},
) {
  const llm = llmSettings({ baseURL, ...settings });
  const logger = createMemoryLogger();
  const response = streamChatAnswer({
    messages: conversation(PRUNING_QUESTION),
    retriever,
    model: createChatModel(llm),
    llm,
    logger,
    requestId: 'req-net',
    signal,
  });
  return { response, logger };
}

function fallbackWarnings(logger: ReturnType<typeof createMemoryLogger>) {
  return logger.lines.filter((line) => line.event === 'llm_fallback');
}

describe('LLM network faults', () => {
  it('connection refused → network fallback with the search-mode answer', async () => {
    const { response, logger } = start(await closedPortUrl());

    const { text, notice, citations, metadata } = summarize(await readChunks(response));

    expect(metadata).toMatchObject({ mode: 'fallback', fallbackReason: 'network' });
    expect(notice).toContain('The LLM is unavailable right now (could not reach the model service)');
    expect(citedNumbers(text).length).toBeGreaterThan(0);
    expect(quotesFirstCitedPassage(text, citations.citations)).toBe(true);
    expect(citations.citations[0]?.n).toBe(1);
    expect(fallbackWarnings(logger)).toMatchObject([{ requestId: 'req-net', reason: 'network' }]);
  });

  it('a socket reset mid-answer keeps the streamed text marked as cut off, then the search answer', async () => {
    const baseURL = await loopback((_request, response) => {
      response.writeHead(200, SSE_HEADERS);
      response.write(contentEvent('Prune apple trees in late winter [1], '));
      response.write(contentEvent('and then'), () => setTimeout(() => response.socket?.destroy(), 20));
    });
    const { response, logger } = start(baseURL);

    const { text, citations, metadata, types } = summarize(await readChunks(response));

    expect(text.startsWith('Prune apple trees in late winter [1], and then')).toBe(true);
    expect(text).toContain('— answer cut off (the connection dropped); search-mode answer below —');
    const searchAnswer = text.slice(text.indexOf('search-mode answer below'));
    expect(quotesFirstCitedPassage(searchAnswer, citations.citations)).toBe(true);
    for (const n of citedNumbers(text)) expect(n).toBeLessThanOrEqual(citations.citations.length);
    expect(metadata.mode).toBe('fallback');
    expect(metadata.fallbackReason).toBe('stream-cut');
    expect(types.at(-1)).toBe('finish');
    expect(fallbackWarnings(logger)).toHaveLength(1);
  });

  it("the user's stop aborts the upstream request and the stream still finishes", async () => {
    let upstreamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => {
      upstreamClosed = resolve;
    });
    const baseURL = await loopback((_request, response) => {
      response.writeHead(200, SSE_HEADERS);
      response.write(contentEvent('Prune apple trees in late winter [1], '));
      response.on('close', () => upstreamClosed());
    });
    const stop = new AbortController();
    const { response, logger } = start(baseURL, stop.signal);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('text-delta')) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
    }

    stop.abort();
    await closed;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      seen += decoder.decode(chunk.value, { stream: true });
    }

    expect(seen).toContain('"type":"finish"');
    expect(seen).not.toContain('"mode":"fallback"');
    expect(fallbackWarnings(logger)).toHaveLength(0);
  });
});
