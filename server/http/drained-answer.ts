import type { AnswerLanguage } from '../answer/detect-language.js';
import type { ChatAnswerChunk } from '../answer/stream-chat-answer.js';

const NOTICE_TEXT_ID = 'restart-notice';
const NOTICE: Record<AnswerLanguage, string> = {
  zh: '服务器正在重启，这个回答到此中断。请稍后再问一次。',
  en: 'The server is restarting, so this answer stops here. Please ask again in a moment.',
};

/** What the client has been told so far, so the closing parts fit what is already open. */
interface StreamState {
  started: boolean;
  openText: string | null;
  finished: boolean;
}

function track(state: StreamState, chunk: ChatAnswerChunk): void {
  if (chunk.type === 'start') state.started = true;
  else if (chunk.type === 'text-start') state.openText = chunk.id;
  else if (chunk.type === 'text-end' && state.openText === chunk.id) state.openText = null;
  else if (chunk.type === 'finish') state.finished = true;
}

/** The parts that end an answer cleanly in mid-stream: the notice as text, then `finish`. */
function closingParts(state: StreamState, language: AnswerLanguage): ChatAnswerChunk[] {
  const parts: ChatAnswerChunk[] = state.started ? [] : [{ type: 'start' }];
  if (state.openText !== null) {
    parts.push({ type: 'text-delta', id: state.openText, delta: `\n\n${NOTICE[language]}` });
    parts.push({ type: 'text-end', id: state.openText });
  } else {
    parts.push({ type: 'text-start', id: NOTICE_TEXT_ID });
    parts.push({ type: 'text-delta', id: NOTICE_TEXT_ID, delta: NOTICE[language] });
    parts.push({ type: 'text-end', id: NOTICE_TEXT_ID });
  }
  parts.push({ type: 'finish', finishReason: 'other' });
  return parts;
}

/**
 * The answer stream, ended with a proper closing part and a plain restart notice if `deadline` aborts before
 * it finished. The pipeline sees the same deadline through its signal and winds down; what it still writes
 * is read and dropped.
 */
export function endOnDeadline(
  stream: ReadableStream<ChatAnswerChunk>,
  deadline: AbortSignal,
  language: AnswerLanguage,
): ReadableStream<ChatAnswerChunk> {
  const reader = stream.getReader();
  const state: StreamState = { started: false, openText: null, finished: false };
  const timeUp = new Promise<'time-up'>((resolve) => {
    if (deadline.aborted) resolve('time-up');
    else deadline.addEventListener('abort', () => resolve('time-up'), { once: true });
  });
  const discardRest = async () => {
    try {
      while (!(await reader.read()).done) {}
    } catch {
      // The pipeline's own failure after the notice went out changes nothing for the client.
    }
  };
  return new ReadableStream<ChatAnswerChunk>({
    async pull(controller) {
      const next = await Promise.race([reader.read(), timeUp]);
      if (next === 'time-up') {
        if (!state.finished) for (const part of closingParts(state, language)) controller.enqueue(part);
        controller.close();
        void discardRest();
        return;
      }
      if (next.done) return controller.close();
      track(state, next.value);
      controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
