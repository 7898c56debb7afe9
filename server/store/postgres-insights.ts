import type pg from 'pg';
import type { AnswerMode, FeedbackExportRow, FeedbackReason, InsightsReport } from '../contract.js';
import { candidateFromFeedback, candidateFromGap } from './eval-candidates.js';
import { rangeBounds, type StoredCitation } from './feedback-rows.js';
import type { DateRange, EvalCandidate, ExportCursor } from './feedback-store.js';
import {
  assembleInsights,
  LATEST_BAD_CASES,
  LATEST_FLAGS,
  TOP_FLAGGED_SECTIONS,
  TOP_GAPS,
  withTruncated,
} from './insights-shape.js';

// $1, $2: the half-open range as ISO instants, or null. Text is compared with COLLATE "C" so that ordering
// (and the export's keyset) matches SQLite's byte order whatever the database's locale.
const IN_RANGE =
  '($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)';
const ANSWERS = `answers AS (
  SELECT * FROM (
    SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.message_id ORDER BY f.updated_at DESC, f.seq DESC) AS pick
    FROM feedback f) AS picked
  WHERE pick = 1 AND ${IN_RANGE})`;
const RANGED = (table: string) => `ranged_${table} AS (SELECT * FROM ${table} WHERE ${IN_RANGE})`;
const DAY = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

const GAP_GROUPS = `WITH ${RANGED('gaps')}
  SELECT g.normalized_question, COUNT(*)::int AS count, MAX(g.created_at) AS last_asked_at, MIN(g.seq) AS first_seq,
    (SELECT latest.question FROM ranged_gaps latest WHERE latest.normalized_question = g.normalized_question
      ORDER BY latest.created_at DESC, latest.seq DESC LIMIT 1) AS question,
    (SELECT latest.nearest FROM ranged_gaps latest WHERE latest.normalized_question = g.normalized_question
      ORDER BY latest.nearest = '[]'::jsonb, latest.created_at DESC, latest.seq DESC LIMIT 1) AS nearest
  FROM ranged_gaps g GROUP BY g.normalized_question`;

const SQL = {
  totals: `WITH ${ANSWERS}, ${RANGED('gaps')}, ${RANGED('citation_flags')}
    SELECT COUNT(*)::int AS feedback, (COUNT(*) FILTER (WHERE rating = 'up'))::int AS up,
      (COUNT(*) FILTER (WHERE rating = 'down'))::int AS down,
      (SELECT COUNT(*)::int FROM ranged_gaps) AS gaps, (SELECT COUNT(*)::int FROM ranged_citation_flags) AS flags
    FROM answers`,
  byMode: `WITH ${ANSWERS} SELECT mode, COUNT(*)::int AS total, (COUNT(*) FILTER (WHERE rating = 'down'))::int AS down
    FROM answers GROUP BY mode`,
  topReasons: `WITH ${ANSWERS}
    SELECT reason, COUNT(*)::int AS count FROM answers CROSS JOIN LATERAL jsonb_array_elements_text(answers.reasons)
      AS reason
    WHERE answers.rating = 'down' GROUP BY reason ORDER BY count DESC, reason COLLATE "C" ASC`,
  badCases: `WITH ${ANSWERS}
    SELECT * FROM answers WHERE rating = 'down' ORDER BY created_at DESC, seq DESC LIMIT ${LATEST_BAD_CASES}`,
  topGaps: `${GAP_GROUPS} ORDER BY count DESC, last_asked_at DESC LIMIT ${TOP_GAPS}`,
  answersByDay: `WITH ${ANSWERS}
    SELECT ${DAY} AS date, COUNT(*)::int AS answers, (COUNT(*) FILTER (WHERE rating = 'down'))::int AS down
    FROM answers GROUP BY date`,
  gapsByDay: `WITH ${RANGED('gaps')} SELECT ${DAY} AS date, COUNT(*)::int AS count FROM ranged_gaps GROUP BY date`,
  latestFlags: `WITH ${RANGED('citation_flags')}
    SELECT * FROM ranged_citation_flags ORDER BY created_at DESC, seq DESC LIMIT ${LATEST_FLAGS}`,
  topFlagged: `WITH ${RANGED('citation_flags')}
    SELECT f.citation_id, COUNT(*)::int AS count,
      (SELECT latest.headings FROM ranged_citation_flags latest WHERE latest.citation_id = f.citation_id
        ORDER BY latest.created_at DESC, latest.seq DESC LIMIT 1) AS headings
    FROM ranged_citation_flags f WHERE f.citation_id IS NOT NULL
    GROUP BY f.citation_id ORDER BY count DESC, f.citation_id COLLATE "C" ASC LIMIT ${TOP_FLAGGED_SECTIONS}`,
  downForCandidates: `WITH ${ANSWERS} SELECT * FROM answers WHERE rating = 'down' ORDER BY created_at ASC, seq ASC`,
  gapsForCandidates: `${GAP_GROUPS} ORDER BY first_seq ASC`,
  feedbackPage: `WITH ${ANSWERS}
    SELECT * FROM answers
    WHERE $3::timestamptz IS NULL OR (created_at, id COLLATE "C") > ($3::timestamptz, $4::text COLLATE "C")
    ORDER BY created_at ASC, id COLLATE "C" ASC LIMIT $5`,
} as const;

/** A feedback row as pg returns it: jsonb parsed, timestamps as Date. */
interface FeedbackRow {
  id: string;
  message_id: string;
  rating: 'up' | 'down';
  reasons: FeedbackReason[];
  comment: string | null;
  question: string;
  answer: string;
  mode: AnswerMode;
  model: string | null;
  citations: StoredCitation[];
  truncated: boolean | null;
  created_at: Date;
  updated_at: Date;
  app_version: string;
}

interface GapGroupRow {
  normalized_question: string;
  question: string;
  count: number;
  last_asked_at: Date;
  nearest: Array<{ id: string }>;
}

interface FlagRow {
  message_id: string;
  n: number;
  sentence: string;
  citation_id: string | null;
  headings: string[];
  question: string;
  mode: AnswerMode;
  created_at: Date;
}

function exportRow(row: FeedbackRow): FeedbackExportRow {
  return {
    id: row.id,
    messageId: row.message_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    rating: row.rating,
    reasons: row.reasons,
    comment: row.comment,
    question: row.question,
    answer: row.answer,
    mode: row.mode,
    model: row.model,
    truncated: row.truncated,
    citations: row.citations,
    appVersion: row.app_version,
  };
}

function badCase(row: FeedbackRow): InsightsReport['latestBadCases'][number] {
  const { id, createdAt, question, answer, mode, model, reasons, comment, citations } = exportRow(row);
  return withTruncated(
    { id, createdAt, question, answer, mode, model, reasons, comment, citations },
    row.truncated,
  );
}

const flagInsight = (row: FlagRow): InsightsReport['flags']['latest'][number] => ({
  messageId: row.message_id,
  n: row.n,
  citationId: row.citation_id,
  headings: row.headings,
  sentence: row.sentence,
  question: row.question,
  mode: row.mode,
  createdAt: row.created_at.toISOString(),
});

/** Runs `read` in one read-only snapshot, so totals and lists of one dashboard agree with each other. */
async function inSnapshot<Result>(pool: pg.Pool, read: (client: pg.PoolClient) => Promise<Result>) {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await read(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}

/** The read side of the Postgres store, query for query the same as SQLite's. */
export function openPostgresReads(pool: pg.Pool) {
  const insights = (range: DateRange = {}) =>
    inSnapshot(pool, async (client): Promise<InsightsReport> => {
      const { from, to } = rangeBounds(range);
      const all = async <Row extends pg.QueryResultRow>(name: keyof typeof SQL) =>
        (await client.query<Row>(SQL[name], [from, to])).rows;
      const [totals] = await all<InsightsReport['totals'] & { flags: number }>('totals');
      const { flags: flagTotal = 0, ...answerTotals } = totals ?? { feedback: 0, up: 0, down: 0, gaps: 0 };
      return assembleInsights(
        {
          totals: answerTotals,
          byMode: await all('byMode'),
          topReasons: await all('topReasons'),
          latestBadCases: (await all<FeedbackRow>('badCases')).map(badCase),
          topGaps: (await all<GapGroupRow>('topGaps')).map((row) => ({
            question: row.question,
            count: row.count,
            lastAskedAt: row.last_asked_at.toISOString(),
          })),
          answersByDay: await all('answersByDay'),
          gapsByDay: await all('gapsByDay'),
          flags: {
            total: flagTotal,
            latest: (await all<FlagRow>('latestFlags')).map(flagInsight),
            topSections: (
              await all<{ citation_id: string; count: number; headings: string[] }>('topFlagged')
            ).map((row) => ({ citationId: row.citation_id, headings: row.headings, count: row.count })),
          },
        },
        range,
      );
    });

  const evalCandidates = () =>
    inSnapshot(pool, async (client): Promise<EvalCandidate[]> => {
      const feedback = (await client.query<FeedbackRow>(SQL.downForCandidates, [null, null])).rows.map(
        (row) =>
          candidateFromFeedback({
            id: row.id,
            question: row.question,
            mode: row.mode,
            reasons: row.reasons,
            comment: row.comment,
            citationIds: row.citations.map((citation) => citation.id),
          }),
      );
      const gaps = (await client.query<GapGroupRow>(SQL.gapsForCandidates, [null, null])).rows.map((row) =>
        candidateFromGap({
          normalizedQuestion: row.normalized_question,
          question: row.question,
          count: row.count,
          nearestIds: row.nearest.map((section) => section.id),
        }),
      );
      return [...feedback, ...gaps];
    });

  const feedbackPage = async (page: { range?: DateRange; after?: ExportCursor; limit: number }) => {
    const { from, to } = rangeBounds(page.range);
    const params = [from, to, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit];
    return (await pool.query<FeedbackRow>(SQL.feedbackPage, params)).rows.map(exportRow);
  };

  return { insights, evalCandidates, feedbackPage };
}
