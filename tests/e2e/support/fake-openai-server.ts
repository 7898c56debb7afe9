/**
 * A loopback OpenAI-compatible Chat Completions server for browser tests: real sockets, so the app's
 * fault handling (HTTP errors, silence, a connection cut mid-stream) is exercised as in production.
 * Run by hand with `node --import tsx tests/e2e/support/fake-openai-server.ts`; it prints its port.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { text as readBody } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { composeCitedAnswer } from './fake-answer.js';

export const FAKE_SCENARIOS = [
  'ok',
  'http-401',
  'http-429',
  'http-500',
  'hang',
  'drop-mid-stream',
  'slow',
] as const;
export type FakeScenario = (typeof FAKE_SCENARIOS)[number];

export const FAKE_USAGE = { prompt_tokens: 812, completion_tokens: 57 } as const;

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface FakeOpenAiServer {
  /** e.g. `http://127.0.0.1:41234/v1` — what OPENAI_BASE_URL should be. */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  /** Responses the app's side closed before they were complete: an aborted upstream call. */
  abandonedResponses(): number;
  setScenario(scenario: FakeScenario): void;
  close(): Promise<void>;
}

const STREAM_STEP_MS = 15;
/** `slow`: a model that takes its time, long enough for a reader to press Stop mid-answer. */
const SLOW_STEP_MS = 600;

/** A model name like `fake-http-500` picks that scenario for one request, whatever the server default. */
function scenarioFor(body: Record<string, unknown>, fallback: FakeScenario): FakeScenario {
  const model = typeof body.model === 'string' ? body.model : '';
  return FAKE_SCENARIOS.find((scenario) => model === `fake-${scenario}`) ?? fallback;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, type: string): void {
  sendJson(response, status, { error: { message: `fake ${type}`, type, code: null, param: null } });
}

function chunk(model: string, delta: Record<string, unknown>, finishReason: string | null = null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

function splitIntoPieces(text: string): string[] {
  return text.match(/[\s\S]{1,12}/g) ?? [];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function streamAnswer(
  response: ServerResponse,
  body: Record<string, unknown>,
  options: { drop: boolean; stepMs: number },
) {
  const model = typeof body.model === 'string' ? body.model : 'fake-model';
  const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  send(chunk(model, { role: 'assistant', content: '' }));
  const pieces = splitIntoPieces(composeCitedAnswer(body.messages));
  for (const [index, piece] of pieces.entries()) {
    if (options.drop && index === 2) {
      // A reset socket, not a clean end: the AI SDK must treat it as a fault.
      response.socket?.destroy();
      return;
    }
    send(chunk(model, { content: piece }));
    await pause(options.stepMs);
  }
  send(chunk(model, {}, 'stop'));
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
  if (includeUsage) {
    send({
      ...chunk(model, {}),
      choices: [],
      usage: { ...FAKE_USAGE, total_tokens: FAKE_USAGE.prompt_tokens + FAKE_USAGE.completion_tokens },
    });
  }
  response.end('data: [DONE]\n\n');
}

function sendCompletion(response: ServerResponse, body: Record<string, unknown>): void {
  const messages = Array.isArray(body.messages) ? (body.messages as Array<{ content?: unknown }>) : [];
  const lastContent = messages.at(-1)?.content;
  // A condensation call asks for a stand-alone question: echoing the latest user text is a fair answer.
  const content = typeof lastContent === 'string' ? lastContent : 'fake completion';
  sendJson(response, 200, {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 },
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, server: ServerState) {
  const text = await readBody(request);
  const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const path = request.url ?? '/';
  server.requests.push({ path, authorization: request.headers.authorization, body });
  response.on('close', () => {
    if (!response.writableFinished) server.abandoned += 1;
  });
  if (request.method !== 'POST' || !path.endsWith('/chat/completions'))
    return sendError(response, 404, 'not_found');
  const scenario = scenarioFor(body, server.scenario);
  if (scenario === 'http-401') return sendError(response, 401, 'invalid_api_key');
  if (scenario === 'http-429') return sendError(response, 429, 'rate_limit_exceeded');
  if (scenario === 'http-500') return sendError(response, 500, 'server_error');
  if (scenario === 'hang') return; // Never answers; close() destroys the socket.
  if (body.stream !== true) return sendCompletion(response, body);
  await streamAnswer(response, body, {
    drop: scenario === 'drop-mid-stream',
    stepMs: scenario === 'slow' ? SLOW_STEP_MS : STREAM_STEP_MS,
  });
}

interface ServerState {
  scenario: FakeScenario;
  requests: RecordedRequest[];
  abandoned: number;
}

/** Starts the fake on a free loopback port. */
export async function startFakeOpenAiServer(initial: FakeScenario = 'ok'): Promise<FakeOpenAiServer> {
  const state: ServerState = { scenario: initial, requests: [], abandoned: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response, state).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 400, { error: { message: String(error) } });
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests: state.requests,
    abandonedResponses: () => state.abandoned,
    setScenario: (scenario) => {
      state.scenario = scenario;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scenario = FAKE_SCENARIOS.find((name) => name === process.argv[2]) ?? 'ok';
  const fake = await startFakeOpenAiServer(scenario);
  process.stdout.write(
    `${JSON.stringify({ event: 'fake_openai_listening', port: fake.port, baseUrl: fake.baseUrl, scenario })}\n`,
  );
}
