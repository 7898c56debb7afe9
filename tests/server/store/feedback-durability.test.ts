import { once } from 'node:events';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../server/store/sqlite-feedback-store.js';
import { type ServerProcess, startServerProcess } from '../support/start-server-process.js';
import { aFeedback, aTempDir } from './feedback-fixtures.js';

const REQUESTS = 300;
const CONCURRENCY = 20;
/** Kill once this many answers are acknowledged: mid-burst, decided by progress rather than by a timer. */
const KILL_AFTER_ACKNOWLEDGED = 100;

describe('feedback durability when the server is killed mid-burst', () => {
  const temp = aTempDir('aipm-durability');
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    // A durability test, not a limits test: the burst must not be refused for its size.
    server = await startServerProcess(temp.dir, { RATE_LIMIT_FEEDBACK: '0' });
  }, 60_000);
  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    temp.remove();
  });

  it('keeps every feedback it acknowledged, even after SIGKILL', async () => {
    if (!server) throw new Error('server did not start');
    const { child, port } = server;
    const exited = once(child, 'exit');
    const acknowledged: string[] = [];
    let failed = 0;
    let next = 0;

    const sendOne = async (): Promise<void> => {
      const feedback = aFeedback({ question: `durability question ${next}` });
      next += 1;
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(feedback),
        });
        await response.arrayBuffer();
        if (response.ok) acknowledged.push(feedback.id);
        else failed += 1;
      } catch {
        failed += 1;
      }
      if (acknowledged.length >= KILL_AFTER_ACKNOWLEDGED && child.exitCode === null && !child.killed) {
        child.kill('SIGKILL');
      }
    };
    const worker = async () => {
      while (next < REQUESTS) await sendOne();
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const [, signal] = await exited;

    expect(signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(failed).toBeGreaterThan(0);

    const db = new Database(path.join(temp.dir, DATABASE_FILE_NAME));
    const stored = new Set(db.prepare('SELECT id FROM feedback').pluck().all() as string[]);
    db.close();
    const lost = acknowledged.filter((id) => !stored.has(id));
    console.info(
      `durability: ${acknowledged.length} acknowledged, ${stored.size} stored, ${failed} failed, ${lost.length} lost`,
    );
    expect(lost).toEqual([]);
  }, 60_000);
});
