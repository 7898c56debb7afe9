import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
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
  GapRecord,
  NewShare,
  SavedCitationFlags,
  SavedFeedback,
  StoredShare,
} from './feedback-store.js';

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
 * The SQLite write side. Each method is one immediate transaction or one autocommit statement, so it returns
 * only after its commit; values pass through `storable` exactly as in the Postgres store.
 */
export function openSqliteWrites(db: Database.Database) {
  const statement = Object.fromEntries(
    Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<keyof typeof SQL, Database.Statement>;

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
    saveFeedback: (feedback: SavedFeedback, at: string) => saveFeedback.immediate(storable(feedback), at),
    saveFlags: (report: SavedCitationFlags, at: string) => saveFlags.immediate(storable(report), at),
    logGap(input: GapRecord, at: string) {
      const gap = storable(input);
      statement.insertGap.run({
        id: randomUUID(),
        question: gap.question,
        normalizedQuestion: normalizeQuestion(gap.question),
        mode: gap.mode,
        nearest: JSON.stringify(gap.nearest),
        requestId: gap.requestId ?? null,
        now: at,
      });
    },
    saveShare(share: NewShare, at: string) {
      statement.insertShare.run({
        id: share.id,
        deleteTokenHash: share.deleteTokenHash,
        snapshot: JSON.stringify(storable(share.snapshot)),
        now: at,
      });
    },
    readShare(id: string): StoredShare | null {
      const row = statement.selectShare.get(id) as ShareRow | undefined;
      return row ? shareFromRow(row) : null;
    },
    deleteShare: (id: string) => statement.deleteShare.run(id).changes === 1,
  };
}
