/**
 * What every hostile probe shares: the row it returns, the defaults its figures quote, the question it asks,
 * bounded waits and request pools, and the two readings of the server's state it reports (health, database size).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { DATABASE_FILE_NAME } from '../server/store/sqlite-feedback-store.js';
import { failureName } from './timed-chat.js';

/** One row of the table the bench prints. */
export interface ProbeRow {
  probe: string;
  tried: number;
  statuses: string;
  serving: string;
  figures: string;
}

/** The limits a probe meets unless it sets its own: its figures name them. */
export const DEFAULTS = loadConfig({});
export const QUESTION = 'How should a team measure an AI feature after launch?';
/** /api/health sampled every 5 ms while a heavy request runs. */
export const HEALTH_EVERY = { everyMs: 5, timeoutMs: 30_000 };

export const ms = (value: number) => `${value.toFixed(0)} ms`;
export const longest = (values: number[]) => ms(Math.max(0, ...values));
export const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
export const sleep = (value: number) => new Promise((resolve) => setTimeout(resolve, value));

/** Polls `condition` every `everyMs` until it holds or `limitMs` has passed. */
export async function waitFor(condition: () => boolean, limitMs: number, everyMs = 50): Promise<void> {
  for (const startedAt = performance.now(); !condition() && performance.now() - startedAt < limitMs; )
    await sleep(everyMs);
}

/** The "kept serving" column: one /api/health after the probe. */
export async function health(base: string): Promise<string> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { status?: string; store?: string };
    const store = body.store && body.store !== 'up' ? `, store ${body.store}` : '';
    return `${response.status === 200 ? 'yes' : 'no'} (${response.status} ${body.status} ${ms(performance.now() - startedAt)}${store})`;
  } catch (error) {
    return `no (${failureName(error)})`;
  }
}

/** Runs `work(index)` for indices 0…count-1, `concurrency` at a time, until `count` or `until()` says stop. */
export async function pool(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
  until: () => boolean = () => false,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count && !until()) await work(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return next;
}

/** The SQLite database file and its WAL and shared-memory companions. */
export const databaseFiles = (dataDir: string) =>
  ['', '-wal', '-shm'].map((suffix) => `${path.join(dataDir, DATABASE_FILE_NAME)}${suffix}`);

/** Bytes of the SQLite database with its WAL and shared-memory files. */
export function databaseBytes(dataDir: string): number {
  return databaseFiles(dataDir).reduce(
    (total, name) => total + (existsSync(name) ? statSync(name).size : 0),
    0,
  );
}
