/**
 * The hostile probes that stop, kill, starve or feed junk to the server: SIGTERM mid-stream (and through
 * `npm start`), storage faults, slow and half-open sockets, malformed requests, SIGKILL mid-flood.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/config.js';
import { DATABASE_FILE_NAME } from '../server/store/sqlite-feedback-store.js';
import { aFeedback } from '../tests/server/store/feedback-fixtures.js';
import { hasStackTrace } from '../tests/server/support/server-probe.js';
import { startSlowModelServer } from '../tests/server/support/slow-model-server.js';
import { serverEnv } from '../tests/server/support/start-server-process.js';
import { root } from './bench-root.js';
import {
  chat,
  errorSays,
  freshDataDir,
  health,
  launch,
  type ProbeRow,
  pool,
  type Running,
  rawRequest,
  stop,
  turn,
} from './probe-kit.js';
import { failureName, percentile, tally } from './timed-chat.js';

const DEFAULTS = loadConfig({});
const QUESTION = 'How should a team measure an AI feature after launch?';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const remove = (server: Running) => rmSync(server.dataDir, { recursive: true, force: true });

async function waitFor(condition: () => boolean, limitMs: number): Promise<void> {
  for (const startedAt = performance.now(); !condition() && performance.now() - startedAt < limitMs; )
    await sleep(50);
}

/** The whole stream as text, or how it was cut. */
async function streamBody(base: string): Promise<string> {
  try {
    const response = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [turn('user', QUESTION)] }),
      signal: AbortSignal.timeout(60_000),
    });
    return await response.text();
  } catch (error) {
    return `cut: ${failureName(error)}`;
  }
}

const postFeedback = (server: Running, restOfBody?: Promise<unknown>) => {
  const body = JSON.stringify(aFeedback());
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  return rawRequest(server.port, { method: 'POST', path: '/api/feedback', headers, body }, restOfBody);
};

export async function shutdownProbe(): Promise<ProbeRow> {
  const model = await startSlowModelServer({ pieces: 80, intervalMs: 100 });
  const server = await launch({
    OPENAI_API_KEY: 'sk-probe-drain',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_MODEL: 'slow-model',
    SHUTDOWN_DRAIN_MS: '2000',
  });
  const streams = Array.from({ length: 3 }, () => streamBody(server.base));
  await waitFor(() => model.streams >= 3, 10_000);
  await sleep(1_000);
  // In flight when the signal comes: five more streams just begun, five feedback bodies half sent.
  let signalled = () => {};
  const signal = new Promise<void>((resolve) => (signalled = resolve));
  const inFlight = [
    ...Array.from({ length: 5 }, () => streamBody(server.base)),
    ...Array.from({ length: 5 }, () =>
      postFeedback(
        server,
        signal.then(() => sleep(200)),
      ).then((reply) => reply.status),
    ),
  ];
  await sleep(300);
  const signalledAt = performance.now();
  server.child.kill('SIGTERM');
  signalled();
  await sleep(500);
  const late = await Promise.all(
    Array.from({ length: 5 }, () => rawRequest(server.port, { path: '/api/health' })),
  );
  const exit = await server.exited;
  const exitMs = performance.now() - signalledAt;
  const bodies = await Promise.all(streams);
  const [queued, queuedFeedback] = [
    await Promise.all(inFlight.slice(0, 5)),
    await Promise.all(inFlight.slice(5)),
  ];
  const ended = (group: string[]) =>
    `${group.filter((body) => body.includes('"type":"finish"')).length}/${group.length} ended with a finish part, ${group.filter((body) => /restarting|重启/.test(body)).length} with the restart notice`;
  await model.close();
  remove(server);
  return {
    probe: '8 SIGTERM during 8 s LLM streams (SHUTDOWN_DRAIN_MS 2000)',
    tried: 3 + inFlight.length + late.length,
    statuses: `streams: ${tally([...bodies, ...queued].map((body) => (body.startsWith('cut') ? body : 'read whole')))}; feedback half sent at the signal: ${tally(queuedFeedback)}; new health checks 0.5 s after: ${tally(late.map((reply) => reply.status))}`,
    serving: `stopped by design: exit code ${exit.code}${exit.signal ? ` signal ${exit.signal}` : ''}`,
    figures: `streams under way: ${ended(bodies)}; chats begun 0.3 s before: ${ended(queued)}; exit ${seconds(exitMs)} after SIGTERM; server_stopped logged: ${server.output.some((line) => line.includes('"event":"server_stopped"')) ? 'yes' : 'no'}`,
  };
}

function groupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

export async function npmStartProbe(): Promise<ProbeRow> {
  const dataDir = freshDataDir();
  const npm = spawn('npm', ['start'], {
    cwd: root,
    env: { ...serverEnv(dataDir), WEB_DIST_DIR: 'dist/web' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const groupId = npm.pid ?? 0;
  const exited = once(npm, 'exit');
  let output = '';
  for (const stream of [npm.stdout, npm.stderr])
    stream?.on('data', (data: Buffer) => (output += data.toString()));
  await waitFor(() => output.includes('"event":"server_ready"') || npm.exitCode !== null, 120_000);
  const port = /"event":"server_listening".*?"port":(\d+)/.exec(output)?.[1];
  const serving = port ? await health(`http://127.0.0.1:${port}`) : 'never ready';
  npm.kill('SIGTERM');
  const [code] = await Promise.race([exited, sleep(30_000).then(() => ['timeout'])]);
  await waitFor(() => !groupAlive(groupId), 5_000);
  const orphaned = groupAlive(groupId);
  if (orphaned) process.kill(-groupId, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  return {
    probe: '8b SIGTERM to `npm start` (build, then node)',
    tried: 1,
    statuses: `npm exit ${code}`,
    serving: `before SIGTERM: ${serving}`,
    figures: `server_stopped logged: ${output.includes('"event":"server_stopped"') ? 'yes' : 'no'}; process group alive 5 s after npm exited: ${orphaned ? 'yes (orphan, killed)' : 'no'}`,
  };
}

export async function storageProbe(): Promise<ProbeRow[]> {
  const dataDir = freshDataDir();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, DATABASE_FILE_NAME), 'definitely not SQLite '.repeat(500));
  const corrupt = await launch({}, dataDir);
  const replies = [
    (await chat(corrupt.base, { messages: [turn('user', QUESTION)] })).status,
    (await rawRequest(corrupt.port, { path: '/api/search?q=evaluation' })).status,
    (await postFeedback(corrupt)).status,
  ];
  const first: ProbeRow = {
    probe: '11a start on a corrupt database file',
    tried: 3,
    statuses: tally(replies),
    serving: await health(corrupt.base),
    figures: `chat ${replies[0]}, search ${replies[1]}, feedback ${replies[2]}`,
  };
  await stop(corrupt);
  remove(corrupt);
  const live = await launch();
  const before = (await postFeedback(live)).status;
  const file = path.join(live.dataDir, DATABASE_FILE_NAME);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const after = [await postFeedback(live), await postFeedback(live)];
  const second: ProbeRow = {
    probe: '11b database file deleted at runtime',
    tried: 3,
    statuses: tally([before, ...after.map((reply) => reply.status)]),
    serving: await health(live.base),
    figures: `feedback before the delete ${before}; after: ${after.map((reply) => `${reply.status} ${errorSays(reply.text)}`).join('; ')}`,
  };
  await stop(live);
  remove(live);
  return [first, second];
}

interface Held {
  socket: Socket;
  openedAt: number;
  closedAt: number | null;
  received: string;
}

function hold(port: number, firstBytes: string): Held {
  const held: Held = {
    socket: connect(port, '127.0.0.1'),
    openedAt: performance.now(),
    closedAt: null,
    received: '',
  };
  held.socket.setEncoding('utf8');
  held.socket.on('data', (data: string) => (held.received += data));
  held.socket.on('error', () => undefined);
  held.socket.on('close', () => (held.closedAt = performance.now()));
  if (firstBytes) held.socket.write(firstBytes);
  return held;
}

const heldFor = (group: Held[]) => {
  const times = group.flatMap((held) => (held.closedAt === null ? [] : [held.closedAt - held.openedAt]));
  return `closed ${times.length}/${group.length}, median ${seconds(percentile(times, 0.5))}, max ${seconds(Math.max(0, ...times))}`;
};

/** A body sent one byte a second, beside 1,200 sockets that never finish a request (600 silent, 600 partial). */
export async function socketProbe(server: Running): Promise<ProbeRow> {
  const slow = hold(
    server.port,
    'POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
  );
  const trickle = setInterval(() => slow.socket.writable && slow.socket.write(' '), 1_000);
  await sleep(200);
  const silent = Array.from({ length: 600 }, () => hold(server.port, ''));
  const partial = Array.from({ length: 600 }, () =>
    hold(server.port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'),
  );
  await sleep(2_000);
  const dropped = [...silent, ...partial].filter((held) => held.closedAt !== null).length;
  const during = await rawRequest(server.port, { path: '/api/health' });
  const everything = [slow, ...silent, ...partial];
  await waitFor(() => everything.every((held) => held.closedAt !== null), 75_000);
  clearInterval(trickle);
  const leftOpen = everything.filter((held) => held.closedAt === null).length;
  for (const held of everything) held.socket.destroy();
  return {
    probe: '12 slow body + 1,200 half-open sockets',
    tried: everything.length,
    statuses: `slow body answered: ${slow.received.split('\r\n')[0] || 'nothing'}`,
    serving: `${await health(server.base)}; a new connection while held: ${during.status}`,
    figures: `slow body cut after ${slow.closedAt ? seconds(slow.closedAt - slow.openedAt) : '> 75 s'} (HTTP_REQUEST_TIMEOUT_MS ${DEFAULTS.http.requestTimeoutMs}); closed within 2 s (over HTTP_MAX_CONNECTIONS ${DEFAULTS.http.maxConnections}): ${dropped}; silent: ${heldFor(silent)}; partial headers: ${heldFor(partial)}; still open after 75 s: ${leftOpen}`,
  };
}

type RawInit = Parameters<typeof rawRequest>[1];
const JSON_ROUTES = [
  '/api/chat',
  '/api/feedback',
  '/api/feedback/flags',
  '/api/shares',
  '/v1/chat/completions',
  '/mcp',
];
const id = '00000000-0000-4000-8000-000000000000';
const BODIES: Array<string | Buffer> = [
  '',
  '{',
  '}',
  '[]',
  'null',
  '1',
  '"x"',
  'true',
  '{"messages":',
  '{"messages":"hi"}',
  '{"messages":[1]}',
  '{"messages":{}}',
  '{"messages":[]}',
  '{"messages":[{"role":"robot"}]}',
  '{"messages":[{"id":1,"role":"user","parts":"x"}]}',
  '{"messages":[{"id":"a","role":"user","parts":[{"type":"image","url":"x"}]}]}',
  '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28]),
  '{"messages":[{"id":"a","role":"user","parts":[{"type":"text","text":"\\u0000\\ud800"}]}]}',
  `{"messages":[{"id":"${'x'.repeat(200_000)}","role":"user","parts":[]}]}`,
  `{"messages":[${Array.from({ length: 5_000 }, () => '{}').join(',')}]}`,
  `{"id":"${id}","messageId":"m","rating":"sideways","question":1,"answer":null,"mode":"x","citations":"all"}`,
  `{"id":"${id}","messageId":"m","rating":"up","question":"q","answer":"a","mode":"search","citations":[{"n":-1,"id":""}]}`,
  `{"id":"${id}","messageId":"m","rating":"up","question":"${'q'.repeat(300_000)}"}`,
  JSON.stringify({
    model: 7,
    messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }],
    stream: 'yes',
  }),
  JSON.stringify({
    messages: [{ id: 'a', role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
    context: 'x',
  }),
  JSON.stringify({
    messages: Array.from({ length: 41 }, (_, n) => ({
      id: `m${n}`,
      role: n % 2 ? 'assistant' : 'user',
      parts: [{ type: 'text', text: 'hi' }],
    })),
  }),
];
const CONTENT_TYPES = [
  '',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
];
const GETS = [
  '/api/search',
  '/api/search?q=',
  `/api/search?q=${'a'.repeat(20_000)}`,
  '/api/search?q[]=a&q[]=b',
  '/api/search?q=%ZZ',
  '/api/search?q=%00',
  '/api/sections/%00',
  '/api/sections/..%2F..%2Fetc%2Fpasswd',
  '/api/sections/%E0%A4%A',
  `/api/sections/${'s'.repeat(5_000)}`,
  '/api/shares/%ff',
  '/api/shares/x',
  '/api/shares/',
  '/api/insights?from=notadate',
  '/api/insights?from=2026-13-45&to=1',
  '/api/insights?from=2026-02-01&to=2026-01-01',
  '/api/feedback/export?format=xml',
  '/api/insights/export?x=%',
  '/api/outline?x=1',
  '/api/compare?a=%ZZ',
  '/v1/models/%00',
  '/v1/models/..',
  '/v1/nope',
  '/mcp',
  '/nope',
  '/api/nope',
  '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/api/health?x=%',
  '/api/chat',
  '/api//health',
  '/API/HEALTH',
  '/api/health/',
  '/index.html',
  '/favicon.ico',
  '/api/feedback',
  '/insights',
];
const METHODS = ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** About 260 requests no client should send: bad JSON, wrong types, huge fields, odd paths and methods. */
function junkRequests(): RawInit[] {
  const json = { 'content-type': 'application/json' };
  return [
    ...JSON_ROUTES.flatMap((route) =>
      BODIES.map((body) => ({ method: 'POST', path: route, headers: json, body })),
    ),
    ...JSON_ROUTES.flatMap((route) =>
      CONTENT_TYPES.map((type) => ({
        method: 'POST',
        path: route,
        headers: type ? { 'content-type': type } : {},
        body: 'a=1',
      })),
    ),
    ...JSON_ROUTES.map((route) => ({
      method: 'POST',
      path: route,
      headers: { ...json, 'content-encoding': 'gzip' },
      body: 'not gzip',
    })),
    ...JSON_ROUTES.map((route) => ({
      method: 'POST',
      path: route,
      headers: { ...json, authorization: `Bearer ${'k'.repeat(8_000)}` },
      body: '{}',
    })),
    ...GETS.map((route) => ({ path: route })),
    ...['/api/chat', '/api/feedback', '/api/health', '/api/shares/x', '/v1/chat/completions'].flatMap(
      (route) => METHODS.map((method) => ({ method, path: route })),
    ),
    { method: 'DELETE', path: '/api/shares/abc', headers: { authorization: 'Bearer nope' } },
  ];
}

export async function malformedRequests(): Promise<ProbeRow> {
  const server = await launch(
    Object.fromEntries(
      ['CHAT', 'FEEDBACK', 'SEARCH', 'SHARES', 'OPENAI', 'MCP'].map((name) => [`RATE_LIMIT_${name}`, '0']),
    ),
  );
  const requests = junkRequests();
  const replies = [];
  for (const init of requests) replies.push(await rawRequest(server.port, init));
  const statuses = replies.map((reply) => reply.status);
  const fivexx = statuses.filter((status) => status.startsWith('5')).length;
  const stacks = hasStackTrace([...replies.map((reply) => reply.text), ...server.output]);
  const row: ProbeRow = {
    probe: '13 malformed requests (rate limits off)',
    tried: requests.length,
    statuses: tally(statuses),
    serving: await health(server.base),
    figures: `5xx: ${fivexx}; stack traces in bodies or logs: ${stacks ? 'yes' : 'no'}`,
  };
  await stop(server);
  remove(server);
  return row;
}

export async function sigkillProbe(): Promise<ProbeRow> {
  const server = await launch({ RATE_LIMIT_FEEDBACK: '0' });
  const acknowledged: string[] = [];
  const statuses: string[] = [];
  const tried = await pool(2_000, 20, async () => {
    const feedback = aFeedback();
    const reply = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/feedback',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(feedback),
    });
    statuses.push(reply.status);
    if (reply.status === '201') acknowledged.push(feedback.id);
    if (acknowledged.length >= 300 && server.child.exitCode === null) server.child.kill('SIGKILL');
  });
  const exit = await server.exited;
  const again = await launch({ RATE_LIMIT_FEEDBACK: '0' }, server.dataDir);
  const serving = await health(again.base);
  await stop(again);
  const db = new Database(path.join(server.dataDir, DATABASE_FILE_NAME));
  const stored = new Set(db.prepare('SELECT id FROM feedback').pluck().all() as string[]);
  db.close();
  remove(server);
  const lost = acknowledged.filter((id) => !stored.has(id)).length;
  return {
    probe: '14 SIGKILL during a feedback flood',
    tried,
    statuses: tally(statuses.map((status) => status.split(':')[0] ?? status)),
    serving: `after restart: ${serving}`,
    figures: `killed by ${exit.signal}; acknowledged ${acknowledged.length}, rows after restart ${stored.size}, acknowledged but lost ${lost}`,
  };
}
