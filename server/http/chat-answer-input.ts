import type { ChatAnswerInput } from '../answer/stream-chat-answer.js';
import type { AppDeps } from '../app.js';
import type { ChatMessage } from '../contract.js';

/**
 * The answer layer's input for one question, wired the same way for every channel: the app's retriever,
 * limits and logger, and not-covered questions logged as gaps for insights.
 */
export function chatAnswerInput(
  deps: Pick<AppDeps, 'retriever' | 'model' | 'config' | 'logger' | 'store'>,
  request: {
    messages: ChatMessage[];
    requestId: string;
    signal: AbortSignal;
    /** Overrides the app's model: null forces search mode. */
    model?: AppDeps['model'];
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
    signal: request.signal,
    onNotCovered: (gap) => {
      deps.store.logGap({ ...gap, requestId }).catch((error: unknown) => {
        deps.logger.error('gap_log_failed', { requestId, error: String(error) });
      });
    },
  };
}
