import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { normalizeQuestion } from './eval-candidates.js';
import { flagRows, ratingFields, storable, storedCitations } from './feedback-rows.js';
import type { FeedbackStore, StoredShare } from './feedback-store.js';
import { openPostgresReads } from './postgres-insights.js';
import { migratePostgres } from './postgres-migrations.js';

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

// One statement per write: autocommit returns only after the commit (synchronous_commit on) is flushed.
// `xmax = 0` is true only for a freshly inserted row; no row comes back when the replay changed nothing.
const SAVE_FEEDBACK_SQL = `
  INSERT INTO feedback (id, message_id, rating, reasons, comment, question, answer, mode, model, citations,
    truncated, created_at, updated_at, app_version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)
  ON CONFLICT (id) DO UPDATE SET rating = EXCLUDED.rating, reasons = EXCLUDED.reasons,
    comment = EXCLUDED.comment, truncated = EXCLUDED.truncated, updated_at = EXCLUDED.updated_at
  WHERE (feedback.rating, feedback.reasons, feedback.comment, feedback.truncated)
    IS DISTINCT FROM (EXCLUDED.rating, EXCLUDED.reasons, EXCLUDED.comment, EXCLUDED.truncated)
  RETURNING (xmax = 0) AS created`;

const SAVE_FLAGS_SQL = `
  INSERT INTO citation_flags (message_id, n, sentence_hash, sentence, citation_id, headings, question, mode, model,
    created_at, app_version)
  SELECT r.message_id, r.n, r.sentence_hash, r.sentence, r.citation_id, r.headings, r.question, r.mode, r.model,
    $2, r.app_version
  FROM jsonb_to_recordset($1::jsonb) AS r(message_id text, n int, sentence_hash text, sentence text,
    citation_id text, headings jsonb, question text, mode text, model text, app_version text)
  ON CONFLICT DO NOTHING`;

const INSERT_GAP_SQL = `
  INSERT INTO gaps (id, question, normalized_question, mode, nearest, request_id, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;

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

const sentenceHash = (sentence: string) => createHash('sha256').update(sentence).digest('hex');

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

  return {
    async saveFeedback(input) {
      const feedback = storable(input);
      const fields = ratingFields(feedback);
      const citations = storedCitations(feedback.citations, feedback.citationHeadings);
      const result = await pool.query<{ created: boolean }>(SAVE_FEEDBACK_SQL, [
        feedback.id,
        feedback.messageId,
        fields.rating,
        JSON.stringify(fields.reasons),
        fields.comment,
        feedback.question,
        feedback.answer,
        feedback.mode,
        feedback.model ?? null,
        JSON.stringify(citations),
        fields.truncated,
        now(),
        feedback.appVersion,
      ]);
      const row = result.rows[0];
      return { created: row?.created === true, updated: row?.created === false };
    },
    async saveCitationFlags(report) {
      const rows = flagRows(storable(report)).map((row) => ({
        message_id: row.messageId,
        n: row.n,
        sentence_hash: sentenceHash(row.sentence),
        sentence: row.sentence,
        citation_id: row.citationId,
        headings: row.headings,
        question: row.question,
        mode: row.mode,
        model: row.model,
        app_version: row.appVersion,
      }));
      const result = await pool.query(SAVE_FLAGS_SQL, [JSON.stringify(rows), now()]);
      return { created: result.rowCount ?? 0 };
    },
    async logGap(input) {
      const gap = storable(input);
      await pool.query(INSERT_GAP_SQL, [
        randomUUID(),
        gap.question,
        normalizeQuestion(gap.question),
        gap.mode,
        JSON.stringify(gap.nearest),
        gap.requestId ?? null,
        now(),
      ]);
    },
    insights: (range) => reads.insights(range),
    exportCandidates: () => reads.evalCandidates(),
    exportFeedback: (page) => reads.feedbackPage(page),
    async saveShare(share) {
      await pool.query(
        'INSERT INTO shares (id, delete_token_hash, snapshot, created_at) VALUES ($1, $2, $3, $4)',
        [share.id, share.deleteTokenHash, JSON.stringify(storable(share.snapshot)), now()],
      );
    },
    async readShare(id) {
      const result = await pool.query<{
        id: string;
        delete_token_hash: string;
        snapshot: unknown;
        created_at: Date;
      }>('SELECT id, delete_token_hash, snapshot, created_at FROM shares WHERE id = $1', [id]);
      const row = result.rows[0];
      if (!row) return null;
      return {
        id: row.id,
        deleteTokenHash: row.delete_token_hash,
        snapshot: row.snapshot as StoredShare['snapshot'],
        createdAt: row.created_at.toISOString(),
      };
    },
    async deleteShare(id) {
      const result = await pool.query('DELETE FROM shares WHERE id = $1', [id]);
      return result.rowCount === 1;
    },
    async status() {
      if (closed) return 'down';
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'down'>((resolve) => {
        timer = setTimeout(() => resolve('down'), STATUS_TIMEOUT_MS);
      });
      const ping = pool.query('SELECT 1').then(
        () => 'ok' as const,
        () => 'down' as const,
      );
      return Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
    },
    close() {
      closed ??= pool.end().catch((error: unknown) => {
        logger.warn('store_close_failed', { error: error instanceof Error ? error.message : String(error) });
      });
      return closed;
    },
  };
}
