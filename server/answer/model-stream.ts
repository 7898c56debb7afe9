import { type FinishReason, type LanguageModelUsage, streamText } from 'ai';
import type { AppConfig } from '../config.js';
import type { FallbackReason, TokenUsage } from '../contract.js';
import { type AbortScope, createAbortScope } from './abort-scope.js';
import type { ChatModel } from './chat-model.js';
import { classifyFault } from './classify-fault.js';
import type { AnswerPrompt } from './prompt.js';
import { createCitationFilter } from './verify-citations.js';

export interface ModelStreamInput {
  model: ChatModel;
  prompt: AnswerPrompt;
  llm: AppConfig['llm'];
  /** Markers must point inside 1..passageCount. */
  passageCount: number;
  /** The client's signal: stop or disconnect aborts the upstream request. */
  signal: AbortSignal;
  /** Receives verified text only, in order. */
  onText: (delta: string) => void;
}

export interface ModelStreamResult {
  /** Everything passed to onText. */
  text: string;
  removedCitations: number;
  /** Undefined when the provider reported no usage (some compatible servers never do; a cut stream cannot). */
  usage?: TokenUsage;
  /** From the model call to its first answer text. */
  firstTokenMs?: number;
  /** null when the call succeeded (or the client left). */
  fault: FallbackReason | null;
  error?: unknown;
  clientAborted: boolean;
}

type TimerKind = 'first-token' | 'total';

/** What the stream loop learns as parts arrive. */
interface Observed {
  text: string;
  error?: unknown;
  finishReason?: FinishReason;
  usage?: TokenUsage;
  firstTokenMs?: number;
  timedOut?: TimerKind;
}

/** The two deadlines the SDK lacks; each aborts the call and records which one fired. */
function armDeadlines(llm: AppConfig['llm'], scope: AbortScope, observed: Observed) {
  const arm = (kind: TimerKind, ms: number) =>
    setTimeout(() => {
      observed.timedOut ??= kind;
      scope.abort(new DOMException(`No ${kind} from the model within ${ms} ms`, 'TimeoutError'));
    }, ms);
  const firstToken = arm('first-token', llm.firstTokenTimeoutMs);
  const total = arm('total', llm.totalTimeoutMs);
  return {
    alive: () => clearTimeout(firstToken),
    clear: () => {
      clearTimeout(firstToken);
      clearTimeout(total);
    },
  };
}

function usageOf(totalUsage: LanguageModelUsage): TokenUsage | undefined {
  const { inputTokens, outputTokens } = totalUsage;
  if (inputTokens === undefined && outputTokens === undefined) return undefined;
  return { inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0 };
}

async function consume(
  input: ModelStreamInput,
  scope: AbortScope,
  observed: Observed,
  onAnswerText: (text: string) => void,
  alive: () => void,
): Promise<void> {
  const startedAt = performance.now();
  const result = streamText({
    model: input.model.languageModel,
    instructions: input.prompt.instructions,
    prompt: input.prompt.prompt,
    maxOutputTokens: input.llm.maxOutputTokens,
    maxRetries: input.llm.maxRetries,
    abortSignal: scope.signal,
    onError: ({ error }) => {
      observed.error ??= error;
    },
  });
  for await (const part of result.fullStream) {
    // Reasoning tokens prove the model is alive; only answer text counts as the first token for users.
    if (part.type === 'reasoning-delta') alive();
    if (part.type === 'text-delta') {
      alive();
      observed.firstTokenMs ??= Math.round(performance.now() - startedAt);
      onAnswerText(part.text);
    } else if (part.type === 'error') observed.error ??= part.error;
    else if (part.type === 'finish') {
      observed.finishReason = part.finishReason;
      observed.usage = usageOf(part.totalUsage);
    }
  }
}

/**
 * One streamed model call with the guards the SDK lacks: a first-token timer and a total timer that abort
 * the request and are told apart from other aborts, citation markers verified before they are emitted, and
 * every ending — error part, thrown socket reset, interrupted body, silent abort, empty text — classified.
 */
export async function runModelStream(input: ModelStreamInput): Promise<ModelStreamResult> {
  const scope = createAbortScope(input.signal);
  const observed: Observed = { text: '' };
  const deadlines = armDeadlines(input.llm, scope, observed);
  const filter = createCitationFilter(input.passageCount);
  const emit = (delta: string) => {
    if (delta === '') return;
    observed.text += delta;
    input.onText(delta);
  };
  try {
    await consume(input, scope, observed, (text) => emit(filter.push(text)), deadlines.alive);
  } catch (thrown) {
    // A socket reset mid-body throws from the loop without reaching onError.
    observed.error ??= thrown;
  } finally {
    deadlines.clear();
    scope.dispose();
  }
  emit(filter.flush());
  const { text, error, timedOut, finishReason, usage, firstTokenMs } = observed;
  const clientAborted = input.signal.aborted;
  const fault = clientAborted
    ? null
    : classifyFault({ error, timedOut, finishReason, producedText: text.trim() !== '' });
  return { text, removedCitations: filter.removed, usage, firstTokenMs, fault, error, clientAborted };
}
