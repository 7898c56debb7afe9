/**
 * What the hostile probes share: the real server process (spawned as the tests spawn it, stdout and stderr
 * both captured, so a probe can grep everything the server printed), a health check, bounded request pools,
 * raw HTTP with any Host header, and a scripted OpenAI-compatible model whose every answer a probe decides.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { text as readBody } from 'node:stream/consumers';
import { DATABASE_FILE_NAME } from '../server/store/sqlite-feedback-store.js';
import { serverEnv } from '../tests/server/support/start-server-process.js';
import { type ChatChunk, readChunks, summarize } from '../tests/server/support/ui-stream.js';
import { root } from './bench-root.js';
import { failureName } from './timed-chat.js';

/** One row of the table the bench prints. */
export interface ProbeRow {
  probe: string;
  tried: number;
  statuses: string;
  serving: string;
  figures: string;
}

export interface Running {
  child: ChildProcess;
  port: number;
  base: string;
  dataDir: string;
  /** Every line the server wrote, stdout and stderr together. */
  output: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

export const freshDataDir = () => mkdtempSync(path.join(tmpdir(), 'aipm-probe-'));

/** Starts `server/index.ts` and resolves once it logs `server_ready` (or exits first: then it rejects). */
export async function launch(env: Record<string, string> = {}, dataDir = freshDataDir()): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: serverEnv(dataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  let port = 0;
  const ready = new Promise<void>((resolve, reject) => {
    void exited.then((end) => reject(new Error(`server exited (${end.code}) before ready`)));
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        port = Number(/"event":"server_listening".*?"port":(\d+)/.exec(line)?.[1] ?? port);
        if (line.includes('"event":"server_ready"') && port !== 0) resolve();
      });
    }
  });
  await ready;
  return { child, port, base: `http://127.0.0.1:${port}`, dataDir, output, exited };
}

/** SIGTERM, then SIGKILL after 30 s: a probe never leaves a server behind. */
export async function stop(server: Running): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  server.child.kill('SIGTERM');
  await server.exited;
  clearTimeout(timer);
}

/** The "kept serving" column: one /api/health after the probe. */
export async function health(base: string): Promise<string> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { status?: string; store?: string };
    const ms = (performance.now() - startedAt).toFixed(0);
    const store = body.store && body.store !== 'up' ? `, store ${body.store}` : '';
    return `${response.status === 200 ? 'yes' : 'no'} (${response.status} ${body.status} ${ms} ms${store})`;
  } catch (error) {
    return `no (${failureName(error)})`;
  }
}

/** Runs `work(index)` for indices 0…count-1, `concurrency` at a time, until `count` or `until()` says stop. */
export async function pool(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
  until: () => boolean = () => false,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count && !until()) await work(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return next;
}

/** Bytes of the SQLite database with its WAL and shared-memory files. */
export function databaseBytes(dataDir: string): number {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  return ['', '-wal', '-shm']
    .map((suffix) => `${file}${suffix}`)
    .reduce((total, name) => total + (existsSync(name) ? statSync(name).size : 0), 0);
}

export interface RawReply {
  status: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request over its own socket (no keep-alive: a socket the server closed after refusing a body is never
 * reused), any header allowed (fetch will not send a foreign Host).
 */
export function rawRequest(
  port: number,
  init: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
  /** When given, the body's first half is sent at once and the rest once this settles. */
  restOfBody?: Promise<unknown>,
): Promise<RawReply> {
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: init.method ?? 'GET',
        path: init.path,
        headers: init.headers,
        agent: false,
      },
      (response) => {
        void readBody(response).then(
          (text) => resolve({ status: String(response.statusCode), headers: response.headers, text }),
          (error: unknown) =>
            resolve({ status: `${response.statusCode} cut (${failureName(error)})`, headers: {}, text: '' }),
        );
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: `network:${error.code ?? error.message}`, headers: {}, text: '' }),
    );
    if (!restOfBody || init.body === undefined) return request.end(init.body);
    const half = Math.floor(init.body.length / 2);
    request.write(init.body.slice(0, half));
    void restOfBody.then(() => request.end(init.body?.slice(half)));
  });
}

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
  const sockets = new Set<Socket>();
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
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const turn = (role: 'user' | 'assistant', text: string, id = randomUUID()) => ({
  id,
  role,
  parts: [{ type: 'text', text }],
});

export interface ChatReply {
  status: string;
  ms: number;
  chunks: ChatChunk[];
  text: string;
  headers: Headers | null;
}

/** One /api/chat: the stream's parts when it is 200, else the error body. Never throws. */
export async function chat(
  base: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ChatReply> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const chunks = response.ok ? await readChunks(response) : [];
    const text = response.ok ? '' : await response.text();
    return {
      status: String(response.status),
      ms: performance.now() - startedAt,
      chunks,
      text,
      headers: response.headers,
    };
  } catch (error) {
    return {
      status: failureName(error),
      ms: performance.now() - startedAt,
      chunks: [],
      text: '',
      headers: null,
    };
  }
}

/** An error body's code and message (the first 100 characters), or the body's start when it is not one. */
export function errorSays(text: string): string {
  try {
    const { error } = JSON.parse(text) as { error: { code: string; message: string } };
    return `${error.code}: "${error.message.slice(0, 100)}"`;
  } catch {
    return text.slice(0, 60);
  }
}

/** What the stream's parts tell the reader: mode and reason, truncation, text length. */
export function partsSay(reply: ChatReply): string {
  if (reply.chunks.length === 0) return `${reply.status} ${errorSays(reply.text)}`;
  try {
    const { metadata, text } = summarize(reply.chunks);
    const reason = metadata.fallbackReason ? `:${metadata.fallbackReason}` : '';
    return `${metadata.mode}${reason}${metadata.truncated ? ' truncated' : ''}, text ${text.length} chars`;
  } catch (error) {
    return `unreadable parts (${String(error)})`;
  }
}

export const shownText = (reply: ChatReply) =>
  reply.chunks.map((c) => (c.type === 'text-delta' ? c.delta : '')).join('');
