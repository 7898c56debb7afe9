/**
 * Server overhead before the first answer token: the whole /api/chat path (validation, retrieval, prompt,
 * the OpenAI client, the UI message stream) against a loopback OpenAI-compatible server that answers at once.
 * Search mode is measured in the same run for comparison; then the OpenAI-compatible face
 * (/v1/chat/completions, streamed) against /api/chat on the same LLM app, runs interleaved so drift hits both
 * alike. Prints numbers; asserts nothing.
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

const API_KEY = 'bench-key-0123456789abcdef';

/** A way to ask one question, and the text that marks the first answer text in its stream. */
interface Route {
  label: string;
  request: (question: string) => { path: string; body: unknown };
  firstText: string;
}

const UI_STREAM: Route = {
  label: '/api/chat',
  request: (question) => ({
    path: '/api/chat',
    body: { messages: [{ id: 'q', role: 'user', parts: [{ type: 'text', text: question }] }] },
  }),
  firstText: '"type":"text-delta"',
};

const CHAT_COMPLETIONS: Route = {
  label: '/v1/chat/completions',
  request: (question) => ({
    path: '/v1/chat/completions',
    body: { model: 'aipm-guide', stream: true, messages: [{ role: 'user', content: question }] },
  }),
  // The role chunk carries empty content; the first content-only delta is the first answer text.
  firstText: '"delta":{"content":"',
};

/** Milliseconds from sending the request to the first answer text, and to the end of the stream. */
async function timeOneAnswer(app: ReturnType<typeof createApp>, question: string, route: Route = UI_STREAM) {
  const startedAt = performance.now();
  const { path, body } = route.request(question);
  const response = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify(body),
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no response body');
  const decoder = new TextDecoder();
  let firstDeltaMs: number | undefined;
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true });
    if (firstDeltaMs === undefined && text.includes(route.firstText)) {
      firstDeltaMs = performance.now() - startedAt;
    }
  }
  if (firstDeltaMs === undefined)
    throw new Error(`no text in the answer to ${question}: ${text.slice(0, 400)}`);
  if (text.includes('"mode":"fallback"') || text.includes('"answer_mode":"fallback"')) {
    throw new Error(`fell back: ${text.slice(0, 400)}`);
  }
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

/** Each route asked the same questions in turn, so both see the same machine load. */
async function compareRoutes(app: ReturnType<typeof createApp>, routes: Route[]) {
  const timings = routes.map(() => ({ first: [] as number[], total: [] as number[] }));
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    for (const [index, route] of routes.entries()) {
      const timing = await timeOneAnswer(app, QUESTIONS[run % QUESTIONS.length] ?? '', route);
      if (run < WARMUP) continue;
      timings[index]?.first.push(timing.firstDeltaMs);
      timings[index]?.total.push(timing.totalMs);
    }
  }
  return routes.map((route, index) => {
    const { first = [], total = [] } = timings[index] ?? {};
    return {
      route: route.label,
      p50First: percentile(first, 0.5),
      p50Total: percentile(total, 0.5),
      row: {
        route: route.label,
        'first content p50 ms': percentile(first, 0.5).toFixed(2),
        'first content p95 ms': percentile(first, 0.95).toFixed(2),
        'whole answer p50 ms': percentile(total, 0.5).toFixed(2),
        'whole answer p95 ms': percentile(total, 0.95).toFixed(2),
      },
    };
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'aipm-guide-bench-'));
const logger = createMemoryLogger();
const retriever = await buildRetriever({ corpusDir: 'corpus', logger });
const store = openSqliteFeedbackStore({ dataDir, logger });
const model = await startInstantModel();
try {
  // The bench measures the answer path, not the per-client limits, so they are lifted far past its request count.
  const unlimited = { RATE_LIMIT_CHAT: '1000000', RATE_LIMIT_OPENAI: '1000000' };
  const searchConfig = loadConfig({ DATA_DIR: dataDir, API_KEYS: API_KEY, ...unlimited });
  const llmConfig = loadConfig({
    DATA_DIR: dataDir,
    API_KEYS: API_KEY,
    ...unlimited,
    OPENAI_API_KEY: 'bench',
    OPENAI_BASE_URL: model.baseURL,
  });
  const deps = { retriever, store, logger, version: 'bench' };
  const search = await measure('search', createApp({ ...deps, config: searchConfig, model: null }));
  const llmApp = createApp({ ...deps, config: llmConfig, model: createChatModel(llmConfig.llm) });
  const llm = await measure('llm (zero-latency model over loopback HTTP)', llmApp);
  console.log(`\n/api/chat time to first text delta, ${RUNS} runs each after ${WARMUP} warm-up, one process`);
  console.table([search.row, llm.row]);
  console.log(`llm / search first-token ratio: ${(llm.p50 / search.p50).toFixed(2)}`);

  const [api, face] = await compareRoutes(llmApp, [UI_STREAM, CHAT_COMPLETIONS]);
  if (!api || !face) throw new Error('no comparison');
  console.log(
    `\nOpenAI-compatible face vs /api/chat, LLM mode, same fake model, ${RUNS} interleaved runs each`,
  );
  console.table([api.row, face.row]);
  console.log(
    `face / api ratio (p50): first content ${(face.p50First / api.p50First).toFixed(2)}, ` +
      `whole answer ${(face.p50Total / api.p50Total).toFixed(2)}`,
  );
} finally {
  model.close();
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
