/**
 * Cold start of the production server (`node dist/server/index.js`, built first): the time from spawning the
 * process to its first answer on /api/health (listening, maybe `warming`) and to `/api/health` 200 `ok`, for
 * the default corpus and ~50k synthetic sections, first without a snapshot in DATA_DIR (the start builds the
 * index and writes one), then with it. Also the longest single health check while warming, which shows how
 * long the event loop was held. Prints only; asserts nothing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../server/logger.js';
import { chunkDocument } from '../server/retrieval/chunk-markdown.js';
import { loadCorpus } from '../server/retrieval/load-corpus.js';
import { domainGroups } from '../server/retrieval/vocabulary.js';
import { root } from './bench-root.js';
import { synthesizeCorpus } from './synthesize-corpus.js';

const TARGET_SECTIONS = 50_000;
const POLL_MS = 50;
const START_DEADLINE_MS = 300_000;
const ENTRY = path.join(root, 'dist/server/index.js');
const DEFAULT_RUNS = 3;

interface ColdStart {
  listeningMs: number;
  okMs: number;
  warmingAnswers: number;
  longestCheckMs: number;
  /** The server's own `retrieval_indexed` time: build or snapshot load, without process start and corpus load. */
  indexMs: number;
  snapshot: string;
}

function buildServer(): void {
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'vite.server.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`server build failed:\n${build.stdout}\n${build.stderr}`);
}

function spawnServer(
  corpusDir: string,
  dataDir: string,
): { child: ChildProcess; port: Promise<number>; logs: string[] } {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
      LOG_LEVEL: 'info',
      OPENAI_API_KEY: '',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: string[] = [];
  const port = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`)));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      logs.push(...text.split('\n').filter(Boolean));
      const found = /"event":"server_listening".*?"port":(\d+)/.exec(text)?.[1];
      if (found) resolve(Number(found));
    });
  });
  return { child, port, logs };
}

/** Polls /api/health from the moment the port is known until it says `ok`, timing every check. */
async function pollHealth(port: number, startedAt: number): Promise<Omit<ColdStart, 'snapshot' | 'indexMs'>> {
  let listeningMs = 0;
  let warmingAnswers = 0;
  let longestCheckMs = 0;
  while (performance.now() - startedAt < START_DEADLINE_MS) {
    const checkStarted = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    const body = (await response.json()) as { status?: string };
    const now = performance.now();
    if (listeningMs === 0) listeningMs = now - startedAt;
    if (body.status === 'ok') return { listeningMs, okMs: now - startedAt, warmingAnswers, longestCheckMs };
    warmingAnswers += 1;
    longestCheckMs = Math.max(longestCheckMs, now - checkStarted);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`health was not ok within ${START_DEADLINE_MS} ms`);
}

async function coldStart(corpusDir: string, dataDir: string): Promise<ColdStart> {
  const startedAt = performance.now();
  const server = spawnServer(corpusDir, dataDir);
  try {
    const timings = await pollHealth(await server.port, startedAt);
    const indexed = server.logs.find((line) => line.includes('"event":"retrieval_indexed"')) ?? '';
    return {
      ...timings,
      indexMs: Number(/"ms":(\d+)/.exec(indexed)?.[1] ?? Number.NaN),
      snapshot: /"snapshot":"(\w+)"/.exec(indexed)?.[1] ?? 'unknown',
    };
  } finally {
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    await exited;
  }
}

function snapshotMb(dataDir: string): number {
  const dir = path.join(dataDir, 'index');
  const bytes = readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
  return bytes / 1024 / 1024;
}

/** The ~50k-section corpus as Markdown files, so the server loads it like any corpus. */
async function writeLargeCorpus(dir: string): Promise<{ corpusDir: string; sections: number }> {
  const seed = await loadCorpus({ dir: path.join(root, 'corpus'), logger: createLogger('warn') });
  const seedSections = seed.flatMap((document) => chunkDocument(document)).length;
  const copies = Math.ceil(TARGET_SECTIONS / Math.max(seedSections, 1));
  const documents = synthesizeCorpus({ seed, terms: domainGroups().flat(), copies });
  const corpusDir = path.join(dir, 'large-corpus');
  mkdirSync(corpusDir, { recursive: true });
  for (const document of documents) writeFileSync(path.join(corpusDir, `${document.id}.md`), document.text);
  return { corpusDir, sections: documents.flatMap((document) => chunkDocument(document)).length };
}

const cell = (ms: number) => `${(ms / 1000).toFixed(2).padStart(7)} s`;

function report(label: string, run: ColdStart): void {
  process.stdout.write(
    `${label.padEnd(46)} listening ${cell(run.listeningMs)}  health ok ${cell(run.okMs)}  warming answers ${String(run.warmingAnswers).padStart(4)}  longest check ${cell(run.longestCheckMs)}  index ${cell(run.indexMs)}  (snapshot ${run.snapshot})\n`,
  );
}

/** The median of each timing over runs (the slower middle one for an even count). */
function median(runs: ColdStart[]): ColdStart {
  const middle = <T>(values: T[], by: (value: T) => number) =>
    [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)] as T;
  const pick = (field: 'listeningMs' | 'okMs' | 'warmingAnswers' | 'longestCheckMs' | 'indexMs') =>
    (middle(runs, (run) => run[field]) as ColdStart)[field];
  return {
    listeningMs: pick('listeningMs'),
    okMs: pick('okMs'),
    warmingAnswers: pick('warmingAnswers'),
    longestCheckMs: pick('longestCheckMs'),
    indexMs: pick('indexMs'),
    snapshot: runs.map((run) => run.snapshot).join('/'),
  };
}

/** Each run starts on an empty DATA_DIR (no snapshot: built and written), then again on it (loaded). */
async function measureCorpus(label: string, corpusDir: string, runs: number): Promise<void> {
  const cold: ColdStart[] = [];
  const warm: ColdStart[] = [];
  let megabytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    cold.push(await coldStart(corpusDir, dataDir));
    warm.push(await coldStart(corpusDir, dataDir));
    megabytes = snapshotMb(dataDir);
  }
  const runsNote = runs > 1 ? ` (median of ${runs})` : '';
  report(`${label}, no snapshot${runsNote}`, median(cold));
  report(`${label}, with snapshot${runsNote}`, median(warm));
  process.stdout.write(`${''.padEnd(46)} snapshot ${megabytes.toFixed(1)} MB\n`);
}

const work = mkdtempSync(path.join(tmpdir(), 'aipm-cold-start-'));
try {
  buildServer();
  process.stdout.write(
    `cold start: node dist/server/index.js, spawn → /api/health (polled every ${POLL_MS} ms)\n`,
  );
  await measureCorpus('default corpus', path.join(root, 'corpus'), DEFAULT_RUNS);
  if (process.env.BENCH_ONLY !== 'default') {
    const large = await writeLargeCorpus(work);
    await measureCorpus(`~50k sections (${large.sections})`, large.corpusDir, 1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
