/**
 * Load figures for issue 8: the real server process on a loopback port takes 200 concurrent /api/chat requests
 * in search mode, then 200 in LLM mode against a slow fake OpenAI-compatible model (a loopback server that
 * streams each answer over ~1 s). Rate limits are set high enough not to refuse the bench; the concurrency cap
 * on model calls is left at a value the load can reach, so its search-mode answers show up as `fallback`.
 * Reports statuses, answer modes, p50/p95 latency of whole answers, and /api/health latency sampled during the
 * load. Prints only; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSlowModelServer } from '../tests/server/support/slow-model-server.js';
import { startServerProcess } from '../tests/server/support/start-server-process.js';

const CONCURRENT = 200;
const HEALTH_EVERY_MS = 25;
const QUESTIONS = [
  'How do AI product managers evaluate a model before launch?',
  'What skills does an AI PM need?',
  'AI 产品经理如何做评测？',
  'Which metrics matter for an AI product?',
];
const HIGH_LIMITS = {
  RATE_LIMIT_CHAT: '100000',
  RATE_LIMIT_SEARCH: '100000',
  LOG_LEVEL: 'warn',
};

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

interface ChatOutcome {
  status: string;
  mode: string;
  ms: number;
}

async function oneChat(baseUrl: string, question: string): Promise<ChatOutcome> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messages: [{ id: 'q', role: 'user', parts: [{ type: 'text', text: question }] }],
      }),
    });
    const body = await response.text();
    const modes = [...body.matchAll(/"mode":"(\w+)"/g)].map((match) => match[1]);
    const reason = /"fallbackReason":"([\w-]+)"/.exec(body)?.[1];
    const mode = `${modes.at(-1) ?? 'none'}${reason ? `:${reason}` : ''}`;
    return { status: String(response.status), mode, ms: performance.now() - startedAt };
  } catch (error) {
    const name =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : 'error';
    return { status: `network (${name})`, mode: 'none', ms: performance.now() - startedAt };
  }
}

/** Samples /api/health until `done` resolves; returns each sample's latency. */
async function sampleHealth(
  baseUrl: string,
  done: Promise<unknown>,
): Promise<{ ms: number[]; failed: number }> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const ms: number[] = [];
  let failed = 0;
  while (!finished) {
    const startedAt = performance.now();
    const response = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
    if (response?.status === 200) ms.push(performance.now() - startedAt);
    else failed += 1;
    await response?.text();
    await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
  }
  return { ms, failed };
}

function counts(values: string[]): string {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  return [...tally.entries()].map(([value, count]) => `${value} × ${count}`).join(', ');
}

async function loadRun(label: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aipm-load-'));
  const server = await startServerProcess(dataDir, { ...HIGH_LIMITS, ...env });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  try {
    await oneChat(baseUrl, QUESTIONS[0] ?? '');
    const startedAt = performance.now();
    const chats = Promise.all(
      Array.from({ length: CONCURRENT }, (_, index) =>
        oneChat(baseUrl, QUESTIONS[index % QUESTIONS.length] ?? ''),
      ),
    );
    const [outcomes, health] = await Promise.all([chats, sampleHealth(baseUrl, chats)]);
    const wallMs = performance.now() - startedAt;
    const ok = outcomes.filter((outcome) => outcome.status === '200').map((outcome) => outcome.ms);
    return {
      run: label,
      requests: CONCURRENT,
      statuses: counts(outcomes.map((outcome) => outcome.status)),
      modes: counts(outcomes.map((outcome) => outcome.mode)),
      'chat p50 ms': percentile(ok, 0.5).toFixed(0),
      'chat p95 ms': percentile(ok, 0.95).toFixed(0),
      'wall ms': wallMs.toFixed(0),
      'health samples': `${health.ms.length} ok, ${health.failed} failed`,
      'health p50 ms': percentile(health.ms, 0.5).toFixed(1),
      'health p95 ms': percentile(health.ms, 0.95).toFixed(1),
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const model = await startSlowModelServer({ pieces: 20, intervalMs: 50 });
try {
  const search = await loadRun('search mode', {});
  const llm = await loadRun('LLM mode, slow fake model (20 pieces × 50 ms)', {
    OPENAI_API_KEY: 'sk-load-bench',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_MODEL: 'slow-model',
    LLM_MAX_RETRIES: '0',
    LLM_MAX_CONCURRENT: '100',
  });
  console.log(
    `\n/api/chat under load: ${CONCURRENT} concurrent requests per run, real server process on loopback`,
  );
  for (const row of [search, llm]) console.log(row);
  console.log(`fake model streams begun: ${model.streams}`);
} finally {
  await model.close();
}
