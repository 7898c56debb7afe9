import { FEEDBACK_REASONS, type FeedbackReason } from '../contract.js';
import type { DateRange, SavedCitationFlags, SavedFeedback } from './feedback-store.js';

/** Both stores shape rows here, so SQLite and Postgres keep exactly the same values. */

export interface StoredCitation {
  n: number;
  id: string;
  headings: string[];
}

/** Reasons as a set in a fixed order: ['missing', 'wrong'] and ['wrong', 'missing', 'wrong'] are one answer. */
export function canonicalReasons(reasons: readonly FeedbackReason[] | undefined): FeedbackReason[] {
  const given = new Set(reasons ?? []);
  return FEEDBACK_REASONS.filter((reason) => given.has(reason));
}

/** Cited ids in [n] order, each with its heading path at the time of the feedback. */
export function storedCitations(
  citations: ReadonlyArray<{ n: number; id: string }>,
  citationHeadings: Record<string, string[]>,
): StoredCitation[] {
  return [...citations]
    .sort((a, b) => a.n - b.n)
    .map((citation) => ({ n: citation.n, id: citation.id, headings: citationHeadings[citation.id] ?? [] }));
}

/** The part of a rating that a later post of the same id may change. */
export interface RatingFields {
  rating: 'up' | 'down';
  reasons: FeedbackReason[];
  comment: string | null;
  truncated: boolean | null;
}

export function ratingFields(feedback: SavedFeedback): RatingFields {
  return {
    rating: feedback.rating,
    reasons: canonicalReasons(feedback.reasons),
    comment: feedback.comment ?? null,
    truncated: feedback.truncated ?? null,
  };
}

export function sameRating(stored: RatingFields, incoming: RatingFields): boolean {
  return (
    stored.rating === incoming.rating &&
    stored.comment === incoming.comment &&
    stored.truncated === incoming.truncated &&
    JSON.stringify(stored.reasons) === JSON.stringify(incoming.reasons)
  );
}

export interface FlagRow {
  messageId: string;
  n: number;
  sentence: string;
  citationId: string | null;
  headings: string[];
  question: string;
  mode: SavedCitationFlags['mode'];
  model: string | null;
  appVersion: string;
}

/** One row per distinct (n, sentence) of the report, with the flagged section resolved from its citations. */
export function flagRows(report: SavedCitationFlags): FlagRow[] {
  const citationIds = new Map(report.citations.map((citation) => [citation.n, citation.id]));
  const seen = new Set<string>();
  const rows: FlagRow[] = [];
  for (const flag of report.flags) {
    const key = JSON.stringify([flag.n, flag.sentence]);
    if (seen.has(key)) continue;
    seen.add(key);
    const citationId = citationIds.get(flag.n) ?? null;
    rows.push({
      messageId: report.messageId,
      n: flag.n,
      sentence: flag.sentence,
      citationId,
      headings: citationId ? (report.citationHeadings[citationId] ?? []) : [],
      question: report.question,
      mode: report.mode,
      model: report.model ?? null,
      appVersion: report.appVersion,
    });
  }
  return rows;
}

/**
 * The range as half-open ISO instants: [from 00:00 UTC, the day after `to` 00:00 UTC). Bounds outside the
 * years 1–9999 are open ends: no row lies beyond them, and both databases compare those instants safely.
 */
export function rangeBounds(range: DateRange = {}): { from: string | null; to: string | null } {
  const from = range.from && range.from >= '0001-01-01' ? `${range.from}T00:00:00.000Z` : null;
  let to: string | null = null;
  if (range.to) {
    const dayAfter = new Date(`${range.to}T00:00:00.000Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    if (dayAfter.getUTCFullYear() > 9999) to = null;
    else to = range.to < '0001-01-01' ? '0001-01-01T00:00:00.000Z' : dayAfter.toISOString();
  }
  return { from, to };
}

/**
 * The value with every NUL character replaced by U+FFFD. Postgres text cannot hold NUL, and both stores must
 * keep the same values, so both store what this returns.
 */
export function storable<Value>(value: Value): Value {
  if (typeof value === 'string')
    return (value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value) as Value;
  if (Array.isArray(value)) return value.map((item) => storable(item)) as Value;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storable(key), storable(item)]),
    ) as Value;
  }
  return value;
}
