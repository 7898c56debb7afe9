/**
 * Retrieval at the default corpus and at ~50k synthetic sections, beside plain Orama over the same sections
 * with the same tokenizer (default `search`, BM25, no query analysis): build time, heap, p50/p95 for long
 * natural-language questions and for short keyword queries, and the ratios. Run with `--expose-gc` (npm run
 * bench does) so heap figures are measured after a collection. Prints only.
 */
import { create, insertMultiple, search } from '@orama/orama';
import { createLogger } from '../server/logger.js';
import { chunkDocument, isEmptySection } from '../server/retrieval/chunk-markdown.js';
import { createRetriever } from '../server/retrieval/create-retriever.js';
import { loadCorpus } from '../server/retrieval/load-corpus.js';
import { sectionBody } from '../server/retrieval/orama-index.js';
import { createTokenizer } from '../server/retrieval/text.js';
import type { SourceDocument } from '../server/retrieval/types.js';
import { domainGroups } from '../server/retrieval/vocabulary.js';
import { root } from './bench-root.js';
import { synthesizeCorpus } from './synthesize-corpus.js';

const TARGET_CHUNKS = 50_000;
const ROUNDS = 5;
/** Long questions as people type them, both languages, phrased for this bench only. */
const QUESTIONS = [
  '我没有技术背景，只做过几年运营，想进入人工智能行业做产品，应该先补哪些能力，哪个岗位方向更容易起步？',
  '做大模型应用的时候，怎么建立一套评估方法，既能衡量回答质量，又能控制推理成本和延迟？',
  '用户的反馈和使用数据怎样才能持续回流到模型迭代里，形成闭环，这中间产品经理要负责什么？',
  '对话式界面和传统图形界面各自适合什么场景，AI 出错的时候界面上应该怎么兜底？',
  'Coming from a non-technical background, which AI product roles are realistic to start in and what skills should I build first?',
  'How should a team evaluate an LLM feature before launch, balancing answer quality against inference cost and latency?',
  'What is the product manager responsible for when turning user feedback and usage data into better models over time?',
  'When should a product use a chat interface rather than a classic GUI, and how should it recover when the model is wrong?',
];
const KEYWORDS = ['评测', '数据飞轮', 'latency', 'platform pm', '需求量', 'evaluation', '用户体验', 'cost'];

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function timeQueries(
  queries: string[],
  run: (query: string) => unknown,
): Promise<{ p50: number; p95: number }> {
  const took: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const begin = performance.now();
      await run(query);
      took.push(performance.now() - begin);
    }
  }
  return { p50: percentile(took, 0.5), p95: percentile(took, 0.95) };
}

interface Measured {
  label: string;
  sections: number;
  buildMs: number;
  heapMb: number;
  question: { p50: number; p95: number };
  keyword: { p50: number; p95: number };
}

async function measurePlainOrama(label: string, documents: SourceDocument[]): Promise<Measured> {
  const before = heapMb();
  const started = performance.now();
  const sections = documents
    .flatMap((document) => chunkDocument(document))
    .filter((chunk) => !isEmptySection(chunk));
  const db = create({
    schema: { heading: 'string', body: 'string' } as const,
    components: { tokenizer: createTokenizer() },
  });
  await insertMultiple(
    db,
    sections.map((chunk) => ({ id: chunk.id, heading: chunk.headings.join('\n'), body: sectionBody(chunk) })),
    500,
  );
  const buildMs = performance.now() - started;
  const used = heapMb() - before;
  const run = (term: string) => search(db, { term, limit: 5, boost: { heading: 2 } });
  return {
    label,
    sections: sections.length,
    buildMs,
    heapMb: used,
    question: await timeQueries(QUESTIONS, run),
    keyword: await timeQueries(KEYWORDS, run),
  };
}

async function measureRetriever(label: string, documents: SourceDocument[]): Promise<Measured> {
  const before = heapMb();
  const started = performance.now();
  const retriever = await createRetriever({ documents, logger: createLogger('silent') });
  const buildMs = performance.now() - started;
  const used = heapMb() - before;
  const run = (query: string) => retriever.search(query, { limit: 5 });
  return {
    label,
    sections: retriever.stats.chunks,
    buildMs,
    heapMb: used,
    question: await timeQueries(QUESTIONS, run),
    keyword: await timeQueries(KEYWORDS, run),
  };
}

function print(result: Measured): void {
  const cell = (value: number) => value.toFixed(2).padStart(8);
  process.stdout.write(
    `${result.label.padEnd(22)} sections ${String(result.sections).padStart(6)}  build ${result.buildMs.toFixed(0).padStart(7)} ms  heap ${result.heapMb.toFixed(0).padStart(5)} MB  question p50 ${cell(result.question.p50)} p95 ${cell(result.question.p95)} ms  keyword p50 ${cell(result.keyword.p50)} p95 ${cell(result.keyword.p95)} ms\n`,
  );
}

const logger = createLogger('warn');
const seed = await loadCorpus({ dir: `${root}/corpus`, logger });
const terms = domainGroups().flat();
const seedSections = seed.flatMap((document) => chunkDocument(document)).length;
const large = synthesizeCorpus({ seed, terms, copies: Math.ceil(TARGET_CHUNKS / Math.max(seedSections, 1)) });
const only = process.env.BENCH_ONLY;
const results: Measured[] = [];
for (const [label, documents] of [
  ['default corpus', seed],
  ['~50k sections', large],
] as const) {
  if (only !== 'retriever') results.push(await measurePlainOrama(`${label}: plain Orama`, documents));
  if (only !== 'orama') results.push(await measureRetriever(`${label}: AIPM Guide`, documents));
  for (const result of results.slice(-2)) print(result);
}
const [, , plain, ours] = results;
if (plain && ours) {
  const ratio = (value: number, reference: number) => `${(value / Math.max(reference, 1e-9)).toFixed(2)}×`;
  process.stdout.write(
    `ratios at ~50k (AIPM Guide / plain Orama): build ${ratio(ours.buildMs, plain.buildMs)}  heap ${ratio(ours.heapMb, plain.heapMb)}  question p95 ${ratio(ours.question.p95, plain.question.p95)}  keyword p50 ${ratio(ours.keyword.p50, plain.keyword.p50)}\n`,
  );
}
