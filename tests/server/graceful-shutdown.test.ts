import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../server/store/sqlite-feedback-store.js';
import { aTempDir } from './store/feedback-fixtures.js';
import { fakeModelEnv } from './support/serve-test-app.js';
import { aChatRequest, stopServer, writeTinyCorpus } from './support/server-probe.js';
import { type SlowModelServer, startSlowModelServer } from './support/slow-model-server.js';
import { type ServerProcess, startServerProcess } from './support/start-server-process.js';
import { type ChatChunk, readChunks } from './support/ui-stream.js';

const QUESTION = 'What does offline evaluation use?';
const temp = aTempDir('aipm-shutdown');
let model: SlowModelServer | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await stopServer(server);
  await model?.close();
});

async function startWithSlowModel(pieces: number, drainMs: number): Promise<ServerProcess> {
  model = await startSlowModelServer({ pieces, intervalMs: 100 });
  server = await startServerProcess(temp.dir, {
    CORPUS_DIR: writeTinyCorpus(temp.dir),
    SHUTDOWN_DRAIN_MS: String(drainMs),
    ...fakeModelEnv(model.baseUrl, { LLM_FIRST_TOKEN_TIMEOUT_MS: '60000', LLM_TOTAL_TIMEOUT_MS: '120000' }),
  });
  return server;
}

/** Starts a chat and resolves once its response has begun streaming. */
async function chatInFlight(running: ServerProcess) {
  const response = await fetch(`http://127.0.0.1:${running.port}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(aChatRequest(QUESTION)),
  });
  expect(response.status).toBe(200);
  for (let wait = 0; wait < 100 && model?.streams === 0; wait += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return readChunks(response);
}

/** Whether a brand-new TCP connection is taken (a kept-alive one would be answered 503 instead). */
function newConnection(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', () => resolve('connection refused'));
  });
}

const textOf = (chunks: ChatChunk[]) =>
  chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');

describe('graceful shutdown of the real server process', () => {
  it('on SIGTERM stops accepting, lets an answer in flight finish, closes the store and exits 0', async () => {
    const running = await startWithSlowModel(10, 20_000);
    const answer = chatInFlight(running);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = once(running.child, 'exit');
    running.child.kill('SIGTERM');
    for (
      let wait = 0;
      wait < 250 && !running.logs.some((line) => line.includes('server_stopping'));
      wait += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const refused = await newConnection(running.port);
    const chunks = await answer;
    const [code] = await exited;

    expect(refused).toBe('connection refused');
    expect(chunks.at(-1)?.type).toBe('finish');
    expect(textOf(chunks)).toContain('[1]');
    expect(textOf(chunks)).not.toContain('restarting');
    expect(code).toBe(0);
    expect(running.logs.some((line) => line.includes('"event":"server_stopped"'))).toBe(true);
    expect(existsSync(path.join(temp.dir, `${DATABASE_FILE_NAME}-wal`))).toBe(false);
  }, 60_000);

  it('ends an answer still streaming at SHUTDOWN_DRAIN_MS with a restart notice and a finish part, then exits 0', async () => {
    const running = await startWithSlowModel(600, 500);
    const answer = chatInFlight(running);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = once(running.child, 'exit');
    running.child.kill('SIGTERM');

    const chunks = await answer;
    const [code] = await exited;

    const types = chunks.map((chunk) => chunk.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('finish');
    expect(types.filter((type) => type === 'text-start').length).toBe(
      types.filter((type) => type === 'text-end').length,
    );
    expect(textOf(chunks)).toContain('The server is restarting');
    expect(code).toBe(0);
  }, 60_000);
});
