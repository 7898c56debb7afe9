import type { AnswerMode, InsightsReport } from '../contract.js';
import type { DateRange } from './feedback-store.js';

/** Dashboard limits, the same for both stores. */
export const LATEST_BAD_CASES = 20;
export const TOP_GAPS = 20;
export const LATEST_FLAGS = 20;
export const TOP_FLAGGED_SECTIONS = 20;

const MODE_ORDER: readonly AnswerMode[] = ['search', 'llm', 'fallback'];

/** What each store's queries produce; the dashboard is assembled from it in one place. */
export interface InsightsParts {
  totals: InsightsReport['totals'];
  byMode: Array<{ mode: AnswerMode; total: number; down: number }>;
  topReasons: InsightsReport['topReasons'];
  latestBadCases: InsightsReport['latestBadCases'];
  topGaps: InsightsReport['topGaps'];
  answersByDay: Array<{ date: string; answers: number; down: number }>;
  gapsByDay: Array<{ date: string; count: number }>;
  flags: InsightsReport['flags'];
}

function downRateByMode(rows: InsightsParts['byMode']): InsightsReport['downRateByMode'] {
  return [...rows]
    .sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode))
    .map((row) => ({ mode: row.mode, total: row.total, down: row.down, rate: row.down / row.total }));
}

/** Days with answers and days with gaps, merged into one series, oldest first. */
function daily(parts: InsightsParts): InsightsReport['daily'] {
  const days = new Map<string, InsightsReport['daily'][number]>();
  const dayOf = (date: string) => {
    const known = days.get(date);
    if (known) return known;
    const fresh = { date, answers: 0, down: 0, downRate: null, notCovered: 0 };
    days.set(date, fresh);
    return fresh;
  };
  for (const row of parts.answersByDay) {
    Object.assign(dayOf(row.date), {
      answers: row.answers,
      down: row.down,
      downRate: row.answers > 0 ? row.down / row.answers : null,
    });
  }
  for (const row of parts.gapsByDay) dayOf(row.date).notCovered = row.count;
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function assembleInsights(parts: InsightsParts, range: DateRange = {}): InsightsReport {
  return {
    totals: parts.totals,
    downRateByMode: downRateByMode(parts.byMode),
    topReasons: parts.topReasons,
    latestBadCases: parts.latestBadCases,
    topGaps: parts.topGaps,
    range: { from: range.from ?? null, to: range.to ?? null },
    daily: daily(parts),
    flags: parts.flags,
  };
}

/** `truncated` is reported only when the client said: unknown stays absent rather than false. */
export function withTruncated<Case extends object>(badCase: Case, truncated: boolean | null) {
  return truncated === null ? badCase : { ...badCase, truncated };
}
