import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { normalizeQuestion } from './eval-candidates.js';
import type { FeedbackStore, GapRecord } from './feedback-store.js';
import { migrate } from './migrations.js';
import { readEvalCandidates, readInsights } from './sqlite-insights.js';

export const DATABASE_FILE_NAME = 'aipm-guide.sqlite';
const BUSY_TIMEOUT_MS = 5_000;

export interface SqliteFeedbackStoreOptions {
  /** Directory holding the database file; created when missing. */
  dataDir: string;
  logger: Logger;
  /** The clock stamped on new rows; injectable so tests can order rows without sleeping. */
  now?: () => Date;
}

type SavedFeedback = Parameters<FeedbackStore['saveFeedback']>[0];

const INSERT_FEEDBACK_SQL = `
  INSERT INTO feedback (id, message_id, rating, reasons, comment, question, answer, mode, model, citations,
    citation_flags, created_at, app_version)
  VALUES (@id, @messageId, @rating, @reasons, @comment, @question, @answer, @mode, @model, @citations,
    @citationFlags, @createdAt, @appVersion)
  ON CONFLICT (id) DO NOTHING`;

const INSERT_GAP_SQL = `
  INSERT INTO gaps (id, question, normalized_question, mode, nearest, request_id, created_at)
  VALUES (@id, @question, @normalizedQuestion, @mode, @nearest, @requestId, @createdAt)`;

function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  // WAL keeps readers off the writer's back; FULL fsyncs every commit, so an acknowledged 👎 survives a power cut.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/** The database file in `dataDir` (created when missing), at the latest schema; closed again if migrating fails. */
function openMigratedDatabase(dataDir: string, logger: Logger): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const db = openDatabase(file);
  try {
    const schemaVersion = migrate(db, logger);
    logger.info('store_opened', { file, schemaVersion });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function feedbackRow(feedback: SavedFeedback, createdAt: string) {
  const citations = [...feedback.citations]
    .sort((a, b) => a.n - b.n)
    .map((citation) => ({ ...citation, headings: feedback.citationHeadings[citation.id] ?? [] }));
  return {
    id: feedback.id,
    messageId: feedback.messageId,
    rating: feedback.rating,
    reasons: JSON.stringify(feedback.reasons ?? []),
    comment: feedback.comment ?? null,
    question: feedback.question,
    answer: feedback.answer,
    mode: feedback.mode,
    model: feedback.model ?? null,
    citations: JSON.stringify(citations),
    citationFlags: JSON.stringify(feedback.citationFlags ?? []),
    createdAt,
    appVersion: feedback.appVersion,
  };
}

/**
 * The SQLite FeedbackStore: one file in `dataDir`, schema migrated on open.
 *
 * Every write is a single autocommit statement, so a method resolves only after its commit is on disk.
 * A Postgres adapter implements the same five methods: `saveFeedback` maps to
 * `INSERT … ON CONFLICT (id) DO NOTHING RETURNING id`, and the insight queries use only portable SQL
 * apart from `json_each` (→ `jsonb_array_elements_text`).
 */
export function openSqliteFeedbackStore(options: SqliteFeedbackStoreOptions): FeedbackStore {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const db = openMigratedDatabase(options.dataDir, logger);
  const insertFeedback = db.prepare(INSERT_FEEDBACK_SQL);
  const insertGap = db.prepare(INSERT_GAP_SQL);

  return {
    async saveFeedback(feedback) {
      const result = insertFeedback.run(feedbackRow(feedback, now().toISOString()));
      return { created: result.changes === 1 };
    },
    async logGap(gap: GapRecord) {
      insertGap.run({
        id: randomUUID(),
        question: gap.question,
        normalizedQuestion: normalizeQuestion(gap.question),
        mode: gap.mode,
        nearest: JSON.stringify(gap.nearest),
        requestId: gap.requestId ?? null,
        createdAt: now().toISOString(),
      });
    },
    async insights() {
      return readInsights(db);
    },
    async exportCandidates() {
      return readEvalCandidates(db);
    },
    close() {
      if (db.open) db.close();
    },
  };
}
