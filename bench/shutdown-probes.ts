/**
 * Probes 8, 8b and 14, the server stopped under it: SIGTERM during LLM streams and half-sent bodies, SIGTERM
 * through `npm start`, and SIGKILL in the middle of a feedback flood (then a restart on the same data).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../server/store/sqlite-feedback-store.js';
import { aFeedback } from '../tests/server/store/feedback-fixtures.js';
import { groupAlive } from '../tests/server/support/group-alive.js';
import { serverEnv } from '../tests/server/support/start-server-process.js';
import { root } from './bench-root.js';
import { turn } from './chat-reply.js';
import {
  freshDataDir,
  launchServer,
  launchWithSlowModel,
  logged,
  type Running,
  remove,
  stop,
} from './launch-server.js';
import { health, type ProbeRow, pool, QUESTION, seconds, sleep, waitFor } from './probe-kit.js';
import { postFeedback, rawRequest } from './raw-request.js';
import { failureName, tally } from './timed-chat.js';

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

/** Five more streams just begun and five feedback bodies half sent (the rest 0.2 s after the signal). */
function inFlightAtSignal(server: Running, signal: Promise<void>) {
  const chats = Array.from({ length: 5 }, () => streamBody(server.base));
  const feedback = Array.from({ length: 5 }, () =>
    postFeedback(
      server,
      signal.then(() => sleep(200)),
    ).then((reply) => reply.status),
  );
  return { chats, feedback };
}

const ended = (group: string[]) =>
  `${group.filter((body) => body.includes('"type":"finish"')).length}/${group.length} ended with a finish part, ${group.filter((body) => /restarting|重启/.test(body)).length} with the restart notice`;

export async function shutdownProbe(): Promise<ProbeRow> {
  const { model, server } = await launchWithSlowModel(
    { pieces: 80, intervalMs: 100 },
    { OPENAI_API_KEY: 'sk-probe-drain', SHUTDOWN_DRAIN_MS: '2000' },
  );
  const streams = Array.from({ length: 3 }, () => streamBody(server.base));
  await waitFor(() => model.streams >= 3, 10_000);
  await sleep(1_000);
  let signalled = () => {};
  const inFlight = inFlightAtSignal(server, new Promise<void>((resolve) => (signalled = resolve)));
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
  const [bodies, queued, queuedFeedback] = [
    await Promise.all(streams),
    await Promise.all(inFlight.chats),
    await Promise.all(inFlight.feedback),
  ];
  await model.close();
  remove(server);
  return {
    probe: '8 SIGTERM during 8 s LLM streams (SHUTDOWN_DRAIN_MS 2000)',
    tried: 3 + queued.length + queuedFeedback.length + late.length,
    statuses: `streams: ${tally([...bodies, ...queued].map((body) => (body.startsWith('cut') ? body : 'read whole')))}; feedback half sent at the signal: ${tally(queuedFeedback)}; new health checks 0.5 s after: ${tally(late.map((reply) => reply.status))}`,
    serving: `stopped by design: exit code ${exit.code}${exit.signal ? ` signal ${exit.signal}` : ''}`,
    figures: `streams under way: ${ended(bodies)}; chats begun 0.3 s before: ${ended(queued)}; exit ${seconds(exitMs)} after SIGTERM; server_stopped logged: ${logged(server, 'server_stopped') > 0 ? 'yes' : 'no'}`,
  };
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
  remove({ dataDir });
  return {
    probe: '8b SIGTERM to `npm start` (build, then node)',
    tried: 1,
    statuses: `npm exit ${code}`,
    serving: `before SIGTERM: ${serving}`,
    figures: `server_stopped logged: ${output.includes('"event":"server_stopped"') ? 'yes' : 'no'}; process group alive 5 s after npm exited: ${orphaned ? 'yes (orphan, killed)' : 'no'}`,
  };
}

export async function sigkillProbe(): Promise<ProbeRow> {
  const server = await launchServer({ RATE_LIMIT_FEEDBACK: '0' });
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
  const again = await launchServer({ RATE_LIMIT_FEEDBACK: '0' }, server.dataDir);
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
