import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger.js';
import type { FeedbackStore } from '../../server/store/feedback-store.js';
import { openPostgresFeedbackStore } from '../../server/store/postgres-feedback-store.js';
import { openSqliteFeedbackStore } from '../../server/store/sqlite-feedback-store.js';
import { aFeedback, aFeedbackCandidate, aTempDir } from '../server/store/feedback-fixtures.js';
import { type PostgresServer, postgresDescribe, startPostgres } from '../server/support/postgres-server.js';

const run = promisify(execFile);
const GOLDEN_KEYS = ['id', 'question', 'lang', 'expected', 'offTopic', 'facts', 'reviewed', 'source', 'note'];

function exportCandidates(dataDir: string, args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/flywheel-export.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
  });
}

function parseJsonl(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run flywheel:export', () => {
  const temp = aTempDir('aipm-export');
  const down = aFeedback({ question: 'How do AI PMs pick evaluation metrics?', reasons: ['unsupported'] });

  beforeAll(async () => {
    const store = openSqliteFeedbackStore({ dataDir: temp.dir, logger: createMemoryLogger() });
    await store.saveFeedback({ ...down, citationHeadings: {}, appVersion: 'test' });
    await store.saveFeedback({ ...aFeedback({ rating: 'up' }), citationHeadings: {}, appVersion: 'test' });
    await store.logGap({ question: 'AI PM 在火星上的薪资？', mode: 'search', nearest: [] });
    await store.close();
  });
  afterAll(() => temp.remove());

  it('writes one golden-set line per 👎 answer and per gap to the --out file, and sums up on stderr', async () => {
    const out = path.join(temp.dir, 'reports', 'candidates.jsonl');

    const { stdout, stderr } = await exportCandidates(temp.dir, ['--out', out]);

    expect(stdout).toBe('');
    expect(stderr).toMatch(/2 candidates \(1 from feedback, 1 from gaps\)/);
    const lines = parseJsonl(readFileSync(out, 'utf8'));
    expect(lines).toEqual([
      aFeedbackCandidate(down, expect.stringContaining('reasons: unsupported')),
      {
        id: expect.stringMatching(/^gap-[0-9a-f]{12}$/),
        question: 'AI PM 在火星上的薪资？',
        lang: 'zh',
        expected: [],
        offTopic: true,
        reviewed: false,
        source: 'gap',
        note: 'not covered; asked 1 time',
      },
    ]);
    for (const line of lines) {
      expect(Object.keys(line).every((key) => GOLDEN_KEYS.includes(key))).toBe(true);
    }
  }, 30_000);

  it('writes the same lines to stdout with --out -', async () => {
    const fileOut = path.join(temp.dir, 'again.jsonl');
    await exportCandidates(temp.dir, ['--out', fileOut]);

    const { stdout } = await exportCandidates(temp.dir, ['--out', '-']);

    expect(stdout).toBe(readFileSync(fileOut, 'utf8'));
    expect(parseJsonl(stdout)).toHaveLength(2);
  }, 30_000);
});

postgresDescribe(describe)('npm run flywheel:export with DATABASE_URL', () => {
  const temp = aTempDir('aipm-export-pg');
  const down = aFeedback({ question: 'How do AI PMs pick evaluation metrics?', reasons: ['unsupported'] });
  let postgres: PostgresServer | undefined;

  beforeAll(async () => {
    postgres = await startPostgres();
    await postgres.sql('CREATE DATABASE guide');
    const store: FeedbackStore = await openPostgresFeedbackStore({
      url: postgres.url('guide'),
      poolMax: 2,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 10_000,
      logger: createMemoryLogger(),
    });
    await store.saveFeedback({ ...down, citationHeadings: {}, appVersion: 'test' });
    await store.logGap({ question: 'AI PM 在火星上的薪资？', mode: 'search', nearest: [] });
    await store.close();
  }, 120_000);
  afterAll(async () => {
    await postgres?.stop();
    temp.remove();
  }, 60_000);

  it('reads the same store as the server: Postgres, not the SQLite file in DATA_DIR', async () => {
    const url = postgres?.url('guide') ?? '';

    const { stdout, stderr } = await exportCandidates(temp.dir, ['--stdout'], { DATABASE_URL: url });

    expect(stderr).toMatch(/2 candidates \(1 from feedback, 1 from gaps\) from Postgres/);
    expect(parseJsonl(stdout).map((line) => line.id)).toEqual([
      `fb-${down.id}`,
      expect.stringMatching(/^gap-/),
    ]);
  }, 30_000);

  it('fails with a message, not a stack, when Postgres cannot be reached', async () => {
    const failed = exportCandidates(temp.dir, ['--stdout'], {
      DATABASE_URL: 'postgres://x:pw@127.0.0.1:1/none',
    });

    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^flywheel:export failed: .*ECONNREFUSED/),
    });
  }, 30_000);
});
