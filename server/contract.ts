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

/** The same section in another language edition of its document (`guide.en.md` beside `guide.zh.md`). */
export interface SectionEdition {
  /** The edition's language tag from its file name, lowercased: `en`, `zh`, `zh-cn`. */
  lang: string;
  id: string;
}

/** What the citation panel needs to show a section inside its document. */
export interface SectionResponse extends Omit<SearchResult, 'score'> {
  /** Character offsets of `text` in the source document. */
  start: number;
  end: number;
  document: { id: string; title: string; outline: OutlineEntry[] };
  prev: OutlineEntry | null;
  next: OutlineEntry | null;
  /** The aligned sections in the document's other editions; empty when it has none. */
  editions: SectionEdition[];
}

// ---------- guide (outline, compare) ----------

/** An outline entry as the guide browser lists it. */
export interface GuideOutlineEntry extends OutlineEntry {
  /** Shared by the aligned sections of a document's editions, so the reader's edition can be found. */
  key: string;
  /** False for a heading with no text of its own: listed for structure, nothing to read or cite. */
  hasText: boolean;
}

export interface GuideDocument {
  id: string;
  title: string;
  /** The document's language (its file name's edition, else its text's script). */
  lang: 'zh' | 'en';
  outline: GuideOutlineEntry[];
}

/** `GET /api/outline`: every document's table of contents, in corpus order. */
export interface OutlineResponse {
  documents: GuideDocument[];
}

/** One cell of a compare table: a sub-section and the opening of its text. */
export interface CompareCell {
  id: string;
  /** The section's first words as plain text, at most ~120 characters. */
  excerpt: string;
}

/**
 * Sibling sections that share sub-headings, side by side: `rows[r].cells[c]` is column `c`'s sub-section
 * titled `rows[r].title`, or null when that sibling has none.
 */
export interface CompareGroup {
  /** The id of the parent section whose children are the columns. */
  id: string;
  docId: string;
  lang: 'zh' | 'en';
  /** The parent's heading path. */
  headings: string[];
  columns: Array<{ id: string; title: string }>;
  rows: Array<{ title: string; cells: Array<CompareCell | null> }>;
}

/** `GET /api/compare`: every such group in the corpus; empty for a corpus without that structure. */
export interface CompareResponse {
  groups: CompareGroup[];
}

// ---------- health ----------

export type ServiceMode = 'search' | 'llm';

/** `down`: feedback, insights and shares answer 503 while chat and search keep serving. */
export type StoreStatus = 'ok' | 'down';

export interface HealthResponse {
  /** `warming` (with status 503 and `Retry-After`) while the index is built or loaded; docs and chunks are 0 then. */
  status: 'ok' | 'warming';
  mode: ServiceMode;
  model: string | null;
  docs: number;
  chunks: number;
  version: string;
  /** Always sent by this server; optional only so that clients' older fixtures keep type-checking. */
  store?: StoreStatus;
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
  // The model answered, but its answer failed an output check:
  /** No valid [n] citation anywhere in the answer: shown as unsupported, the search-mode answer beneath. */
  'uncited',
  /** The answer began repeating the server's instructions: withheld, the search-mode answer instead. */
  'prompt-leak',
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
  /** True when the model's answer reached `ANSWER_MAX_CHARS` and the server stopped reading it there. */
  truncated?: boolean;
  requestId?: string;
}

/**
 * How a follow-up was understood: the subject it was resolved to (the heading labels of the previous turn's
 * cited sections), the aspect asked about, and the standalone query retrieval ran. The web shows it as
 * "Answering: <subjects> · <aspect>" and lets the reader edit `query`.
 */
export interface UnderstoodData {
  /** Labels of the previous turn's subject, e.g. a parent section's heading; empty when none was found. */
  subjects: string[];
  /** The follow-up's own topic, e.g. the sibling sub-heading it landed on; null when it named none. */
  aspect: string | null;
  /** The standalone question retrieval searched. */
  query: string;
  /** `sections`: resolved from the corpus's heading structure; `llm`: the model's condensation. */
  method: 'sections' | 'llm';
}

/**
 * A fallback answer's one-line notice in the question's language ("the LLM is unavailable …"). Sent beside
 * the answer text, not inside it: the web words the fallback itself from `fallbackReason` in the reader's
 * language; channels without a UI (the OpenAI-compatible face, MCP) put this line before the text.
 */
export interface NoticeData {
  text: string;
}

export type ChatDataParts = {
  citations: CitationsData;
  understood: UnderstoodData;
  notice: NoticeData;
};

export type ChatMessage = UIMessage<ChatMetadata, ChatDataParts>;

export const MAX_CHAT_MESSAGES = 40;
export const MAX_MESSAGE_CHARS = 4000;

const chatPartSchema = z.looseObject({ type: z.string() });

/** How many cited section ids a follow-up may send back: more than one answer ever cites. */
export const MAX_CONTEXT_SECTIONS = 8;

/**
 * The previous answer's cited section ids, sent back so a follow-up ("那他们呢？") resolves to its subject
 * without a model. A malformed list is a 400; ids the index does not hold (a corpus reloaded since) are ignored.
 */
export const chatContextSchema = z.object({
  sectionIds: z
    .array(z.string().min(1).max(300))
    .max(MAX_CONTEXT_SECTIONS, `context.sectionIds holds at most ${MAX_CONTEXT_SECTIONS} ids`),
});
export type ChatContext = z.infer<typeof chatContextSchema>;

export const chatRequestSchema = z.looseObject({
  id: z.string().max(200).optional(),
  messages: z
    .array(
      z.looseObject({
        id: z.string().max(200),
        // Only the reader's and the assistant's own turns: the instructions are the server's, never a client's.
        role: z.enum(['user', 'assistant'], 'role must be "user" or "assistant"'),
        parts: z.array(chatPartSchema).max(200),
      }),
    )
    .min(1, 'messages must not be empty')
    .max(MAX_CHAT_MESSAGES, `at most ${MAX_CHAT_MESSAGES} messages`),
  context: chatContextSchema.optional(),
  /**
   * The section the question is about ("Ask about this section"): retrieval favours it and its neighbours.
   * Must name a section the index holds, else 400.
   */
  sectionId: z.string().min(1).max(300).optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

// ---------- OpenAI-compatible face (/v1) and MCP ----------

/** Largest request body any JSON route accepts. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Cap on one earlier message's text (an earlier answer with its Sources list is longer than a question). */
export const MAX_HISTORY_MESSAGE_CHARS = 20_000;
/** Cap on the text of a whole conversation, every message together. */
export const MAX_CONVERSATION_CHARS = 60_000;

/** `aipm-guide` answers with the LLM when one is configured; `aipm-guide-search` never calls a model. */
export const FACE_MODEL_IDS = ['aipm-guide', 'aipm-guide-search'] as const;
export type FaceModelId = (typeof FACE_MODEL_IDS)[number];

const openAiContentPartSchema = z.looseObject({
  type: z.string().max(100),
  text: z.string().max(MAX_HISTORY_MESSAGE_CHARS).optional(),
});

const openAiMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z
    .union([z.string().max(MAX_HISTORY_MESSAGE_CHARS), z.array(openAiContentPartSchema).max(50), z.null()])
    .optional(),
});
export type OpenAiMessage = z.infer<typeof openAiMessageSchema>;

/** The subset of a Chat Completions request that matters here; other OpenAI parameters are accepted and ignored. */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string({ error: 'model is required' }).min(1).max(200),
  messages: z
    .array(openAiMessageSchema, { error: 'messages must be an array' })
    .min(1, 'messages must not be empty')
    .max(MAX_CHAT_MESSAGES, `at most ${MAX_CHAT_MESSAGES} messages`),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.literal(1, 'only n = 1 is supported').nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export interface OpenAiModel {
  id: FaceModelId;
  object: 'model';
  created: number;
  owned_by: string;
}

export interface OpenAiModelList {
  object: 'list';
  data: OpenAiModel[];
}

/** A citation as OpenAI clients read it: `content.slice(start_index, end_index)` is the linked `[n]`. */
export interface UrlCitationAnnotation {
  type: 'url_citation';
  url_citation: { start_index: number; end_index: number; title: string; url: string };
}

export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** How the answer was made, on every completion: `llm`, `search`, or `fallback` with its reason. */
export interface AnswerModeFields {
  answer_mode: AnswerMode;
  fallback_reason: FallbackReason | null;
}

export interface ChatCompletion extends AnswerModeFields {
  id: string;
  object: 'chat.completion';
  created: number;
  model: FaceModelId;
  choices: Array<{
    index: 0;
    message: {
      role: 'assistant';
      content: string;
      refusal: null;
      annotations: UrlCitationAnnotation[];
    };
    logprobs: null;
    finish_reason: 'stop';
  }>;
  usage: CompletionUsage;
}

export interface ChatCompletionChunk extends Partial<AnswerModeFields> {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: FaceModelId;
  choices: Array<{
    index: 0;
    delta: { role?: 'assistant'; content?: string; annotations?: UrlCitationAnnotation[] };
    logprobs: null;
    finish_reason: 'stop' | null;
  }>;
  /** Present (null until the last chunk) only when `stream_options.include_usage` was asked for. */
  usage?: CompletionUsage | null;
}

/** OpenAI's error shape, used by every /v1 route. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

// ---------- MCP tools ----------

export const searchDocsInputSchema = z.object({
  query: z
    .string()
    .trim()
    .min(1)
    .max(MAX_QUERY_CHARS)
    .describe('A question or keywords, in Chinese or English'),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(5).describe('How many passages to return'),
});

export const getSectionInputSchema = z.object({
  id: z.string().min(1).max(200).describe('A passage id from search_docs or a citation of ask'),
});

export const askInputSchema = z.object({
  question: z.string().trim().min(1).max(MAX_MESSAGE_CHARS).describe('The question, in Chinese or English'),
});

const passageFields = {
  id: z.string(),
  docTitle: z.string(),
  headings: z.array(z.string()).describe('Heading path H1 → Hn'),
  url: z.string().describe('Opens the section in the web UI'),
};

export const searchDocsOutputSchema = z.object({
  query: z.string(),
  answerable: z.boolean().describe('Whether the corpus covers the query'),
  results: z.array(z.object({ ...passageFields, text: z.string(), score: z.number() })),
});
export type SearchDocsOutput = z.infer<typeof searchDocsOutputSchema>;

const neighbourSchema = z.object({ id: z.string(), headings: z.array(z.string()) }).nullable();

export const getSectionOutputSchema = z.object({
  ...passageFields,
  text: z.string(),
  prev: neighbourSchema,
  next: neighbourSchema,
  editions: z
    .array(z.object({ lang: z.string(), id: z.string(), url: z.string() }))
    .describe("The same section in the document's other language editions; empty when it has none"),
});
export type GetSectionOutput = z.infer<typeof getSectionOutputSchema>;

export const askOutputSchema = z.object({
  answer: z.string().describe('Markdown; every [n] links to its section, a Sources list ends it'),
  mode: z.enum(['search', 'llm', 'fallback']),
  fallbackReason: z.enum(FALLBACK_REASONS).nullable(),
  notCovered: z.boolean(),
  citations: z.array(z.object({ n: z.number().int(), ...passageFields, citedBy: z.array(z.string()) })),
});
export type AskOutput = z.infer<typeof askOutputSchema>;

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

const answerModeSchema = z.enum(['search', 'llm', 'fallback']);
const citedIdsSchema = z
  .array(z.object({ n: z.number().int().min(1), id: z.string().min(1).max(200) }))
  .max(50);
const citationFlagSchema = z.object({ n: z.number().int().min(1), sentence: z.string().min(1).max(2000) });

/**
 * `POST /api/feedback`: the rating of one answer. The client keeps one `id` per answer: posting it again with a
 * different rating, reasons, comment or `truncated` changes the stored rating; an identical replay changes nothing.
 */
export const feedbackRequestSchema = z.object({
  id: z.uuid(),
  messageId: z.string().min(1).max(200),
  rating: z.enum(['up', 'down']),
  reasons: z.array(z.enum(FEEDBACK_REASONS)).max(FEEDBACK_REASONS.length).optional(),
  comment: z.string().max(2000).optional(),
  question: z.string().min(1).max(MAX_MESSAGE_CHARS),
  answer: z.string().max(20_000),
  mode: answerModeSchema,
  model: z.string().max(200).optional(),
  citations: citedIdsSchema,
  /**
   * The older form of `POST /api/feedback/flags`, still accepted: a body carrying flags is a flag report.
   * Its flags are stored apart from ratings and its rating, reasons and comment are not recorded.
   */
  citationFlags: z.array(citationFlagSchema).max(50).optional(),
  /** True when the rated answer was cut short (stopped by the user or ended early). */
  truncated: z.boolean().optional(),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export interface FeedbackResponse {
  id: string;
  /** True (status 201) when this id was new. For a flag report: when any of its flags was new. */
  created: boolean;
  /** True when this id was stored before and the request changed its rating, reasons, comment or truncated. */
  updated: boolean;
}

/** `POST /api/feedback/flags`: "this source does not support that sentence", per answer × citation n × sentence. */
export const citationFlagsRequestSchema = z.object({
  messageId: z.string().min(1).max(200),
  question: z.string().min(1).max(MAX_MESSAGE_CHARS),
  mode: answerModeSchema,
  model: z.string().max(200).optional(),
  /** The answer's citations, so each flagged `n` is stored with its section id and heading path. */
  citations: citedIdsSchema,
  flags: z.array(citationFlagSchema).min(1, 'flags must not be empty').max(50),
});
export type CitationFlagsRequest = z.infer<typeof citationFlagsRequestSchema>;

export interface CitationFlagsResponse {
  messageId: string;
  /** Flags stored by this request (status 201 when > 0, else 200). */
  created: number;
  /** Flags of this request that were stored before: a replay changes nothing. */
  existing: number;
}

// ---------- insights ----------

const insightsRangeFields = {
  /** First UTC day included, `YYYY-MM-DD`. */
  from: z.iso.date('from must be a date like 2026-01-31').optional(),
  /** Last UTC day included, `YYYY-MM-DD`. */
  to: z.iso.date('to must be a date like 2026-01-31').optional(),
};
const fromNotAfterTo = (range: { from?: string | undefined; to?: string | undefined }) =>
  !range.from || !range.to || range.from <= range.to;
const RANGE_ORDER = { message: 'from must not be after to', path: ['from'] };

/** `GET /api/insights?from=&to=`. */
export const insightsQuerySchema = z.object(insightsRangeFields).refine(fromNotAfterTo, RANGE_ORDER);
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

/** `GET /api/feedback/export?format=jsonl|csv&from=&to=`. */
export const feedbackExportQuerySchema = z
  .object({ ...insightsRangeFields, format: z.enum(['jsonl', 'csv']).default('jsonl') })
  .refine(fromNotAfterTo, RANGE_ORDER);

/** The dashboard numbers. Counts are of answers: an answer whose rating changed counts once, as rated last. */
export interface InsightsResponse {
  /** `feedback` = rated answers; `gaps` = not-covered questions asked. */
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
    /** Present when the client said whether the answer was cut short. */
    truncated?: boolean;
  }>;
  topGaps: Array<{ question: string; count: number; lastAskedAt: string }>;
}

/** One citation flag as the owner reviews it. */
export interface CitationFlagInsight {
  messageId: string;
  n: number;
  /** The flagged section; null when the request did not list citation `n`. */
  citationId: string | null;
  headings: string[];
  sentence: string;
  question: string;
  mode: AnswerMode;
  createdAt: string;
}

/** `GET /api/insights`: the dashboard, the owner's view over time, and citation flags as their own list. */
export interface InsightsReport extends InsightsResponse {
  /** The filter applied (inclusive UTC days); null = open-ended. */
  range: { from: string | null; to: string | null };
  /** One entry per UTC day with a rated answer or a not-covered question, oldest first; quiet days are omitted. */
  daily: Array<{ date: string; answers: number; down: number; downRate: number | null; notCovered: number }>;
  flags: {
    total: number;
    /** The 20 latest, newest first. */
    latest: CitationFlagInsight[];
    /** Sections flagged most often. */
    topSections: Array<{ citationId: string; headings: string[]; count: number }>;
  };
}

/** One rated answer in `GET /api/feedback/export` (a JSONL line; CSV has the same columns). */
export interface FeedbackExportRow {
  id: string;
  messageId: string;
  createdAt: string;
  updatedAt: string;
  rating: 'up' | 'down';
  reasons: FeedbackReason[];
  comment: string | null;
  question: string;
  answer: string;
  mode: AnswerMode;
  model: string | null;
  truncated: boolean | null;
  citations: Array<{ n: number; id: string; headings: string[] }>;
  appVersion: string;
}

// ---------- shares ----------

export const MAX_SHARE_TURNS = 20;
/** Cap on a share's snapshot, as JSON. */
export const MAX_SHARE_BYTES = 256 * 1024;

const sharedSectionFields = {
  id: z.string().min(1).max(200),
  docId: z.string().max(200),
  docTitle: z.string().max(500),
  headings: z.array(z.string().max(500)).max(12),
  anchor: z.string().max(300),
  text: z.string().max(20_000),
  score: z.number(),
};
const sharedCitationSchema = z.object({
  ...sharedSectionFields,
  n: z.number().int().min(1),
  highlights: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })).max(200),
  citedBy: z.array(z.string().max(2000)).max(50),
});
const sharedTurnSchema = z.object({
  question: z.string().min(1).max(MAX_MESSAGE_CHARS),
  answer: z.string().max(20_000),
  mode: answerModeSchema,
  model: z.string().max(200).optional(),
  notCovered: z.boolean().optional(),
  truncated: z.boolean().optional(),
  citations: z.array(sharedCitationSchema).max(50),
  /** The sections shown instead of citations when the question was not covered. */
  nearest: z.array(z.object(sharedSectionFields)).max(20).optional(),
});

/** `POST /api/shares`: a read-only snapshot of a conversation. Unknown fields are dropped. */
export const shareRequestSchema = z.object({
  title: z.string().trim().max(200).optional(),
  turns: z.array(sharedTurnSchema).min(1, 'turns must not be empty').max(MAX_SHARE_TURNS),
});
export type ShareRequest = z.infer<typeof shareRequestSchema>;

/** 201 to `POST /api/shares`. Only the creator gets `deleteToken`; the server keeps just its hash. */
export interface ShareCreatedResponse {
  id: string;
  /** The page that shows the share, relative to the site. */
  url: string;
  /** Send as `Authorization: Bearer <deleteToken>` to `DELETE /api/shares/:id`. */
  deleteToken: string;
}

/** `GET /api/shares/:id`. */
export interface ShareResponse extends ShareRequest {
  id: string;
  createdAt: string;
}

// ---------- errors ----------

export interface ErrorBody {
  error: { code: string; message: string; details?: string[] };
}
