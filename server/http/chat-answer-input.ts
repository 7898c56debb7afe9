import { detectLanguage } from '../answer/detect-language.js';
import { userTurns } from '../answer/message-text.js';
import {
  type ChatAnswerChunk,
  type ChatAnswerInput,
  createChatAnswerStream,
} from '../answer/stream-chat-answer.js';
import type { AppDeps } from '../app.js';
import type { ChatMessage } from '../contract.js';
import { endOnDeadline } from './drained-answer.js';

/**
 * The answer layer's input for one question, wired the same way for every channel: the app's retriever,
 * limits and logger, and not-covered questions logged as gaps for insights.
 */
export function chatAnswerInput(
  deps: Pick<AppDeps, 'retriever' | 'model' | 'config' | 'logger' | 'store' | 'drain'>,
  request: {
    messages: ChatMessage[];
    requestId: string;
    signal: AbortSignal;
    /** Overrides the app's model: null forces search mode. */
    model?: AppDeps['model'];
    /** The previous answer's cited section ids, as the client sent them. */
    contextSectionIds?: string[];
    /** The section the question was asked from, already checked to exist. */
    scopeSectionId?: string;
  },
): ChatAnswerInput {
  const { requestId } = request;
  return {
    messages: request.messages,
    retriever: deps.retriever,
    model: request.model === undefined ? deps.model : request.model,
    llm: deps.config.llm,
    logger: deps.logger,
    requestId,
    // Ids the index does not hold (the corpus was reloaded since that answer) are dropped, not an error.
    contextSectionIds: (request.contextSectionIds ?? []).filter(
      (id) => deps.retriever.section(id) !== undefined,
    ),
    ...(request.scopeSectionId ? { scopeSectionId: request.scopeSectionId } : {}),
    // A shutdown's drain deadline stops the model call as a client's disconnect does.
    signal: deps.drain ? AbortSignal.any([request.signal, deps.drain.deadline]) : request.signal,
    onNotCovered: (gap) => {
      deps.store.logGap({ ...gap, requestId }).catch((error: unknown) => {
        deps.logger.error('gap_log_failed', { requestId, error: String(error) });
      });
    },
  };
}

/**
 * The answer layer's stream for one question, as every channel reads it: ended with a restart notice and a
 * proper finish when a shutdown's drain time runs out before the answer does.
 */
export function answerChunks(
  deps: Pick<AppDeps, 'drain'>,
  input: ChatAnswerInput,
): ReadableStream<ChatAnswerChunk> {
  const stream = createChatAnswerStream(input);
  if (!deps.drain) return stream;
  return endOnDeadline(stream, deps.drain.deadline, detectLanguage(userTurns(input.messages).at(-1) ?? ''));
}
