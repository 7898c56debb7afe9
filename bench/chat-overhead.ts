/**
 * Server overhead before the first answer token: the whole /api/chat path (validation, retrieval, prompt,
 * the OpenAI client, the UI message stream) against a loopback OpenAI-compatible server that answers at once.
 * Search mode is measured in the same run for comparison. Prints numbers; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatModel } from '../server/answer/create-chat-model.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createMemoryLogger } from '../server/logger.js';
import { buildRetriever } from '../server/retrieval/build-retriever.js';
import { openSqliteFeedbackStore } from '../server/store/sqlite-feedback-store.js';
import { completionEvents } from '../tests/server/answer/fixtures/openai-sse.js';

const RUNS = 200;
const WARMUP = 20;
const QUESTIONS = [
  '哪类 AI 产品经理需求量最高？',
  'What does an AI platform PM care about?',
  '非科班背景适合做哪类 AI 产品经理？',
  'How is an AI PM different from a traditional PM?',
];

/** A model that streams its whole answer the moment it is asked. */
async function startInstantModel(): Promise<{ baseURL: string; close: () => void }> {
  const events = completionEvents(['The platform PM cares about API design [1]', ' and cost [1].']);
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(events.join(''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/v1`, close: () => server.close() };
}

/** Milliseconds from sending the request to the first text delta, and to the end of the stream. */
async function timeOneAnswer(app: ReturnType<typeof createApp>, question: string) {
  const startedAt = performance.now();
  const response = await app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      messages: [{ id: 'q', role: 'user', parts: [{ type: 'text', text: question }] }],
    }),
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no response body');
  const decoder = new TextDecoder();
  let firstDeltaMs: number | undefined;
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true });
    if (firstDeltaMs === undefined && text.includes('"type":"text-delta"')) {
      firstDeltaMs = performance.now() - startedAt;
    }
  }
  if (firstDeltaMs === undefined) throw new Error(`no text in the answer to ${question}`);
  if (text.includes('"mode":"fallback"')) throw new Error(`fell back: ${text.slice(0, 400)}`);
  return { firstDeltaMs, totalMs: performance.now() - startedAt };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

async function measure(label: string, app: ReturnType<typeof createApp>) {
  for (let run = 0; run < WARMUP; run += 1) await timeOneAnswer(app, QUESTIONS[run % QUESTIONS.length] ?? '');
  const firstDelta: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const timing = await timeOneAnswer(app, QUESTIONS[run % QUESTIONS.length] ?? '');
    firstDelta.push(timing.firstDeltaMs);
    total.push(timing.totalMs);
  }
  const row = {
    mode: label,
    'first token p50 ms': percentile(firstDelta, 0.5).toFixed(2),
    'first token p95 ms': percentile(firstDelta, 0.95).toFixed(2),
    'whole answer p50 ms': percentile(total, 0.5).toFixed(2),
  };
  return { row, p50: percentile(firstDelta, 0.5) };
}

const dataDir = mkdtempSync(join(tmpdir(), 'aipm-guide-bench-'));
const logger = createMemoryLogger();
const retriever = await buildRetriever({ corpusDir: 'corpus', logger });
const store = openSqliteFeedbackStore({ dataDir, logger });
const model = await startInstantModel();
try {
  const searchConfig = loadConfig({ DATA_DIR: dataDir });
  const llmConfig = loadConfig({
    DATA_DIR: dataDir,
    OPENAI_API_KEY: 'bench',
    OPENAI_BASE_URL: model.baseURL,
  });
  const deps = { retriever, store, logger, version: 'bench' };
  const search = await measure('search', createApp({ ...deps, config: searchConfig, model: null }));
  const llm = await measure(
    'llm (zero-latency model over loopback HTTP)',
    createApp({ ...deps, config: llmConfig, model: createChatModel(llmConfig.llm) }),
  );
  console.log(`\n/api/chat time to first text delta, ${RUNS} runs each after ${WARMUP} warm-up, one process`);
  console.table([search.row, llm.row]);
  console.log(`llm / search first-token ratio: ${(llm.p50 / search.p50).toFixed(2)}`);
} finally {
  model.close();
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
