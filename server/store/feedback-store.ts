import type { AnswerMode, FeedbackRequest, InsightsResponse } from '../contract.js';

/** A question judged not covered by the corpus, with the sections that came closest. */
export interface GapRecord {
  question: string;
  mode: AnswerMode;
  nearest: Array<{ id: string; headings: string[]; score: number }>;
  requestId?: string;
}

/** One line of `npm run flywheel:export`, in the golden set's own format. */
export interface EvalCandidate {
  id: string;
  question: string;
  lang: 'zh' | 'en';
  /** Chunk ids the answer should cite; empty for a question the corpus should decline. */
  expected: string[];
  offTopic: boolean;
  source: 'feedback' | 'gap';
  reviewed: false;
  note?: string;
}

/**
 * Where feedback and coverage gaps are kept. SQLite today; the interface is small so that a Postgres
 * adapter for multi-instance deployments can implement it without touching the routes.
 */
export interface FeedbackStore {
  /** Resolves only after the row is durably committed; `created` is false for a replayed id. */
  saveFeedback(
    feedback: FeedbackRequest & { citationHeadings: Record<string, string[]>; appVersion: string },
  ): Promise<{ created: boolean }>;
  logGap(gap: GapRecord): Promise<void>;
  insights(): Promise<InsightsResponse>;
  exportCandidates(): Promise<EvalCandidate[]>;
  close(): void;
}
