import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, HealthResponse } from '../../../server/contract.js';
import { DATABASE_FILE_NAME } from '../../../server/store/sqlite-feedback-store.js';
import { type PostgresServer, postgresDescribe, startPostgres } from '../support/postgres-server.js';
import { hasStackTrace, postJson, request, stopServer, writeTinyCorpus } from '../support/server-probe.js';
import { type ServerProcess, startServerProcess } from '../support/start-server-process.js';
import { aFeedback, aTempDir } from './feedback-fixtures.js';

const temp = aTempDir('aipm-runtime-faults');
const corpusDir = writeTinyCorpus(temp.dir);
let server: ServerProcess | undefined;
afterEach(async () => stopServer(server));
afterAll(() => temp.remove());

const storeStatus = async (running: ServerProcess) =>
  ((await request(running, '/api/health')).json as HealthResponse).store;

async function expectRefused(running: ServerProcess) {
  const reply = await postJson(running, '/api/feedback', aFeedback());
  expect(reply.status).toBe(503);
  expect((reply.json as ErrorBody).error.code).toBe('unavailable');
  return reply;
}

describe('a SQLite database file that changes while the server runs', () => {
  const startOn = async (name: string) => {
    const dataDir = path.join(temp.dir, name);
    server = await startServerProcess(dataDir, { CORPUS_DIR: corpusDir });
    expect((await postJson(server, '/api/feedback', aFeedback())).status).toBe(201);
    return { running: server, file: path.join(dataDir, DATABASE_FILE_NAME) };
  };

  it('answers 503 instead of acknowledging once the file is deleted, and health says down', async () => {
    const { running, file } = await startOn('deleted');

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

    const replies = [await expectRefused(running), await expectRefused(running)];
    expect(await storeStatus(running)).toBe('down');
    expect((await request(running, '/api/search?q=evaluation')).status).toBe(200);
    expect(running.logs.filter((line) => line.includes('"event":"store_file_untrusted"'))).toHaveLength(1);
    expect(hasStackTrace([...running.logs, ...replies.map((reply) => reply.text)])).toBe(false);
  }, 60_000);

  it('answers 503 once another database file is moved into its place', async () => {
    const { running, file } = await startOn('replaced');
    const other = path.join(path.dirname(file), 'restored-backup.sqlite');
    new Database(other).close();

    renameSync(other, file);

    await expectRefused(running);
    expect(await storeStatus(running)).toBe('down');
  }, 60_000);
});

postgresDescribe(describe)('a Postgres that goes away while the server runs', () => {
  let postgres: PostgresServer | undefined;
  beforeAll(async () => {
    postgres = await startPostgres();
    await postgres.sql('CREATE DATABASE guide');
  }, 120_000);
  afterAll(async () => postgres?.stop(), 60_000);

  it('answers 503 without crashing while it is down, and stores again once it is back', async () => {
    if (!postgres) throw new Error('Postgres did not start');
    server = await startServerProcess(path.join(temp.dir, 'unused'), {
      CORPUS_DIR: corpusDir,
      DATABASE_URL: postgres.url('guide'),
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
    });
    expect(await storeStatus(server)).toBe('ok');
    expect((await postJson(server, '/api/feedback', aFeedback())).status).toBe(201);

    await postgres.halt();

    await expectRefused(server);
    expect(await storeStatus(server)).toBe('down');
    expect((await request(server, '/api/search?q=evaluation')).status).toBe(200);
    expect(server.child.exitCode).toBeNull();

    await postgres.resume();

    expect((await postJson(server, '/api/feedback', aFeedback())).status).toBe(201);
    expect(await storeStatus(server)).toBe('ok');
    expect(hasStackTrace(server.logs)).toBe(false);
  }, 90_000);
});
