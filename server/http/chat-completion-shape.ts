import type {
  AnswerModeFields,
  ChatCompletion,
  ChatCompletionChunk,
  ChatMetadata,
  CompletionUsage,
  FaceModelId,
} from '../contract.js';
import type { CitedMarkdown } from './cited-markdown.js';
import type { AnswerState, FollowedAnswer } from './follow-chat-answer.js';

/** What every completion and chunk of one answer shares. */
export interface CompletionIdentity {
  id: string;
  created: number;
  model: FaceModelId;
}

export const ANSWER_MODE_HEADER = 'X-Answer-Mode';
export const FALLBACK_REASON_HEADER = 'X-Fallback-Reason';

/** Tokens the answer spent (0 in search mode; 0 when a cut stream never reported them). */
export function completionUsage(metadata: ChatMetadata): CompletionUsage {
  const input = metadata.usage?.inputTokens ?? 0;
  const output = metadata.usage?.outputTokens ?? 0;
  return { prompt_tokens: input, completion_tokens: output, total_tokens: input + output };
}

export function answerModeFields(metadata: ChatMetadata): AnswerModeFields {
  return { answer_mode: metadata.mode, fallback_reason: metadata.fallbackReason ?? null };
}

/** The mode as response headers: known once the first text is out, so a late fallback shows only in the body. */
export function answerModeHeaders(metadata: ChatMetadata): Record<string, string> {
  return {
    [ANSWER_MODE_HEADER]: metadata.mode,
    ...(metadata.fallbackReason ? { [FALLBACK_REASON_HEADER]: metadata.fallbackReason } : {}),
  };
}

/** A whole (non-streamed) completion. */
export function chatCompletion(
  identity: CompletionIdentity,
  markdown: CitedMarkdown,
  state: AnswerState,
): ChatCompletion {
  return {
    ...identity,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: markdown.content,
          refusal: null,
          annotations: markdown.annotations,
        },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: completionUsage(state.metadata),
    ...answerModeFields(state.metadata),
  };
}

/** Reads the whole answer through the Markdown rewriter; for non-streamed completions and MCP. */
export async function collectAnswer(answer: FollowedAnswer, markdown: CitedMarkdown): Promise<void> {
  for await (const delta of answer.deltas) markdown.push(delta, answer.state.citations.citations);
  markdown.finish(answer.state.citations);
}

/** Chunks of one completion; with usage asked for, each says `usage: null` until the usage chunk. */
function chunkMaker(identity: CompletionIdentity, includeUsage: boolean) {
  return (
    delta: ChatCompletionChunk['choices'][number]['delta'],
    finish: 'stop' | null = null,
  ): ChatCompletionChunk => ({
    ...identity,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
}

const frame = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

/**
 * The answer as Chat Completions SSE frames: a role chunk (sent with the first text, not before), content
 * deltas carrying only new text, the Sources list, one delta with every annotation, the finish chunk with the
 * answer's mode, the usage chunk when asked for, then `[DONE]`. A pipeline failure ends it with an error
 * frame, which OpenAI clients raise as an error.
 */
export async function* completionFrames(
  identity: CompletionIdentity,
  answer: FollowedAnswer,
  markdown: CitedMarkdown,
  includeUsage: boolean,
): AsyncGenerator<string, void, undefined> {
  const chunk = chunkMaker(identity, includeUsage);
  const opening = frame(chunk({ role: 'assistant', content: '' }));
  let opened = false;
  for await (const delta of answer.deltas) {
    const content = markdown.push(delta, answer.state.citations.citations);
    if (!opened) yield opening;
    opened = true;
    if (content !== '') yield frame(chunk({ content }));
  }
  if (!opened) yield opening;
  const { state } = answer;
  if (state.error !== null) {
    yield frame({ error: { message: state.error, type: 'server_error', param: null, code: 'internal' } });
    return;
  }
  const tail = markdown.finish(state.citations);
  if (tail !== '') yield frame(chunk({ content: tail }));
  if (markdown.annotations.length > 0) yield frame(chunk({ annotations: markdown.annotations }));
  yield frame({ ...chunk({}, 'stop'), ...answerModeFields(state.metadata) });
  if (includeUsage) {
    yield frame({
      ...identity,
      object: 'chat.completion.chunk',
      choices: [],
      usage: completionUsage(state.metadata),
      ...answerModeFields(state.metadata),
    });
  }
  yield 'data: [DONE]\n\n';
}
