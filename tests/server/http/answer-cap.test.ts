import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { buildRetriever } from '../../../server/retrieval/build-retriever.js';
import { contentEvent, DONE_EVENT, finishEvent, SSE_HEADERS } from '../answer/fixtures/openai-sse.js';
import { SYNTHETIC_FILES } from '../retrieval/fixtures/synthetic-corpus.js';
import { fakeModelEnv, serveTestApp } from '../support/serve-test-app.js';
import { citedNumbers, readChunks, summarize } from '../support/ui-stream.js';

const ANSWER_BYTES = 2 * 1024 * 1024;
const PIECE = 'Shorten the pear leaders by a third each winter [1]. ';
const CAP = 4000;

/** A provider that ignores max_tokens: 2 MB of answer as fast as the socket takes it, unless the call is cut. */
interface RunawayModel {
  baseUrl: string;
  /** Whether each streamed call was closed by the caller before the whole answer went out. */
  cutShort: boolean[];
  server: Server;
}

async function startRunawayModel(): Promise<RunawayModel> {
  const cutShort: boolean[] = [];
  const server = createServer((request, response) => {
    request.resume();
    const call = cutShort.push(false) - 1;
    response.writeHead(200, SSE_HEADERS);
    let sent = 0;
    const event = contentEvent(PIECE);
    const pump = () => {
      while (sent < ANSWER_BYTES && !response.destroyed) {
        sent += PIECE.length;
        if (!response.write(event)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end(`${finishEvent('length')}${DONE_EVENT}`);
    };
    response.on('close', () => {
      cutShort[call] = sent < ANSWER_BYTES;
    });
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, cutShort, server };
}

let corpusDir: string;
let model: RunawayModel;
let app: Awaited<ReturnType<typeof serveTestApp>>;

beforeAll(async () => {
  corpusDir = await mkdtemp(path.join(tmpdir(), 'aipm-cap-'));
  for (const [name, text] of Object.entries(SYNTHETIC_FILES))
    await writeFile(path.join(corpusDir, name), text);
  const retriever = await buildRetriever({ corpusDir, logger: createMemoryLogger() });
  model = await startRunawayModel();
  app = await serveTestApp(fakeModelEnv(model.baseUrl, { ANSWER_MAX_CHARS: String(CAP) }), { retriever });
});

afterAll(async () => {
  await app?.close();
  model?.server.closeAllConnections();
  await new Promise((resolve) => model?.server.close(resolve));
  await rm(corpusDir, { recursive: true, force: true });
});

const chat = (question: string) =>
  fetch(`${app.baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: question }] }],
    }),
  });

describe('a model that ignores max_tokens and sends 2 MB', () => {
  it('is cut at ANSWER_MAX_CHARS, marked as cut, its citations verified, while /api/health keeps answering', async () => {
    const answering = chat('How should I prune a pear tree?');
    const health = await fetch(`${app.baseUrl}/api/health`);
    const response = await answering;

    expect(health.status).toBe(200);
    expect(response.status).toBe(200);
    const { text, citations, metadata, types } = summarize(await readChunks(response));
    expect(metadata).toMatchObject({ mode: 'llm', truncated: true });
    expect(text.length).toBeLessThanOrEqual(CAP);
    expect(text.length).toBeGreaterThan(CAP - PIECE.length);
    expect(text.startsWith(PIECE)).toBe(true);
    const cited = new Set(citedNumbers(text));
    expect([...cited]).toEqual([1]);
    expect(citations.citations[0]?.citedBy).toEqual(['Shorten the pear leaders by a third each winter.']);
    expect(types.at(-1)).toBe('finish');
    await expect.poll(() => model.cutShort).toEqual([true]);
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
  });
});
