import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { normalizeQuestion } from './eval-candidates.js';
import { flagRows, ratingFields, storable, storedCitations } from './feedback-rows.js';
import type {
  GapRecord,
  NewShare,
  SavedCitationFlags,
  SavedFeedback,
  StoredShare,
} from './feedback-store.js';

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

const sentenceHash = (sentence: string) => createHash('sha256').update(sentence).digest('hex');

export async function saveFeedbackRow(pool: pg.Pool, input: SavedFeedback, at: string) {
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
    at,
    feedback.appVersion,
  ]);
  const row = result.rows[0];
  return { created: row?.created === true, updated: row?.created === false };
}

/** All flags of a report in one statement: either every new one is stored, or none. */
export async function saveFlagRows(pool: pg.Pool, report: SavedCitationFlags, at: string) {
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
  const result = await pool.query(SAVE_FLAGS_SQL, [JSON.stringify(rows), at]);
  return { created: result.rowCount ?? 0 };
}

export async function insertGap(pool: pg.Pool, input: GapRecord, at: string): Promise<void> {
  const gap = storable(input);
  await pool.query(INSERT_GAP_SQL, [
    randomUUID(),
    gap.question,
    normalizeQuestion(gap.question),
    gap.mode,
    JSON.stringify(gap.nearest),
    gap.requestId ?? null,
    at,
  ]);
}

export async function insertShare(pool: pg.Pool, share: NewShare, at: string): Promise<void> {
  await pool.query(
    'INSERT INTO shares (id, delete_token_hash, snapshot, created_at) VALUES ($1, $2, $3, $4)',
    [share.id, share.deleteTokenHash, JSON.stringify(storable(share.snapshot)), at],
  );
}

export async function selectShare(pool: pg.Pool, id: string): Promise<StoredShare | null> {
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
}

export async function deleteShareRow(pool: pg.Pool, id: string): Promise<boolean> {
  const result = await pool.query('DELETE FROM shares WHERE id = $1', [id]);
  return result.rowCount === 1;
}

/** `SELECT 1` within `timeoutMs`, else down: health must answer even when the server hangs. */
export async function ping(pool: pg.Pool, timeoutMs: number): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  const answered = pool.query('SELECT 1').then(
    () => 'ok' as const,
    () => 'down' as const,
  );
  return Promise.race([answered, timeout]).finally(() => clearTimeout(timer));
}
