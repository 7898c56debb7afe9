/**
 * Probes 2–4, the per-client limits under a flood: 2,000 chats against a slow fake model, a feedback flood
 * of the largest bodies allowed, and 200 ADMIN_TOKEN guesses.
 */
import { randomUUID } from 'node:crypto';
import { aFeedback } from '../tests/server/store/feedback-fixtures.js';
import { chat, partsSay, turn } from './chat-reply.js';
import { launchServer, launchWithSlowModel, logged, type Running, remove, stop } from './launch-server.js';
import { DEFAULTS, databaseBytes, health, ms, type ProbeRow, pool, QUESTION } from './probe-kit.js';
import { tally } from './timed-chat.js';

export async function chatFlood(): Promise<ProbeRow> {
  const { model, server } = await launchWithSlowModel(
    { pieces: 20, intervalMs: 50 },
    { OPENAI_API_KEY: 'sk-probe-flood' },
  );
  const statuses: string[] = [];
  const modes: string[] = [];
  const headerNames = new Set<string>();
  let retryAfter = 0;
  const startedAt = performance.now();
  await pool(2_000, 50, async () => {
    const reply = await chat(server.base, { messages: [turn('user', QUESTION)] });
    statuses.push(reply.status);
    if (reply.chunks.length > 0) modes.push(partsSay(reply).split(',')[0] ?? '');
    for (const name of reply.headers?.keys() ?? []) if (name.startsWith('ratelimit')) headerNames.add(name);
    if (reply.status === '429' && reply.headers?.get('retry-after')) retryAfter += 1;
  });
  const row: ProbeRow = {
    probe: '2 2,000 chats, one client, fake model',
    tried: statuses.length,
    statuses: tally(statuses),
    serving: await health(server.base),
    figures: `wall ${ms(performance.now() - startedAt)}; provider calls ${model.streams}, most in flight ${model.peakOpenStreams} (LLM_MAX_CONCURRENT ${DEFAULTS.limits.maxConcurrentModelCalls}, RATE_LIMIT_CHAT ${DEFAULTS.limits.perClient.chat}); 200 modes: ${tally(modes)}; Retry-After on ${retryAfter} of the 429s; headers ${[...headerNames].join(', ') || 'none'}`,
  };
  await stop(server);
  await model.close();
  remove(server);
  return row;
}

export async function feedbackFlood(server: Running): Promise<ProbeRow> {
  const before = databaseBytes(server.dataDir);
  const statuses: string[] = [];
  const startedAt = performance.now();
  const filled = { comment: 'c'.repeat(2_000), question: 'q'.repeat(4_000), answer: 'a'.repeat(20_000) };
  await pool(
    2_000,
    20,
    async () => {
      const response = await fetch(`${server.base}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aFeedback(filled)),
      }).catch(() => null);
      statuses.push(response ? String(response.status) : 'failed');
      await response?.arrayBuffer();
    },
    () => performance.now() - startedAt > 20_000,
  );
  const grown = databaseBytes(server.dataDir) - before;
  return {
    probe: '3 feedback flood (≤ 20 s / 2,000)',
    tried: statuses.length,
    statuses: tally(statuses),
    serving: await health(server.base),
    figures: `${ms(performance.now() - startedAt)}; ~26 kB bodies; database grew ${(grown / 1024).toFixed(0)} KiB (RATE_LIMIT_FEEDBACK ${DEFAULTS.limits.perClient.feedback}/min)`,
  };
}

export async function tokenGuessing(): Promise<ProbeRow> {
  const token = `admin-${randomUUID()}`;
  const server = await launchServer({ ADMIN_TOKEN: token });
  const statuses: string[] = [];
  const startedAt = performance.now();
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await fetch(`${server.base}/api/insights`, {
      headers: { authorization: `Bearer guess-${attempt}` },
    });
    statuses.push(String(response.status));
    await response.arrayBuffer();
  }
  const rate = (200 / ((performance.now() - startedAt) / 1000)).toFixed(0);
  const right = await fetch(`${server.base}/api/insights`, { headers: { authorization: `Bearer ${token}` } });
  await right.arrayBuffer();
  const row: ProbeRow = {
    probe: '4 ADMIN_TOKEN guessing',
    tried: 200,
    statuses: tally(statuses),
    serving: await health(server.base),
    figures: `first 429 at attempt ${statuses.indexOf('429') + 1}; the right token after that → ${right.status}; ${rate} attempts/s; log lines admin_token_refused ×${logged(server, 'admin_token_refused')}, admin_lockout ×${logged(server, 'admin_lockout')}`,
  };
  await stop(server);
  remove(server);
  return row;
}
