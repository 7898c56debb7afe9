import type Database from 'better-sqlite3';
import type { AnswerMode, FeedbackExportRow, FeedbackReason, InsightsReport } from '../contract.js';
import { candidateFromFeedback, candidateFromGap } from './eval-candidates.js';
import { rangeBounds } from './feedback-rows.js';
import type { DateRange, EvalCandidate, ExportCursor } from './feedback-store.js';
import {
  assembleInsights,
  LATEST_BAD_CASES,
  LATEST_FLAGS,
  TOP_FLAGGED_SECTIONS,
  TOP_GAPS,
  withTruncated,
} from './insights-shape.js';

// An answer counts once, as it was rated last; `seq` keeps insertion order for equal timestamps.
const ANSWERS = `answers AS (
  SELECT * FROM (
    SELECT f.rowid AS seq, f.*,
      ROW_NUMBER() OVER (PARTITION BY f.message_id ORDER BY f.updated_at DESC, f.rowid DESC) AS pick
    FROM feedback f)
  WHERE pick = 1 AND (@from IS NULL OR created_at >= @from) AND (@to IS NULL OR created_at < @to))`;
const RANGED = (table: string) =>
  `ranged_${table} AS (SELECT rowid AS seq, * FROM ${table}
    WHERE (@from IS NULL OR created_at >= @from) AND (@to IS NULL OR created_at < @to))`;

// The latest wording wins: people rephrase, and the newest phrasing is what a reviewer should see.
// The nearest sections come from the latest ask that found any.
const GAP_GROUPS = `WITH ${RANGED('gaps')}
  SELECT g.normalized_question, COUNT(*) AS count, MAX(g.created_at) AS last_asked_at, MIN(g.seq) AS first_seq,
    (SELECT latest.question FROM ranged_gaps latest WHERE latest.normalized_question = g.normalized_question
      ORDER BY latest.created_at DESC, latest.seq DESC LIMIT 1) AS question,
    (SELECT latest.nearest FROM ranged_gaps latest WHERE latest.normalized_question = g.normalized_question
      ORDER BY latest.nearest = '[]', latest.created_at DESC, latest.seq DESC LIMIT 1) AS nearest
  FROM ranged_gaps g GROUP BY g.normalized_question`;

const SQL = {
  totals: `WITH ${ANSWERS}, ${RANGED('gaps')}, ${RANGED('citation_flags')}
    SELECT COUNT(*) AS feedback, COALESCE(SUM(rating = 'up'), 0) AS up, COALESCE(SUM(rating = 'down'), 0) AS down,
      (SELECT COUNT(*) FROM ranged_gaps) AS gaps, (SELECT COUNT(*) FROM ranged_citation_flags) AS flags
    FROM answers`,
  byMode: `WITH ${ANSWERS} SELECT mode, COUNT(*) AS total, SUM(rating = 'down') AS down FROM answers GROUP BY mode`,
  topReasons: `WITH ${ANSWERS}
    SELECT reason.value AS reason, COUNT(*) AS count FROM answers, json_each(answers.reasons) AS reason
    WHERE answers.rating = 'down' GROUP BY reason.value ORDER BY count DESC, reason ASC`,
  badCases: `WITH ${ANSWERS}
    SELECT * FROM answers WHERE rating = 'down' ORDER BY created_at DESC, seq DESC LIMIT ${LATEST_BAD_CASES}`,
  topGaps: `${GAP_GROUPS} ORDER BY count DESC, last_asked_at DESC LIMIT ${TOP_GAPS}`,
  answersByDay: `WITH ${ANSWERS}
    SELECT substr(created_at, 1, 10) AS date, COUNT(*) AS answers, SUM(rating = 'down') AS down
    FROM answers GROUP BY date`,
  gapsByDay: `WITH ${RANGED('gaps')}
    SELECT substr(created_at, 1, 10) AS date, COUNT(*) AS count FROM ranged_gaps GROUP BY date`,
  latestFlags: `WITH ${RANGED('citation_flags')}
    SELECT * FROM ranged_citation_flags ORDER BY created_at DESC, seq DESC LIMIT ${LATEST_FLAGS}`,
  topFlagged: `WITH ${RANGED('citation_flags')}
    SELECT f.citation_id, COUNT(*) AS count,
      (SELECT latest.headings FROM ranged_citation_flags latest WHERE latest.citation_id = f.citation_id
        ORDER BY latest.created_at DESC, latest.seq DESC LIMIT 1) AS headings
    FROM ranged_citation_flags f WHERE f.citation_id IS NOT NULL
    GROUP BY f.citation_id ORDER BY count DESC, f.citation_id ASC LIMIT ${TOP_FLAGGED_SECTIONS}`,
  downForCandidates: `WITH ${ANSWERS} SELECT * FROM answers WHERE rating = 'down' ORDER BY created_at ASC, seq ASC`,
  gapsForCandidates: `${GAP_GROUPS} ORDER BY first_seq ASC`,
  feedbackPage: `WITH ${ANSWERS}
    SELECT * FROM answers WHERE @afterCreatedAt IS NULL OR (created_at, id) > (@afterCreatedAt, @afterId)
    ORDER BY created_at ASC, id ASC LIMIT @limit`,
} as const;

/** A feedback row as stored: JSON columns hold what the store wrote from validated requests. */
interface FeedbackRow {
  id: string;
  message_id: string;
  rating: 'up' | 'down';
  reasons: string;
  comment: string | null;
  question: string;
  answer: string;
  mode: AnswerMode;
  model: string | null;
  citations: string;
  truncated: 0 | 1 | null;
  created_at: string;
  updated_at: string;
  app_version: string;
}

interface GapGroupRow {
  normalized_question: string;
  question: string;
  count: number;
  last_asked_at: string;
  nearest: string;
}

interface FlagRow {
  message_id: string;
  n: number;
  sentence: string;
  citation_id: string | null;
  headings: string;
  question: string;
  mode: AnswerMode;
  created_at: string;
}

const parsed = <Value>(json: string) => JSON.parse(json) as Value;
const truncatedOf = (row: FeedbackRow) => (row.truncated === null ? null : row.truncated === 1);

function exportRow(row: FeedbackRow): FeedbackExportRow {
  return {
    id: row.id,
    messageId: row.message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rating: row.rating,
    reasons: parsed(row.reasons),
    comment: row.comment,
    question: row.question,
    answer: row.answer,
    mode: row.mode,
    model: row.model,
    truncated: truncatedOf(row),
    citations: parsed(row.citations),
    appVersion: row.app_version,
  };
}

function badCase(row: FeedbackRow): InsightsReport['latestBadCases'][number] {
  const { id, createdAt, question, answer, mode, model, reasons, comment, citations } = exportRow(row);
  return withTruncated(
    { id, createdAt, question, answer, mode, model, reasons, comment, citations },
    truncatedOf(row),
  );
}

function flagInsight(row: FlagRow): InsightsReport['flags']['latest'][number] {
  return {
    messageId: row.message_id,
    n: row.n,
    citationId: row.citation_id,
    headings: parsed(row.headings),
    sentence: row.sentence,
    question: row.question,
    mode: row.mode,
    createdAt: row.created_at,
  };
}

/** The read side of the SQLite store; each read runs in one transaction so its numbers agree. */
export function openSqliteReads(db: Database.Database) {
  const query = Object.fromEntries(
    Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<keyof typeof SQL, Database.Statement>;
  const all = <Row>(name: keyof typeof SQL, params: object) => query[name].all(params) as Row[];

  const insights = db.transaction((range: DateRange = {}): InsightsReport => {
    const bounds = rangeBounds(range);
    const totals = query.totals.get(bounds) as InsightsReport['totals'] & { flags: number };
    const { flags: flagTotal, ...answerTotals } = totals;
    return assembleInsights(
      {
        totals: answerTotals,
        byMode: all('byMode', bounds),
        topReasons: all<{ reason: FeedbackReason; count: number }>('topReasons', bounds),
        latestBadCases: all<FeedbackRow>('badCases', bounds).map(badCase),
        topGaps: all<GapGroupRow>('topGaps', bounds).map((row) => ({
          question: row.question,
          count: row.count,
          lastAskedAt: row.last_asked_at,
        })),
        answersByDay: all('answersByDay', bounds),
        gapsByDay: all('gapsByDay', bounds),
        flags: {
          total: flagTotal,
          latest: all<FlagRow>('latestFlags', bounds).map(flagInsight),
          topSections: all<{ citation_id: string; count: number; headings: string }>(
            'topFlagged',
            bounds,
          ).map((row) => ({ citationId: row.citation_id, headings: parsed(row.headings), count: row.count })),
        },
      },
      range,
    );
  });

  /** Every 👎 answer (oldest first), then every distinct gap (first asked first): stable order, stable ids. */
  const evalCandidates = db.transaction((): EvalCandidate[] => {
    const open = rangeBounds();
    const feedback = all<FeedbackRow>('downForCandidates', open).map((row) =>
      candidateFromFeedback({
        id: row.id,
        question: row.question,
        mode: row.mode,
        reasons: parsed(row.reasons),
        comment: row.comment,
        citationIds: parsed<Array<{ id: string }>>(row.citations).map((citation) => citation.id),
      }),
    );
    const gaps = all<GapGroupRow>('gapsForCandidates', open).map((row) =>
      candidateFromGap({
        normalizedQuestion: row.normalized_question,
        question: row.question,
        count: row.count,
        nearestIds: parsed<Array<{ id: string }>>(row.nearest).map((section) => section.id),
      }),
    );
    return [...feedback, ...gaps];
  });

  const feedbackPage = (page: { range?: DateRange; after?: ExportCursor; limit: number }) =>
    all<FeedbackRow>('feedbackPage', {
      ...rangeBounds(page.range),
      afterCreatedAt: page.after?.createdAt ?? null,
      afterId: page.after?.id ?? null,
      limit: page.limit,
    }).map(exportRow);

  return {
    insights: (range?: DateRange) => insights(range),
    evalCandidates: () => evalCandidates(),
    feedbackPage,
  };
}
