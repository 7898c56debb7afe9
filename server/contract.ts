/**
 * The one wire contract between the server and the web client.
 * Server code validates with the zod schemas; web code imports the types with `import type` only.
 */
import type { UIMessage } from 'ai';
import { z } from 'zod';

export const MAX_QUERY_CHARS = 500;
export const MAX_SEARCH_LIMIT = 20;

// ---------- search ----------

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(MAX_QUERY_CHARS, `q must be at most ${MAX_QUERY_CHARS} characters`),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(5),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** One retrieved passage: a heading-bounded chunk of a corpus document. */
export interface SearchResult {
  id: string;
  docId: string;
  docTitle: string;
  /** Heading path H1 → Hn, outermost first. */
  headings: string[];
  anchor: string;
  /** The chunk's own Markdown, exactly `document.slice(start, end)`. */
  text: string;
  score: number;
}

export interface SearchResponse {
  query: string;
  answerable: boolean;
  results: SearchResult[];
  tookMs: number;
}

// ---------- sections ----------

export interface OutlineEntry {
  id: string;
  headings: string[];
  anchor: string;
  depth: number;
}

/** What the citation panel needs to show a section inside its document. */
export interface SectionResponse extends Omit<SearchResult, 'score'> {
  /** Character offsets of `text` in the source document. */
  start: number;
  end: number;
  document: { id: string; title: string; outline: OutlineEntry[] };
  prev: OutlineEntry | null;
  next: OutlineEntry | null;
}

// ---------- health ----------

export type ServiceMode = 'search' | 'llm';

export interface HealthResponse {
  status: 'ok';
  mode: ServiceMode;
  model: string | null;
  docs: number;
  chunks: number;
  version: string;
}

// ---------- chat ----------

/** Half-open character range inside a citation's `text`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A numbered passage the answer cites as [n]. */
export interface Citation extends SearchResult {
  n: number;
  /** Spans of `text` that support the answer; the panel highlights them. */
  highlights: TextSpan[];
  /** Sentences of the answer that cite this passage. */
  citedBy: string[];
}

export interface CitationsData {
  citations: Citation[];
  /** True when the corpus does not cover the question; `nearest` then lists close sections, uncited. */
  notCovered: boolean;
  nearest: SearchResult[];
}

export type AnswerMode = 'search' | 'llm' | 'fallback';

export const FALLBACK_REASONS = [
  'no-key',
  'auth',
  'rate-limit',
  'server-error',
  'network',
  'timeout',
  'stream-cut',
  'empty',
  'unknown',
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ChatMetadata {
  mode: AnswerMode;
  model?: string;
  fallbackReason?: FallbackReason;
  notCovered?: boolean;
  /** The query retrieval actually ran (after follow-up condensation). */
  retrievalQuery?: string;
  retrievalMs: number;
  firstTokenMs?: number;
  totalMs?: number;
  usage?: TokenUsage;
  /** null when the model's price is unknown; 0 in search mode. */
  costUsd?: number | null;
  /** [n] markers the model wrote that pointed outside the citations and were removed. */
  removedCitations?: number;
  requestId?: string;
}

export type ChatDataParts = {
  citations: CitationsData;
};

export type ChatMessage = UIMessage<ChatMetadata, ChatDataParts>;

export const MAX_CHAT_MESSAGES = 40;
export const MAX_MESSAGE_CHARS = 4000;

const chatPartSchema = z.looseObject({ type: z.string() });

export const chatRequestSchema = z.looseObject({
  id: z.string().max(200).optional(),
  messages: z
    .array(
      z.looseObject({
        id: z.string().max(200),
        role: z.enum(['system', 'user', 'assistant']),
        parts: z.array(chatPartSchema).max(200),
      }),
    )
    .min(1, 'messages must not be empty')
    .max(MAX_CHAT_MESSAGES, `at most ${MAX_CHAT_MESSAGES} messages`),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

// ---------- feedback ----------

export const FEEDBACK_REASONS = [
  'wrong',
  'unsupported',
  'missing',
  'off-topic',
  'outdated',
  'other',
] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const feedbackRequestSchema = z.object({
  id: z.uuid(),
  messageId: z.string().min(1).max(200),
  rating: z.enum(['up', 'down']),
  reasons: z.array(z.enum(FEEDBACK_REASONS)).max(FEEDBACK_REASONS.length).optional(),
  comment: z.string().max(2000).optional(),
  question: z.string().min(1).max(MAX_MESSAGE_CHARS),
  answer: z.string().max(20_000),
  mode: z.enum(['search', 'llm', 'fallback']),
  model: z.string().max(200).optional(),
  citations: z.array(z.object({ n: z.number().int().min(1), id: z.string().min(1).max(200) })).max(50),
  citationFlags: z
    .array(z.object({ n: z.number().int().min(1), sentence: z.string().min(1).max(2000) }))
    .max(50)
    .optional(),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export interface FeedbackResponse {
  id: string;
  /** False when this id was already stored: the replay changed nothing. */
  created: boolean;
}

export interface InsightsResponse {
  totals: { feedback: number; up: number; down: number; gaps: number };
  downRateByMode: Array<{ mode: AnswerMode; total: number; down: number; rate: number }>;
  topReasons: Array<{ reason: FeedbackReason; count: number }>;
  latestBadCases: Array<{
    id: string;
    createdAt: string;
    question: string;
    answer: string;
    mode: AnswerMode;
    model: string | null;
    reasons: FeedbackReason[];
    comment: string | null;
    citations: Array<{ n: number; id: string; headings: string[] }>;
  }>;
  topGaps: Array<{ question: string; count: number; lastAskedAt: string }>;
}

// ---------- errors ----------

export interface ErrorBody {
  error: { code: string; message: string; details?: string[] };
}
