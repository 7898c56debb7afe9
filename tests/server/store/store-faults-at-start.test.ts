import { mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody, HealthResponse } from '../../../server/contract.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { DATABASE_FILE_NAME, openSqliteFeedbackStore } from '../../../server/store/sqlite-feedback-store.js';
import {
  aChatRequest,
  hasStackTrace,
  postJson,
  request,
  stopServer,
  writeTinyCorpus,
} from '../support/server-probe.js';
import { type ServerProcess, startServerProcess } from '../support/start-server-process.js';
import { aFeedback, aShareSnapshot, aTempDir } from './feedback-fixtures.js';

const temp = aTempDir('aipm-store-faults');
const corpusDir = writeTinyCorpus(temp.dir);
let server: ServerProcess | undefined;
afterEach(async () => stopServer(server));
afterAll(() => temp.remove());

/** A data dir whose database file is broken in one way. */
async function dataDirWith(name: string, breakIt: (file: string) => void | Promise<void>): Promise<string> {
  const dataDir = path.join(temp.dir, name);
  mkdirSync(dataDir, { recursive: true });
  await breakIt(path.join(dataDir, DATABASE_FILE_NAME));
  return dataDir;
}

async function aTruncatedDatabase(file: string): Promise<void> {
  const store = openSqliteFeedbackStore({ dataDir: path.dirname(file), logger: createMemoryLogger() });
  for (let index = 0; index < 300; index += 1) {
    await store.saveFeedback({
      ...aFeedback({ answer: 'x'.repeat(2_000) }),
      citationHeadings: {},
      appVersion: 't',
    });
  }
  await store.close();
  truncateSync(file, Math.floor(statSync(file).size / 2));
}

/** A TCP port on 127.0.0.1 where nothing listens. */
function aClosedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

const faults: Array<[string, () => Promise<Record<string, string>>]> = [
  [
    'a corrupt database file',
    async () => ({
      DATA_DIR: await dataDirWith('corrupt', (file) =>
        writeFileSync(file, 'definitely not SQLite '.repeat(500)),
      ),
    }),
  ],
  [
    'a truncated database file',
    async () => ({ DATA_DIR: await dataDirWith('truncated', aTruncatedDatabase) }),
  ],
  [
    'an unreadable database file',
    async () => ({
      DATA_DIR: await dataDirWith('unreadable', (file) => mkdirSync(file)),
    }),
  ],
  [
    'an unreachable Postgres',
    async () => ({
      DATA_DIR: path.join(temp.dir, 'unused'),
      DATABASE_URL: `postgres://guide:hunter2@127.0.0.1:${await aClosedPort()}/guide`,
    }),
  ],
];

describe('a server whose store cannot be opened at start', () => {
  it.each(faults)(
    'with %s still starts, serves chat and search, and says the store is down',
    async (_, env) => {
      const extra = await env();
      server = await startServerProcess(extra.DATA_DIR ?? temp.dir, { CORPUS_DIR: corpusDir, ...extra });

      const health = await request(server, '/api/health');
      expect(health.status).toBe(200);
      expect(health.json as HealthResponse).toEqual({
        status: 'ok',
        mode: 'search',
        model: null,
        docs: 1,
        chunks: expect.any(Number),
        version: expect.any(String),
        store: 'down',
      });
      const search = await request(server, '/api/search?q=evaluation%20metrics');
      expect(search.status).toBe(200);
      const chat = await postJson(server, '/api/chat', aChatRequest('How are evaluation metrics chosen?'));
      expect(chat.status).toBe(200);
      expect(chat.text).toContain('text-delta');

      const refused = [
        await postJson(server, '/api/feedback', aFeedback()),
        await request(server, '/api/insights'),
        await request(server, '/api/feedback/export?format=csv'),
        await postJson(server, '/api/shares', aShareSnapshot()),
      ];
      for (const reply of refused) {
        expect(reply.status).toBe(503);
        expect((reply.json as ErrorBody).error.code).toBe('unavailable');
      }

      expect(server.logs.some((line) => line.includes('"event":"store_open_failed"'))).toBe(true);
      expect(hasStackTrace([...server.logs, ...refused.map((reply) => reply.text)])).toBe(false);
      expect(server.logs.join('\n')).not.toContain('hunter2');
    },
    60_000,
  );
});
