import pg from 'pg';
import type { Logger } from '../logger.js';
import type { FeedbackStore } from './feedback-store.js';
import { openPostgresReads } from './postgres-insights.js';
import { migratePostgres } from './postgres-migrations.js';
import {
  deleteShareRow,
  insertGap,
  insertShare,
  ping,
  saveFeedbackRow,
  saveFlagRows,
  selectShare,
} from './postgres-writes.js';

export interface PostgresFeedbackStoreOptions {
  /** `postgres://user:password@host:port/database`; the password never reaches a log line. */
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  logger: Logger;
  now?: () => Date;
}

/** How long `status()` waits for `SELECT 1` before calling the store down. */
const STATUS_TIMEOUT_MS = 2_000;

/** Where the store connects, for logs: host, port and database, never the credentials. */
export function describeTarget(url: string): { host: string; port: string; database: string } {
  try {
    const parsed = new URL(url);
    return {
      host: parsed.hostname,
      port: parsed.port || '5432',
      database: parsed.pathname.replace(/^\//, ''),
    };
  } catch {
    return { host: '?', port: '?', database: '?' };
  }
}

function createPool(options: PostgresFeedbackStoreOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'aipm-guide',
  });
  // An idle connection that dies (server restart, network cut) is reported here; unhandled, it would end the
  // process. The pool replaces it on the next query.
  pool.on('error', (error) => options.logger.warn('store_connection_lost', { error: error.message }));
  return pool;
}

/**
 * The Postgres FeedbackStore, for several instances sharing one database: the same behaviour as SQLite,
 * schema migrated under an advisory lock on open. Rejects when the server cannot be reached or migrated.
 */
export async function openPostgresFeedbackStore(
  options: PostgresFeedbackStoreOptions,
): Promise<FeedbackStore> {
  const { logger } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const pool = createPool(options);
  try {
    const schemaVersion = await migratePostgres(pool, logger);
    logger.info('store_opened', { backend: 'postgres', ...describeTarget(options.url), schemaVersion });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const reads = openPostgresReads(pool);
  let closed: Promise<void> | undefined;

  const at = () => now();
  return {
    saveFeedback: (feedback) => saveFeedbackRow(pool, feedback, at()),
    saveCitationFlags: (report) => saveFlagRows(pool, report, at()),
    logGap: (gap) => insertGap(pool, gap, at()),
    insights: (range) => reads.insights(range),
    exportCandidates: () => reads.evalCandidates(),
    exportFeedback: (page) => reads.feedbackPage(page),
    saveShare: (share) => insertShare(pool, share, at()),
    readShare: (id) => selectShare(pool, id),
    deleteShare: (id) => deleteShareRow(pool, id),
    status: async () => (closed ? 'down' : ping(pool, STATUS_TIMEOUT_MS)),
    close() {
      closed ??= pool.end().catch((error: unknown) => {
        logger.warn('store_close_failed', { error: error instanceof Error ? error.message : String(error) });
      });
      return closed;
    },
  };
}
