import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../server/store/sqlite-feedback-store.js';
import { aFeedback, aTempDir } from './store/feedback-fixtures.js';
import { type ServerProcess, serverEnv, startServerProcess } from './support/start-server-process.js';

const temp = aTempDir('aipm-lifecycle');
let server: ServerProcess | undefined;
afterEach(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});
afterAll(() => temp.remove());

describe('the server process', () => {
  it('on SIGTERM finishes, closes the database cleanly and exits 0', async () => {
    server = await startServerProcess(temp.dir);
    const feedback = aFeedback({ question: 'lifecycle question' });
    const response = await fetch(`http://127.0.0.1:${server.port}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(feedback),
    });
    expect(response.status).toBe(201);

    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    const [code] = await exited;

    expect(code).toBe(0);
    expect(server.logs.some((line) => line.includes('"event":"server_stopped"'))).toBe(true);
    // A clean close checkpoints the write-ahead log into the main file.
    expect(existsSync(path.join(temp.dir, `${DATABASE_FILE_NAME}-wal`))).toBe(false);
    const db = new Database(path.join(temp.dir, DATABASE_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT id FROM feedback').all()).toEqual([{ id: feedback.id }]);
    db.close();
  }, 60_000);

  it('refuses to start on bad configuration, naming every bad variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: serverEnv(temp.dir, { PORT: 'eighty', OPENAI_API: 'graphql' }),
      encoding: 'utf8',
      timeout: 30_000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('OPENAI_API');
  }, 60_000);
});
