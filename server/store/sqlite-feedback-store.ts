import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { normalizeQuestion } from './eval-candidates.js';
import {
  flagRows,
  type RatingFields,
  ratingFields,
  sameRating,
  storable,
  storedCitations,
} from './feedback-rows.js';
import type {
  FeedbackStore,
  GapRecord,
  NewShare,
  SavedCitationFlags,
  SavedFeedback,
  StoredShare,
} from './feedback-store.js';
import { migrate } from './migrations.js';
import { createFileGuard } from './sqlite-file-guard.js';
import { openSqliteReads } from './sqlite-insights.js';

export const DATABASE_FILE_NAME = 'aipm-guide.sqlite';
const BUSY_TIMEOUT_MS = 5_000;

export interface SqliteFeedbackStoreOptions {
  /** Directory holding the database file; created when missing. */
  dataDir: string;
  logger: Logger;
  /** The clock stamped on new rows; injectable so tests can order rows without sleeping. */
  now?: () => Date;
}

const SQL = {
  selectRating: 'SELECT rating, reasons, comment, truncated FROM feedback WHERE id = ?',
  insertFeedback: `
    INSERT INTO feedback (id, message_id, rating, reasons, comment, question, answer, mode, model, citations,
      truncated, created_at, updated_at, app_version)
    VALUES (@id, @messageId, @rating, @reasons, @comment, @question, @answer, @mode, @model, @citations,
      @truncated, @now, @now, @appVersion)`,
  updateRating: `
    UPDATE feedback SET rating = @rating, reasons = @reasons, comment = @comment, truncated = @truncated,
      updated_at = @now
    WHERE id = @id`,
  insertFlag: `
    INSERT INTO citation_flags (message_id, n, sentence, citation_id, headings, question, mode, model,
      created_at, app_version)
    VALUES (@messageId, @n, @sentence, @citationId, @headings, @question, @mode, @model, @now, @appVersion)
    ON CONFLICT DO NOTHING`,
  insertGap: `
    INSERT INTO gaps (id, question, normalized_question, mode, nearest, request_id, created_at)
    VALUES (@id, @question, @normalizedQuestion, @mode, @nearest, @requestId, @now)`,
  insertShare: `
    INSERT INTO shares (id, delete_token_hash, snapshot, created_at) VALUES (@id, @deleteTokenHash, @snapshot, @now)`,
  selectShare: 'SELECT id, delete_token_hash, snapshot, created_at FROM shares WHERE id = ?',
  deleteShare: 'DELETE FROM shares WHERE id = ?',
} as const;

/** The database file in `dataDir` (created when missing), at the latest schema; closed again if opening fails. */
function openMigratedDatabase(file: string, logger: Logger): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    configure(db);
    const schemaVersion = migrate(db, logger);
    logger.info('store_opened', { backend: 'sqlite', file, schemaVersion });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database.Database): void {
  // Reading the header and schema here is what turns a corrupt, truncated or foreign file into an error at start.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
}

const storedRating = (row: {
  rating: string;
  reasons: string;
  comment: string | null;
  truncated: number | null;
}) =>
  ({
    rating: row.rating,
    reasons: JSON.parse(row.reasons),
    comment: row.comment,
    truncated: row.truncated === null ? null : row.truncated === 1,
  }) as RatingFields;

interface ShareRow {
  id: string;
  delete_token_hash: string;
  snapshot: string;
  created_at: string;
}

const shareFromRow = (row: ShareRow): StoredShare => ({
  id: row.id,
  deleteTokenHash: row.delete_token_hash,
  snapshot: JSON.parse(row.snapshot) as StoredShare['snapshot'],
  createdAt: row.created_at,
});

const sqliteBoolean = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

/**
 * The SQLite FeedbackStore: one file in `dataDir`, schema migrated on open. Each write is one transaction that
 * resolves only after its commit is on disk, inside a guard that refuses to acknowledge into a deleted or
 * replaced file.
 */
export function openSqliteFeedbackStore(options: SqliteFeedbackStoreOptions): FeedbackStore {
  const { logger } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const file = path.join(options.dataDir, DATABASE_FILE_NAME);
  const db = openMigratedDatabase(file, logger);
  const guard = createFileGuard(file, logger);
  const statement = Object.fromEntries(
    Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<keyof typeof SQL, Database.Statement>;
  const reads = openSqliteReads(db);

  const saveFeedback = db.transaction((feedback: SavedFeedback, at: string) => {
    const incoming = ratingFields(feedback);
    const values = {
      ...incoming,
      id: feedback.id,
      reasons: JSON.stringify(incoming.reasons),
      truncated: sqliteBoolean(incoming.truncated),
      now: at,
    };
    const existing = statement.selectRating.get(feedback.id) as
      | Parameters<typeof storedRating>[0]
      | undefined;
    if (!existing) {
      statement.insertFeedback.run({
        ...values,
        messageId: feedback.messageId,
        question: feedback.question,
        answer: feedback.answer,
        mode: feedback.mode,
        model: feedback.model ?? null,
        citations: JSON.stringify(storedCitations(feedback.citations, feedback.citationHeadings)),
        appVersion: feedback.appVersion,
      });
      return { created: true, updated: false };
    }
    if (sameRating(storedRating(existing), incoming)) return { created: false, updated: false };
    statement.updateRating.run(values);
    return { created: false, updated: true };
  });
  const saveFlags = db.transaction((report: SavedCitationFlags, at: string) => {
    let created = 0;
    for (const row of flagRows(report)) {
      created += statement.insertFlag.run({
        ...row,
        headings: JSON.stringify(row.headings),
        now: at,
      }).changes;
    }
    return { created };
  });

  return {
    async saveFeedback(feedback) {
      return guard.run(() => saveFeedback.immediate(storable(feedback), now()));
    },
    async saveCitationFlags(report) {
      return guard.run(() => saveFlags.immediate(storable(report), now()));
    },
    async logGap(input: GapRecord) {
      const gap = storable(input);
      guard.run(() =>
        statement.insertGap.run({
          id: randomUUID(),
          question: gap.question,
          normalizedQuestion: normalizeQuestion(gap.question),
          mode: gap.mode,
          nearest: JSON.stringify(gap.nearest),
          requestId: gap.requestId ?? null,
          now: now(),
        }),
      );
    },
    async insights(range) {
      return guard.run(() => reads.insights(range));
    },
    async exportCandidates() {
      return guard.run(() => reads.evalCandidates());
    },
    async exportFeedback(page) {
      return guard.run(() => reads.feedbackPage(page));
    },
    async saveShare(share: NewShare) {
      guard.run(() =>
        statement.insertShare.run({
          id: share.id,
          deleteTokenHash: share.deleteTokenHash,
          snapshot: JSON.stringify(storable(share.snapshot)),
          now: now(),
        }),
      );
    },
    async readShare(id) {
      const row = guard.run(() => statement.selectShare.get(id)) as ShareRow | undefined;
      return row ? shareFromRow(row) : null;
    },
    async deleteShare(id) {
      return guard.run(() => statement.deleteShare.run(id).changes === 1);
    },
    async status() {
      return db.open && guard.healthy() ? 'ok' : 'down';
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
