/**
 * Where a warm-up holds the event loop: each stage of building the retriever for ~50k synthetic sections, run
 * in process, with its time and the longest stretch in it during which a timer could not fire (what a health
 * check waits at most). Prints only; asserts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { createLogger } from '../server/logger.js';
import { alignEditions, preferQuestionEdition } from '../server/retrieval/align-editions.js';
import { chunkDocument, isEmptySection } from '../server/retrieval/chunk-markdown.js';
import { documentLanguage } from '../server/retrieval/create-retriever.js';
import { buildTranslator } from '../server/retrieval/cross-lingual.js';
import { readSnapshot, snapshotKey, writeSnapshot } from '../server/retrieval/index-snapshot.js';
import { loadCorpus } from '../server/retrieval/load-corpus.js';
import { headingTopic } from '../server/retrieval/markdown.js';
import { createOramaIndex } from '../server/retrieval/orama-index.js';
import { mapPaced } from '../server/retrieval/pacer.js';
import { buildGuideViews } from '../server/retrieval/section-view.js';
import { termSet } from '../server/retrieval/text.js';
import { createVocabulary, domainGroups } from '../server/retrieval/vocabulary.js';
import { root } from './bench-root.js';
import { synthesizeCorpus } from './synthesize-corpus.js';

const TARGET_SECTIONS = 50_000;
const TICK_MS = 5;

/** The longest garbage-collection pause since the last call: part of a hold that no pacing removes. */
let longestGc = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
}).observe({ entryTypes: ['gc'] });

/** Runs one stage with a timer ticking beside it: the widest gap between ticks is the longest hold. */
async function stage<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  let last = performance.now();
  let longest = 0;
  longestGc = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  longest = Math.max(longest, performance.now() - last - TICK_MS);
  clearInterval(timer);
  process.stdout.write(
    `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(6)} s   longest hold ${(longest / 1000).toFixed(2).padStart(6)} s   longest GC pause ${(longestGc / 1000).toFixed(2).padStart(5)} s\n`,
  );
  return value;
}

const logger = createLogger('warn');
const work = mkdtempSync(path.join(tmpdir(), 'aipm-warm-stages-'));
try {
  const seed = await loadCorpus({ dir: path.join(root, 'corpus'), logger });
  const seedSections = seed.flatMap((document) => chunkDocument(document)).length;
  const synthetic = synthesizeCorpus({
    seed,
    terms: domainGroups().flat(),
    copies: Math.ceil(TARGET_SECTIONS / Math.max(seedSections, 1)),
  });
  const corpusDir = path.join(work, 'corpus');
  const cacheDir = path.join(work, 'index');
  mkdirSync(corpusDir, { recursive: true });
  for (const document of synthetic) writeFileSync(path.join(corpusDir, `${document.id}.md`), document.text);
  process.stdout.write(
    `warm-up stages, load average ${loadavg()[0]?.toFixed(1)} (holds include other jobs taking the CPU)\n`,
  );
  await stage('load corpus (parse, fills cache)', () => loadCorpus({ dir: corpusDir, logger, cacheDir }));
  const documents = await stage('load corpus (heading cache)', () =>
    loadCorpus({ dir: corpusDir, logger, cacheDir }),
  );
  const chunked = await stage('chunk (paced)', () =>
    mapPaced(documents, (document) => chunkDocument(document)),
  );
  const chunks = await stage('align editions', () => alignEditions(documents, chunked.flat(), logger));
  const indexed = chunks.filter((chunk) => !isEmptySection(chunk));
  process.stdout.write(`${documents.length} documents, ${chunks.length} chunks, ${indexed.length} indexed\n`);
  const key = await stage('snapshot key', () => snapshotKey(documents, domainGroups()));
  const index = await stage('build index', () => createOramaIndex(indexed));
  const saved = await stage('save (index.snapshot())', () => index.snapshot());
  await stage('languages, heading tokens (paced)', async () => {
    await mapPaced(documents, (document) => documentLanguage(document));
    await mapPaced(indexed, (chunk) => termSet(headingTopic(chunk.headings.at(-1) ?? '')));
  });
  await stage('vocabulary', () => createVocabulary(domainGroups()));
  await stage('edition chooser, chunk ids', () => {
    preferQuestionEdition(indexed);
    new Map(chunks.map((chunk) => [chunk.id, chunk]));
  });
  await stage('write snapshot', () => writeSnapshot(cacheDir, key, saved, logger));
  const read = await stage('read snapshot', () => readSnapshot(cacheDir, key, logger));
  await stage('load index from snapshot', () => createOramaIndex(indexed, read));
  const holds = (token: string) => index.documentFrequency(token) > 0;
  // As create-retriever's check: every character pair of the word is indexed.
  const holdsHan = (word: string) => {
    const characters = [...word];
    return characters.slice(1).every((second, at) => holds(`${characters[at]}${second}`));
  };
  await stage('translator (file read, paced)', () => buildTranslator(holds, holdsHan));
  await stage('section index, outline, compare', () => buildGuideViews(documents, chunks, () => 'zh'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
