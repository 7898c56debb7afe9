import type Database from 'better-sqlite3';
import type { AnswerMode, FeedbackReason, InsightsResponse } from '../contract.js';
import { candidateFromFeedback, candidateFromGap } from './eval-candidates.js';
import type { EvalCandidate } from './feedback-store.js';

const LATEST_BAD_CASES = 20;
const TOP_GAPS = 20;
const MODE_ORDER: readonly AnswerMode[] = ['search', 'llm', 'fallback'];

interface BadCaseRow {
  id: string;
  created_at: string;
  question: string;
  answer: string;
  mode: AnswerMode;
  model: string | null;
  reasons: string;
  comment: string | null;
  citations: string;
}

interface StoredCitation {
  n: number;
  id: string;
  headings: string[];
}

interface GapGroupRow {
  normalized_question: string;
  question: string;
  count: number;
  last_asked_at: string;
  nearest: string;
}

// The latest wording wins: people rephrase, and the newest phrasing is what a reviewer should see.
// The nearest sections come from the latest ask that found any.
const GAP_GROUPS_SQL = `
  SELECT g.normalized_question, COUNT(*) AS count, MAX(g.created_at) AS last_asked_at,
    (SELECT latest.question FROM gaps latest WHERE latest.normalized_question = g.normalized_question
      ORDER BY latest.created_at DESC, latest.rowid DESC LIMIT 1) AS question,
    (SELECT latest.nearest FROM gaps latest WHERE latest.normalized_question = g.normalized_question
      ORDER BY latest.nearest = '[]', latest.created_at DESC, latest.rowid DESC LIMIT 1) AS nearest
  FROM gaps g GROUP BY g.normalized_question`;

// The JSON columns hold what saveFeedback / logGap wrote from validated requests, so they are read as such.
const storedReasons = (row: { reasons: string }) => JSON.parse(row.reasons) as FeedbackReason[];
const storedCitations = (row: { citations: string }) => JSON.parse(row.citations) as StoredCitation[];
const nearestIds = (row: { nearest: string }) =>
  (JSON.parse(row.nearest) as Array<{ id: string }>).map((section) => section.id);

function totals(db: Database.Database): InsightsResponse['totals'] {
  const feedback = db
    .prepare<[], { feedback: number; up: number; down: number }>(
      `SELECT COUNT(*) AS feedback, COALESCE(SUM(rating = 'up'), 0) AS up,
        COALESCE(SUM(rating = 'down'), 0) AS down FROM feedback`,
    )
    .get();
  const gaps = db.prepare<[], { gaps: number }>('SELECT COUNT(*) AS gaps FROM gaps').get();
  return {
    feedback: feedback?.feedback ?? 0,
    up: feedback?.up ?? 0,
    down: feedback?.down ?? 0,
    gaps: gaps?.gaps ?? 0,
  };
}

function downRateByMode(db: Database.Database): InsightsResponse['downRateByMode'] {
  const rows = db
    .prepare<[], { mode: AnswerMode; total: number; down: number }>(
      `SELECT mode, COUNT(*) AS total, SUM(rating = 'down') AS down FROM feedback GROUP BY mode`,
    )
    .all();
  return rows
    .sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode))
    .map((row) => ({ mode: row.mode, total: row.total, down: row.down, rate: row.down / row.total }));
}

function topReasons(db: Database.Database): InsightsResponse['topReasons'] {
  return db
    .prepare<[], { reason: FeedbackReason; count: number }>(
      `SELECT reason.value AS reason, COUNT(*) AS count FROM feedback, json_each(feedback.reasons) AS reason
       WHERE feedback.rating = 'down' GROUP BY reason.value ORDER BY count DESC, reason ASC`,
    )
    .all();
}

function latestBadCases(db: Database.Database): InsightsResponse['latestBadCases'] {
  const rows = db
    .prepare<[number], BadCaseRow>(
      `SELECT id, created_at, question, answer, mode, model, reasons, comment, citations FROM feedback
       WHERE rating = 'down' ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    )
    .all(LATEST_BAD_CASES);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    question: row.question,
    answer: row.answer,
    mode: row.mode,
    model: row.model,
    reasons: storedReasons(row),
    comment: row.comment,
    citations: storedCitations(row),
  }));
}

function topGaps(db: Database.Database): InsightsResponse['topGaps'] {
  return db
    .prepare<[number], GapGroupRow>(`${GAP_GROUPS_SQL} ORDER BY count DESC, last_asked_at DESC LIMIT ?`)
    .all(TOP_GAPS)
    .map((row) => ({ question: row.question, count: row.count, lastAskedAt: row.last_asked_at }));
}

/** The dashboard numbers, read in one transaction so totals and lists agree with each other. */
export function readInsights(db: Database.Database): InsightsResponse {
  return db.transaction(() => ({
    totals: totals(db),
    downRateByMode: downRateByMode(db),
    topReasons: topReasons(db),
    latestBadCases: latestBadCases(db),
    topGaps: topGaps(db),
  }))();
}

/** Every 👎 answer (oldest first), then every distinct gap (first asked first): stable order, stable ids. */
export function readEvalCandidates(db: Database.Database): EvalCandidate[] {
  return db.transaction(() => {
    const feedback = db
      .prepare<[], Omit<BadCaseRow, 'answer' | 'model' | 'created_at'>>(
        `SELECT id, question, mode, reasons, comment, citations FROM feedback
         WHERE rating = 'down' ORDER BY created_at ASC, rowid ASC`,
      )
      .all()
      .map((row) =>
        candidateFromFeedback({
          id: row.id,
          question: row.question,
          mode: row.mode,
          reasons: storedReasons(row),
          comment: row.comment,
          citationIds: storedCitations(row).map((citation) => citation.id),
        }),
      );
    const gaps = db
      .prepare<[], GapGroupRow>(`${GAP_GROUPS_SQL} ORDER BY MIN(g.rowid) ASC`)
      .all()
      .map((row) =>
        candidateFromGap({
          normalizedQuestion: row.normalized_question,
          question: row.question,
          count: row.count,
          nearestIds: nearestIds(row),
        }),
      );
    return [...feedback, ...gaps];
  })();
}
