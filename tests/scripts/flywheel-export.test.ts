import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger.js';
import { openSqliteFeedbackStore } from '../../server/store/sqlite-feedback-store.js';
import { aFeedback, aFeedbackCandidate, aTempDir } from '../server/store/feedback-fixtures.js';

const run = promisify(execFile);
const GOLDEN_KEYS = ['id', 'question', 'lang', 'expected', 'offTopic', 'facts', 'reviewed', 'source', 'note'];

function exportCandidates(dataDir: string, args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/flywheel-export.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dataDir },
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
    store.close();
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
