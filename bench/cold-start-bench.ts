/**
 * Cold start of the production server (`node dist/server/index.js`, built first), for the default corpus and
 * ~50k synthetic sections, first without a snapshot in DATA_DIR (the start builds the index and writes one),
 * then with it: spawn → the `server_listening` log line, → the first /api/health answer (maybe `warming`),
 * → /api/health 200 `ok`, and the server's own index build or load time. Also the longest single health check
 * while warming (how long the event loop was held) and health checks that failed (counted, not thrown); a start
 * that never reaches `ok` is reported with the child's exit code and stderr tail. Prints only; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../server/logger.js';
import { chunkDocument } from '../server/retrieval/chunk-markdown.js';
import { loadCorpus } from '../server/retrieval/load-corpus.js';
import { domainGroups } from '../server/retrieval/vocabulary.js';
import { root } from './bench-root.js';
import { type ColdStart, coldStart, POLL_MS } from './cold-start-process.js';
import { synthesizeCorpus } from './synthesize-corpus.js';
import { tally } from './timed-chat.js';

const TARGET_SECTIONS = 50_000;
const ENTRY = path.join(root, 'dist/server/index.js');
const DEFAULT_RUNS = 3;
/** Per start; the ~50k build takes minutes on 2 shared cores, and the bench must end by itself. */
const DEADLINE_MS = { default: 60_000, large: 600_000 };

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

function serverEnv(corpusDir: string, dataDir: string): NodeJS.ProcessEnv {
  return {
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
  };
}

function snapshotMb(dataDir: string): number {
  const dir = path.join(dataDir, 'index');
  if (!existsSync(dir)) return 0;
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

const cell = (ms: number) => (Number.isNaN(ms) ? '      — ' : `${(ms / 1000).toFixed(2).padStart(7)} s`);

function report(label: string, run: ColdStart): void {
  const failed = run.failedChecks.length === 0 ? '' : `  failed checks ${tally(run.failedChecks)}`;
  process.stdout.write(
    `${label.padEnd(46)} listening ${cell(run.listeningMs)}  first health answer ${cell(run.firstAnswerMs)}  health ok ${cell(run.okMs)}  index ${cell(run.indexMs)} (snapshot ${run.snapshot})  warming answers ${String(run.warmingAnswers).padStart(4)}  longest check ${cell(run.longestCheckMs)}${failed}\n`,
  );
  if (run.failure) {
    const { reason, exit, stderrTail } = run.failure;
    const ended = exit
      ? `exit code ${exit.code ?? '—'}, signal ${exit.signal ?? '—'}`
      : 'still running, stopped';
    process.stdout.write(`${''.padEnd(46)} did not reach ok: ${reason} (${ended}); stderr tail:\n`);
    for (const line of stderrTail) process.stdout.write(`${''.padEnd(48)}${line.slice(0, 300)}\n`);
  }
}

/** The median of each timing over the runs that reached `ok` (the slower middle one for an even count). */
function median(runs: ColdStart[]): ColdStart | undefined {
  const done = runs.filter((run) => !run.failure);
  const first = done[0];
  if (!first) return undefined;
  const pick = (
    field: 'listeningMs' | 'firstAnswerMs' | 'okMs' | 'warmingAnswers' | 'longestCheckMs' | 'indexMs',
  ) => ([...done].sort((a, b) => a[field] - b[field])[Math.floor(done.length / 2)] ?? first)[field];
  return {
    listeningMs: pick('listeningMs'),
    firstAnswerMs: pick('firstAnswerMs'),
    okMs: pick('okMs'),
    warmingAnswers: pick('warmingAnswers'),
    longestCheckMs: pick('longestCheckMs'),
    indexMs: pick('indexMs'),
    failedChecks: done.flatMap((run) => run.failedChecks),
    snapshot: done.map((run) => run.snapshot).join('/'),
  };
}

function reportAll(label: string, runs: ColdStart[]): void {
  const middle = median(runs);
  const note = runs.length > 1 ? ` (median of ${runs.filter((run) => !run.failure).length} ok)` : '';
  if (middle && runs.length > 1) report(`${label}${note}`, middle);
  for (const run of runs.filter((each) => runs.length === 1 || each.failure)) report(label, run);
}

/** Each run starts on an empty DATA_DIR (no snapshot: built and written), then again on it (loaded). */
async function measureCorpus(
  label: string,
  corpusDir: string,
  runs: number,
  deadlineMs: number,
): Promise<void> {
  const cold: ColdStart[] = [];
  const warm: ColdStart[] = [];
  let megabytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    const launch = { entry: ENTRY, cwd: root, env: serverEnv(corpusDir, dataDir), deadlineMs };
    const built = await coldStart(launch);
    cold.push(built);
    // A start that never got to `ok` wrote no snapshot: a second one would only build again.
    if (!built.failure) warm.push(await coldStart(launch));
    megabytes = snapshotMb(dataDir);
  }
  reportAll(`${label}, no snapshot`, cold);
  if (warm.length > 0) reportAll(`${label}, with snapshot`, warm);
  else
    process.stdout.write(
      `${label}, with snapshot: not measured (no start reached ok, so none was written)\n`,
    );
  process.stdout.write(`${''.padEnd(46)} snapshot ${megabytes.toFixed(1)} MB\n`);
}

const work = mkdtempSync(path.join(tmpdir(), 'aipm-cold-start-'));
try {
  buildServer();
  process.stdout.write(
    `cold start: node dist/server/index.js, spawn → server_listening log → first /api/health answer → /api/health ok (polled every ${POLL_MS} ms); machine load average ${loadavg()[0]?.toFixed(1)} at start\n`,
  );
  if (process.env.BENCH_ONLY !== 'large') {
    await measureCorpus('default corpus', path.join(root, 'corpus'), DEFAULT_RUNS, DEADLINE_MS.default);
  }
  if (process.env.BENCH_ONLY !== 'default') {
    const large = await writeLargeCorpus(work);
    await measureCorpus(`~50k sections (${large.sections})`, large.corpusDir, 1, DEADLINE_MS.large);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
