import { type FinishReason, type LanguageModelUsage, streamText } from 'ai';
import type { AppConfig } from '../config.js';
import type { FallbackReason, TokenUsage } from '../contract.js';
import { type AbortScope, createAbortScope } from './abort-scope.js';
import { createAnswerGuard, type GuardStop } from './answer-guard.js';
import type { ChatModel } from './chat-model.js';
import { classifyFault } from './classify-fault.js';
import type { AnswerPrompt } from './prompt.js';
import { pause, retryDelayMs } from './retry-policy.js';
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
  /** True when the answer reached `llm.maxAnswerChars` and the call was stopped there. */
  truncated: boolean;
  /** null when the call succeeded (or the client left); `prompt-leak` when the answer echoed the instructions. */
  fault: FallbackReason | null;
  error?: unknown;
  clientAborted: boolean;
}

type TimerKind = 'first-token' | 'total';

/** How one attempt at the call ended. */
interface AttemptOutcome {
  /** The first error the attempt raised or threw. */
  error?: unknown;
  finishReason?: FinishReason;
  usage?: TokenUsage;
}

/** What the attempts of one call share. */
interface CallState {
  scope: AbortScope;
  startedAt: number;
  firstTokenMs?: number;
  timedOut?: TimerKind;
  /** Set when an output check stopped the call: an abort we asked for, not a fault of the provider. */
  stopped?: GuardStop;
  /** Answer text arrived: the request can no longer be retried. */
  onAnswerText: (delta: string) => void;
  /** Reasoning or answer text arrived: the model is alive. */
  onAlive: () => void;
}

/** The two deadlines the SDK lacks; each aborts the call and records which one fired. */
function armDeadlines(llm: AppConfig['llm'], call: CallState) {
  const arm = (kind: TimerKind, ms: number) =>
    setTimeout(() => {
      call.timedOut ??= kind;
      call.scope.abort(new DOMException(`No ${kind} from the model within ${ms} ms`, 'TimeoutError'));
    }, ms);
  const firstToken = arm('first-token', llm.firstTokenTimeoutMs);
  const total = arm('total', llm.totalTimeoutMs);
  return {
    alive: () => clearTimeout(firstToken),
    firstTokenLeftMs: () => call.startedAt + llm.firstTokenTimeoutMs - performance.now(),
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

/** One request to the provider, without the SDK's retries: ours are bounded by the first-token deadline. */
async function streamAttempt(input: ModelStreamInput, call: CallState): Promise<AttemptOutcome> {
  const outcome: AttemptOutcome = {};
  const result = streamText({
    model: input.model.languageModel,
    instructions: input.prompt.instructions,
    prompt: input.prompt.prompt,
    maxOutputTokens: input.llm.maxOutputTokens,
    maxRetries: 0,
    abortSignal: call.scope.signal,
    onError: ({ error }) => {
      outcome.error ??= error;
    },
  });
  try {
    for await (const part of result.fullStream) {
      // Reasoning tokens prove the model is alive; only answer text counts as the first token for users.
      if (part.type === 'reasoning-delta') call.onAlive();
      else if (part.type === 'text-delta') call.onAnswerText(part.text);
      else if (part.type === 'error') outcome.error ??= part.error;
      else if (part.type === 'finish') {
        outcome.finishReason = part.finishReason;
        outcome.usage = usageOf(part.totalUsage);
      }
    }
  } catch (thrown) {
    // A socket reset mid-body throws from the loop without reaching onError.
    outcome.error ??= thrown;
  }
  return outcome;
}

/**
 * Attempts the call until it succeeds, fails for good, or a retry could not answer before the first-token
 * deadline. A retry that ends only because we aborted it says nothing new, so the provider error that
 * caused it stays the cause: a 500 followed by silence is a server error, not a timeout.
 */
async function attemptWithRetries(
  input: ModelStreamInput,
  call: CallState,
  firstTokenLeftMs: () => number,
): Promise<AttemptOutcome> {
  let providerError: unknown;
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await streamAttempt(input, call);
    if (call.scope.signal.aborted && providerError !== undefined) return { ...outcome, error: providerError };
    if (outcome.error === undefined || call.firstTokenMs !== undefined) return outcome;
    providerError = outcome.error;
    const budget = { attempt, maxRetries: input.llm.maxRetries, leftMs: firstTokenLeftMs() };
    const delay = retryDelayMs(outcome.error, budget);
    if (delay === undefined) return outcome;
    await pause(delay, call.scope.signal);
    if (call.scope.signal.aborted) return outcome;
  }
}

/** The fault, if any: an output check's stop is ours, so only a leak counts, and a capped answer is whole. */
function faultOf(call: CallState, outcome: AttemptOutcome, producedText: boolean): FallbackReason | null {
  if (call.stopped === 'capped') return null;
  if (call.stopped === 'leak') return 'prompt-leak';
  const { error, finishReason } = outcome;
  return classifyFault({ error, timedOut: call.timedOut, finishReason, producedText });
}

/**
 * One streamed model call with the guards the SDK lacks: a first-token timer and a total timer that abort
 * the request and are told apart from other aborts, retries that never outlast the first-token deadline,
 * citation markers verified before they are emitted, output checks (`answer-guard.ts`: the character cap and
 * a repeated system prompt) that stop the call, and every ending — error part, thrown socket reset,
 * interrupted body, silent abort, empty text — classified.
 */
export async function runModelStream(input: ModelStreamInput): Promise<ModelStreamResult> {
  const filter = createCitationFilter(input.passageCount);
  const guard = createAnswerGuard({
    maxChars: input.llm.maxAnswerChars,
    instructions: input.prompt.instructions,
  });
  let text = '';
  const show = (delta: string) => {
    if (delta === '') return;
    text += delta;
    input.onText(delta);
  };
  const emit = (verified: string) => {
    show(guard.push(verified));
    if (guard.stopped && !call.stopped) {
      // Stop reading the model: past the cap or into a leak, more text is only work and tokens.
      call.stopped = guard.stopped;
      call.scope.abort(new DOMException(`Answer stopped: ${guard.stopped}`, 'AbortError'));
    }
  };
  const call: CallState = {
    scope: createAbortScope(input.signal),
    startedAt: performance.now(),
    onAnswerText: (delta) => {
      call.onAlive();
      call.firstTokenMs ??= Math.round(performance.now() - call.startedAt);
      emit(filter.push(delta));
    },
    onAlive: () => deadlines.alive(),
  };
  const deadlines = armDeadlines(input.llm, call);
  const outcome = await attemptWithRetries(input, call, deadlines.firstTokenLeftMs).finally(() => {
    deadlines.clear();
    call.scope.dispose();
  });
  emit(filter.flush());
  show(guard.flush());
  const clientAborted = input.signal.aborted;
  const fault = clientAborted ? null : faultOf(call, outcome, text.trim() !== '');
  const error = call.stopped ? undefined : outcome.error;
  const { firstTokenMs } = call;
  const truncated = call.stopped === 'capped';
  const { usage } = outcome;
  return {
    text,
    removedCitations: filter.removed,
    usage,
    firstTokenMs,
    truncated,
    fault,
    error,
    clientAborted,
  };
}
