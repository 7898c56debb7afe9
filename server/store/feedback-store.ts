import type {
  AnswerMode,
  CitationFlagsRequest,
  FeedbackExportRow,
  FeedbackRequest,
  InsightsReport,
  ShareRequest,
  StoreStatus,
} from '../contract.js';

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

/** What the route adds to a request before it is stored: heading paths of the cited ids, the app version. */
interface Provenance {
  citationHeadings: Record<string, string[]>;
  appVersion: string;
}

export type SavedFeedback = Omit<FeedbackRequest, 'citationFlags'> & Provenance;
export type SavedCitationFlags = CitationFlagsRequest & Provenance;

/** Inclusive UTC days, `YYYY-MM-DD`; a missing end is open. */
export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Keyset position in the export order (created_at, id). */
export interface ExportCursor {
  createdAt: string;
  id: string;
}

export interface NewShare {
  id: string;
  /** sha256 of the delete token, hex: the token itself is never stored. */
  deleteTokenHash: string;
  snapshot: ShareRequest;
}

export interface StoredShare extends NewShare {
  createdAt: string;
}

/**
 * Where feedback, citation flags, coverage gaps and shares are kept: SQLite (one instance) or Postgres
 * (several). Routes only ever see this interface. Every write resolves only after its commit is durable;
 * a store that cannot keep that promise rejects instead (the routes answer 503).
 */
export interface FeedbackStore {
  /** Inserts a new id, or updates the rating, reasons, comment and truncated of a known one. */
  saveFeedback(feedback: SavedFeedback): Promise<{ created: boolean; updated: boolean }>;
  /** Stores each flag once per answer × n × sentence; resolves with how many were new. */
  saveCitationFlags(report: SavedCitationFlags): Promise<{ created: number }>;
  logGap(gap: GapRecord): Promise<void>;
  insights(range?: DateRange): Promise<InsightsReport>;
  exportCandidates(): Promise<EvalCandidate[]>;
  /** Rated answers (latest rating per answer) in (created_at, id) order, at most `limit` after `after`. */
  exportFeedback(page: {
    range?: DateRange;
    after?: ExportCursor;
    limit: number;
  }): Promise<FeedbackExportRow[]>;
  saveShare(share: NewShare): Promise<void>;
  readShare(id: string): Promise<StoredShare | null>;
  /** False when no such share exists (any more). */
  deleteShare(id: string): Promise<boolean>;
  /** `down` when a write now would fail or could not be trusted. */
  status(): Promise<StoreStatus>;
  close(): Promise<void>;
}

/** The store cannot take or serve data right now; the message is for logs, never for users. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
