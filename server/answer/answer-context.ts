import type { AppConfig } from '../config.js';
import type { ChatMessage, ChatMetadata, SearchResponse, TokenUsage, UnderstoodData } from '../contract.js';
import type { Logger } from '../logger.js';
import type { Retriever } from '../retrieval/types.js';
import type { GapRecord } from '../store/feedback-store.js';
import type { ChatModel } from './chat-model.js';
import type { ChatStreamWriter } from './ui-stream-parts.js';

/** What the chat route hands the answer layer for one request. */
export interface ChatAnswerInput {
  /** The full conversation from useChat; the last message is the user's question. */
  messages: ChatMessage[];
  retriever: Retriever;
  /** null → search mode. */
  model: ChatModel | null;
  llm: AppConfig['llm'];
  logger: Logger;
  requestId: string;
  /** Client disconnect or stop: aborts the upstream model request. */
  signal: AbortSignal;
  onNotCovered?: (gap: GapRecord) => void;
  /** The previous answer's cited section ids, as the client sent them back (unknown ids already dropped). */
  contextSectionIds?: string[];
  /** The section the reader asked from ("Ask about this section"): retrieval favours it and its neighbours. */
  scopeSectionId?: string;
}

/** Everything known once retrieval has run, shared by the search, LLM and fallback writers. */
export interface AnswerContext {
  input: ChatAnswerInput;
  writer: ChatStreamWriter;
  question: string;
  retrievalQuery: string;
  search: SearchResponse;
  retrievalMs: number;
  /** performance.now() when the request started. */
  startedAt: number;
  /** Tokens spent condensing a follow-up, counted into the answer's usage and cost. */
  condenseUsage?: TokenUsage;
  /** How a follow-up was understood; written as `data-understood` right after `start`. */
  understood?: UnderstoodData;
}

/** Whole milliseconds since a performance.now() mark. */
export function elapsedMs(since: number): number {
  return Math.round(performance.now() - since);
}

/** The metadata every answer starts with. */
export function baseMetadata(context: AnswerContext): ChatMetadata {
  return {
    mode: 'search',
    retrievalQuery: context.retrievalQuery,
    retrievalMs: context.retrievalMs,
    requestId: context.input.requestId,
  };
}

/** Token usage of two calls together; the second may be absent. */
export function addUsage(left: TokenUsage, right: TokenUsage | undefined): TokenUsage {
  if (!right) return left;
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
  };
}
