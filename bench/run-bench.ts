/**
 * `npm run bench`: indexes the default corpus and a ~50k-chunk synthetic one (replicated + perturbed),
 * then prints build time, heap, and p50/p95 search latency for long zh/en questions, with the ratios;
 * then runs bench/chat-overhead.ts (the /api/chat overhead before the first token, and the OpenAI-compatible
 * face against /api/chat) in its own process.
 * Prints only; no assertions (timings on a shared machine are noisy).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../server/logger.js';
import { createRetriever } from '../server/retrieval/create-retriever.js';
import { loadGlossary } from '../server/retrieval/glossary.js';
import { loadCorpus } from '../server/retrieval/load-corpus.js';
import type { SourceDocument } from '../server/retrieval/types.js';
import { synthesizeCorpus } from './synthesize-corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_CHUNKS = 50_000;
const ROUNDS = 5;
const QUESTIONS = [
  '我是文科生，没有计算机背景，也没有写过代码，想转行做 AI 产品经理，请问哪一类 AI 产品经理的需求量最高、对非科班背景最友好？',
  '平台型 AI 产品经理平时最关心哪些事情？API 设计、稳定性、延迟、调用成本、权限、计费和可观测性都要管吗？',
  'AI 产品经理和传统产品经理到底有什么不同？在需求描述、验收方式、失败成本和核心交付物上分别有什么区别？',
  '数据飞轮是什么意思？怎样低成本、持续地拿到高质量的反馈数据，并把用户行为转化为模型进化的输入？',
  'I do not have a computer science degree. Which kind of AI product manager role is easiest to get into and most in demand right now?',
  'What does an AI platform PM care about most day to day: API design, latency, call cost, permissions, billing or observability?',
  'How is an AI product manager different from a traditional product manager in requirements, acceptance criteria, failure cost and deliverables?',
  'What should the product do when the AI output is wrong, and how do conversational interfaces and GUIs fit together with graceful degradation?',
];

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

async function measure(
  label: string,
  documents: SourceDocument[],
  glossary: Awaited<ReturnType<typeof loadGlossary>>,
) {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const retriever = await createRetriever({ documents, glossary, logger: createLogger('silent') });
  const buildMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const took: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const question of QUESTIONS) {
      const begin = performance.now();
      await retriever.search(question, { limit: 5 });
      took.push(performance.now() - begin);
    }
  }
  const result = {
    label,
    chunks: retriever.stats.chunks,
    buildMs,
    heapMb,
    p50: percentile(took, 0.5),
    p95: percentile(took, 0.95),
  };
  process.stdout.write(
    `${label.padEnd(10)} chunks ${String(result.chunks).padStart(6)}  build ${buildMs.toFixed(0).padStart(7)} ms  heap +${heapMb.toFixed(0).padStart(5)} MB  search p50 ${result.p50.toFixed(2).padStart(7)} ms  p95 ${result.p95.toFixed(2).padStart(7)} ms\n`,
  );
  return result;
}

async function main(): Promise<void> {
  const corpusDir = path.join(root, 'corpus');
  const logger = createLogger('warn');
  const [seed, glossary] = await Promise.all([
    loadCorpus({ dir: corpusDir, logger }),
    loadGlossary(path.join(corpusDir, 'glossary.json')),
  ]);
  const base = await measure('default', seed, glossary);
  const copies = Math.ceil(TARGET_CHUNKS / Math.max(base.chunks, 1));
  const large = await measure('synthetic', synthesizeCorpus({ seed, glossary, copies }), glossary);
  const ratio = (value: number, reference: number) => `${(value / Math.max(reference, 1e-9)).toFixed(1)}×`;
  process.stdout.write(
    `ratios     chunks ${ratio(large.chunks, base.chunks)}  build ${ratio(large.buildMs, base.buildMs)}  search p50 ${ratio(large.p50, base.p50)}  p95 ${ratio(large.p95, base.p95)}\n`,
  );
}

/** The chat overhead bench in a fresh process, so the 50k-chunk heap above does not skew its timings. */
function runChatOverhead(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/chat-overhead.ts')], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

await main();
process.stdout.write('\n');
process.exitCode = await runChatOverhead();
