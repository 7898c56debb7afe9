import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './listen-on-loopback.js';

/**
 * A loopback OpenAI-compatible Chat Completions server that streams a cited answer slowly: `pieces` deltas,
 * one every `intervalMs`. Non-streamed calls (follow-up condensation) echo the last message at once.
 */
export interface SlowModelServer {
  baseUrl: string;
  /** Streamed calls begun so far. */
  readonly streams: number;
  /** The most streamed calls that were open at once. */
  readonly peakOpenStreams: number;
  close(): Promise<void>;
}

export interface SlowModelOptions {
  pieces?: number;
  intervalMs?: number;
}

const PIECE = 'Offline evaluation uses labelled sets [1]. ';

function chunk(delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: 'chatcmpl-slow',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'slow-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

async function streamSlowly(response: ServerResponse, options: Required<SlowModelOptions>): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  send(chunk({ role: 'assistant', content: '' }));
  for (let index = 0; index < options.pieces && !response.destroyed; index += 1) {
    send(chunk({ content: PIECE }));
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  send(chunk({}, 'stop'));
  send({
    ...chunk({}),
    choices: [],
    usage: {
      prompt_tokens: 100,
      completion_tokens: options.pieces * 8,
      total_tokens: 100 + options.pieces * 8,
    },
  });
  response.end('data: [DONE]\n\n');
}

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>);
      } catch {
        resolve({});
      }
    });
  });
}

export async function startSlowModelServer(options: SlowModelOptions = {}): Promise<SlowModelServer> {
  const settings = { pieces: options.pieces ?? 20, intervalMs: options.intervalMs ?? 100 };
  let streams = 0;
  let openStreams = 0;
  let peakOpenStreams = 0;
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    if (body.stream === true) {
      streams += 1;
      openStreams += 1;
      peakOpenStreams = Math.max(peakOpenStreams, openStreams);
      await streamSlowly(response, settings).finally(() => {
        openStreams -= 1;
      });
      return;
    }
    const messages = Array.isArray(body.messages) ? (body.messages as Array<{ content?: unknown }>) : [];
    const content = typeof messages.at(-1)?.content === 'string' ? messages.at(-1)?.content : 'question';
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-slow',
        object: 'chat.completion',
        created: 0,
        model: 'slow-model',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      }),
    );
  });
  const listener = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${listener.port}/v1`,
    get streams() {
      return streams;
    },
    get peakOpenStreams() {
      return peakOpenStreams;
    },
    close: listener.close,
  };
}
