/**
 * A loopback OpenAI-compatible model whose every answer the probe decides: an error with a JSON body, or a
 * stream of pieces (paced or as fast as the socket takes them). It counts what it wrote and which streams the
 * server stopped reading, so a probe can tell whether the server stopped the model or read it to the end.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { text as readBody } from 'node:stream/consumers';
import { listenOnLoopback } from '../tests/server/support/listen-on-loopback.js';

/** What a scripted model answers: an error status with a JSON body, or a stream of text pieces. */
export type ModelReply =
  | { status: number; json: unknown }
  | { pieces: Iterable<string>; intervalMs?: number };

export interface ScriptedModel {
  baseUrl: string;
  /** Calls the model has seen (streamed or not). */
  readonly calls: number;
  /** Streams the server stopped reading before they were whole. */
  readonly abandoned: number;
  /** Bytes of answer text written into streams so far. */
  readonly bytesSent: number;
  script(reply: (body: Record<string, unknown>, request: IncomingMessage) => ModelReply): void;
  close(): Promise<void>;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'chatcmpl-probe',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'probe-model',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

/** One listener pair per wait, both removed after: `once` in a race would leave the loser behind. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

async function streamPieces(
  response: ServerResponse,
  reply: { pieces: Iterable<string>; intervalMs?: number },
) {
  let sent = 0;
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(`data: ${JSON.stringify(chunk({ role: 'assistant', content: '' }))}\n\n`);
  for (const piece of reply.pieces) {
    if (response.destroyed) return { sent, whole: false };
    const flushed = response.write(`data: ${JSON.stringify(chunk({ content: piece }))}\n\n`);
    sent += Buffer.byteLength(piece);
    if (!flushed) await drainedOrClosed(response);
    if (reply.intervalMs) await new Promise((resolve) => setTimeout(resolve, reply.intervalMs));
    // Unpaced, still give this process's other work a turn: the health sampler shares its event loop.
    else await new Promise(setImmediate);
  }
  response.write(`data: ${JSON.stringify(chunk({}, 'stop'))}\n\n`);
  response.end('data: [DONE]\n\n');
  return { sent, whole: true };
}

export async function startScriptedModel(): Promise<ScriptedModel> {
  const state = { calls: 0, abandoned: 0, bytesSent: 0 };
  let reply: Parameters<ScriptedModel['script']>[0] = () => ({ pieces: ['Offline evaluation [1].'] });
  const server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    state.calls += 1;
    const planned = reply(body, request);
    if ('status' in planned) {
      response.writeHead(planned.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(planned.json));
      return;
    }
    const { sent, whole } = await streamPieces(response, planned);
    state.bytesSent += sent;
    if (!whole) state.abandoned += 1;
  });
  const listener = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${listener.port}/v1`,
    get calls() {
      return state.calls;
    },
    get abandoned() {
      return state.abandoned;
    },
    get bytesSent() {
      return state.bytesSent;
    },
    script: (next) => {
      reply = next;
    },
    close: listener.close,
  };
}
