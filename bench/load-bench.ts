/**
 * Load figures for issue 8: the real server process (`server/index.ts`) on a loopback port takes 200 concurrent
 * /api/chat requests — in search mode, then in LLM mode against a slow fake OpenAI-compatible model (a loopback
 * server streaming each answer over ~1 s) with LLM_MAX_CONCURRENT at its default, so answers past the cap come
 * back in search mode as `fallback:rate-limit`. The per-client rate limits are raised through env (one bench
 * client would otherwise be refused past RATE_LIMIT_CHAT) and a last run keeps the default limit, to show its
 * 429s. Every number is measured in this one run; prints only, asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { type SlowModelServer, startSlowModelServer } from '../tests/server/support/slow-model-server.js';
import { startServerProcess } from '../tests/server/support/start-server-process.js';
import { type ChatOutcome, percentile, sampleHealth, tally, timedChat } from './timed-chat.js';

const CONCURRENT = 200;
const REQUEST_TIMEOUT_MS = 120_000;
const HEALTH = { everyMs: 25, timeoutMs: 10_000 };
const MODEL_PACE = { pieces: 20, intervalMs: 50 };
const QUESTIONS = [
  'How should a team measure an AI feature after launch?',
  'Which skills help a product manager work with machine learning engineers?',
  '如何衡量一个 AI 功能上线后的效果？',
  'What should a product manager know about model evaluation?',
];
const RAISED_LIMITS = { RATE_LIMIT_CHAT: '100000', RATE_LIMIT_SEARCH: '100000' };
const DEFAULTS = loadConfig({});

interface Run {
  label: string;
  env: Record<string, string>;
  model?: SlowModelServer;
}

async function withServer<T>(env: Record<string, string>, work: (baseUrl: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aipm-load-'));
  const server = await startServerProcess(dataDir, env);
  try {
    return await work(`http://127.0.0.1:${server.port}`);
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(0)} ms`);
const p50p95 = (values: number[]) =>
  `p50 ${ms(percentile(values, 0.5))}, p95 ${ms(percentile(values, 0.95))}`;

function describe(outcomes: ChatOutcome[]): string[] {
  const completed = outcomes.filter((outcome) => outcome.completed);
  const refused = outcomes.filter((outcome) => outcome.status === '429').length;
  const errors = outcomes.filter((outcome) => !outcome.completed && outcome.status !== '429');
  const firstContent = completed.flatMap((outcome) =>
    outcome.firstContentMs === null ? [] : [outcome.firstContentMs],
  );
  return [
    `requests ${outcomes.length}, completed ${completed.length}, 429 (rate limit) ${refused}`,
    `errors by status: ${tally(errors.map((outcome) => outcome.status))}`,
    `statuses: ${tally(outcomes.map((outcome) => outcome.status))}; modes: ${tally(outcomes.map((outcome) => outcome.mode))}`,
    `first content (completed): ${p50p95(firstContent)}; whole answer (completed): ${p50p95(completed.map((outcome) => outcome.totalMs))}`,
  ];
}

async function loadRun(run: Run): Promise<string[]> {
  return withServer(run.env, async (baseUrl) => {
    // One answer first, so the first request's lazy work is not counted in the load.
    await timedChat(baseUrl, QUESTIONS[0] ?? '', REQUEST_TIMEOUT_MS);
    const callsBefore = run.model?.streams ?? 0;
    const startedAt = performance.now();
    const chats = Promise.all(
      Array.from({ length: CONCURRENT }, (_, index) =>
        timedChat(baseUrl, QUESTIONS[index % QUESTIONS.length] ?? '', REQUEST_TIMEOUT_MS),
      ),
    );
    const [outcomes, health] = await Promise.all([chats, sampleHealth(baseUrl, chats, HEALTH)]);
    const lines = [`${run.label} — wall ${ms(performance.now() - startedAt)}`, ...describe(outcomes)];
    if (run.model) {
      const cap = run.env.LLM_MAX_CONCURRENT ?? String(DEFAULTS.limits.maxConcurrentModelCalls);
      lines.push(
        `LLM calls made ${run.model.streams - callsBefore} (most open at once ${run.model.peakOpenStreams}) vs LLM_MAX_CONCURRENT ${cap}`,
      );
    }
    lines.push(
      `/api/health during the load: ${health.okMs.length} ok (${p50p95(health.okMs)}), failed: ${tally(health.failures)}`,
    );
    return lines;
  });
}

const model = await startSlowModelServer(MODEL_PACE);
const llmEnv = {
  OPENAI_API_KEY: 'sk-load-bench',
  OPENAI_BASE_URL: model.baseUrl,
  OPENAI_MODEL: 'slow-model',
  LLM_MAX_RETRIES: '0',
};
const runs: Run[] = [
  { label: 'search mode, raised limits', env: RAISED_LIMITS },
  {
    label: `LLM mode, raised limits, slow fake model (${MODEL_PACE.pieces} pieces × ${MODEL_PACE.intervalMs} ms)`,
    env: { ...RAISED_LIMITS, ...llmEnv },
    model,
  },
  {
    label: `search mode, default limit (RATE_LIMIT_CHAT ${DEFAULTS.limits.perClient.chat}, one used by the warm-up request)`,
    env: {},
  },
];
try {
  process.stdout.write(
    `/api/chat under load: ${CONCURRENT} concurrent requests per run from one client, real server process on loopback; machine load average ${loadavg()[0]?.toFixed(1)} at start\n` +
      `raised limits: ${Object.entries(RAISED_LIMITS)
        .map(([name, value]) => `${name}=${value}`)
        .join(
          ' ',
        )} (per client per window; the default would refuse all but ${DEFAULTS.limits.perClient.chat})\n`,
  );
  for (const run of runs) {
    const lines = await loadRun(run);
    process.stdout.write(
      `${lines[0]}\n${lines
        .slice(1)
        .map((line) => `  ${line}\n`)
        .join('')}`,
    );
  }
} finally {
  await model.close();
}
