import { createUIMessageStream, createUIMessageStreamResponse, type InferUIMessageChunk } from 'ai';
import type { ChatMessage } from '../contract.js';
import type { AnswerContext, ChatAnswerInput } from './answer-context.js';
import { condenseQuestion } from './condense-question.js';
import { detectLanguage } from './detect-language.js';
import { writeLlmAnswer } from './llm-answer.js';
import { userTurns } from './message-text.js';
import { writeSearchAnswer } from './search-answer.js';
import { type ChatStreamWriter, withUnderstood } from './ui-stream-parts.js';

export type { ChatAnswerInput } from './answer-context.js';

/** Enough candidates for the extractive answer and the nearest-sections list, whatever maxPassages says. */
const MIN_SEARCH_LIMIT = 5;

async function answer(input: ChatAnswerInput, writer: ChatStreamWriter): Promise<void> {
  const startedAt = performance.now();
  const question = userTurns(input.messages).at(-1) ?? '';
  const condensed = await condenseQuestion(input);
  const retrievalStartedAt = performance.now();
  const search = await input.retriever.search(condensed.query, {
    limit: Math.max(input.llm.maxPassages, MIN_SEARCH_LIMIT),
    ...(input.scopeSectionId ? { scopeSectionId: input.scopeSectionId } : {}),
    ...(condensed.rewrites ? { rewrites: condensed.rewrites } : {}),
    // A resolved follow-up searches heading words, often in both languages: answer in the reader's edition.
    ...(condensed.understood ? { language: detectLanguage(question) } : {}),
  });
  const context: AnswerContext = {
    input,
    writer: withUnderstood(writer, condensed.understood),
    question,
    retrievalQuery: condensed.query,
    search,
    retrievalMs: Math.round(performance.now() - retrievalStartedAt),
    startedAt,
    ...(condensed.usage ? { condenseUsage: condensed.usage } : {}),
    ...(condensed.understood ? { understood: condensed.understood } : {}),
  };
  if (!input.model) return writeSearchAnswer(context);
  // No evidence, no call: below the answerable threshold the model would only be tempted to invent.
  if (!search.answerable) return writeSearchAnswer(context, input.model.id);
  await writeLlmAnswer(context, input.model);
}

/** One chunk of the answer stream: start, data-citations, text, message-metadata, finish (or error). */
export type ChatAnswerChunk = InferUIMessageChunk<ChatMessage>;

/**
 * Answers the last user message as a stream of AI SDK UI message chunks: search mode without a model, LLM
 * mode with one, and the search-mode answer as fallback for every model fault. The stream always finishes.
 * Every channel (the web UI's /api/chat, the OpenAI-compatible face, MCP) reads this one stream.
 */
export function createChatAnswerStream(input: ChatAnswerInput): ReadableStream<ChatAnswerChunk> {
  return createUIMessageStream<ChatMessage>({
    execute: ({ writer }) => answer(input, writer),
    onError: (error) => {
      input.logger.error('chat_failed', {
        requestId: input.requestId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return 'Something went wrong on our side';
    },
  });
}

/** The answer stream as the Server-Sent Events response `useChat` consumes. */
export function streamChatAnswer(input: ChatAnswerInput): Response {
  return createUIMessageStreamResponse({ stream: createChatAnswerStream(input) });
}
