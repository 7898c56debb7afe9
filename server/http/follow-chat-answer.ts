import type { ChatAnswerChunk } from '../answer/stream-chat-answer.js';
import type { ChatMetadata, CitationsData } from '../contract.js';

/** What is known about the answer so far; updated as the stream is read. */
export interface AnswerState {
  /** The latest data-citations part: every [n] in the text so far points into it. */
  citations: CitationsData;
  /** Every metadata part merged, latest last. */
  metadata: ChatMetadata;
  /** The stream's error text, when the pipeline itself failed (not a model fault: those fall back). */
  error: string | null;
}

export interface FollowedAnswer {
  state: AnswerState;
  /** The answer's text deltas in order; stopping early cancels the stream. */
  deltas: AsyncGenerator<string, void, undefined>;
}

/**
 * Reads the answer layer's UI message chunks for channels other than the web UI: text deltas come out one by
 * one while `state` keeps the citations and metadata that arrived around them.
 */
export function followChatAnswer(stream: ReadableStream<ChatAnswerChunk>): FollowedAnswer {
  const state: AnswerState = {
    citations: { citations: [], notCovered: false, nearest: [] },
    metadata: { mode: 'search', retrievalMs: 0 },
    error: null,
  };
  async function* deltas(): AsyncGenerator<string, void, undefined> {
    for await (const chunk of stream) {
      if (chunk.type === 'text-delta') yield chunk.delta;
      else if (chunk.type === 'data-notice') yield `${chunk.data.text}\n\n`;
      else if (chunk.type === 'data-citations') state.citations = chunk.data;
      else if (chunk.type === 'error') state.error = chunk.errorText;
      else if (
        (chunk.type === 'start' || chunk.type === 'message-metadata' || chunk.type === 'finish') &&
        chunk.messageMetadata
      ) {
        state.metadata = { ...state.metadata, ...chunk.messageMetadata };
      }
    }
  }
  return { state, deltas: deltas() };
}
