import { APICallError } from 'ai';
import type { ChatModel } from '../answer/chat-model.js';

/** Counts model calls in flight; `tryAcquire` hands out a release, or null when every slot is taken. */
export interface CallGate {
  readonly inFlight: number;
  tryAcquire(): (() => void) | null;
}

export function createCallGate(max: number): CallGate {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    tryAcquire() {
      if (inFlight >= max) return null;
      inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight -= 1;
      };
    },
  };
}

/**
 * The refusal past the cap. It reads to the answer layer like a provider's own 429 that must not be
 * retried, so the question is answered at once in search mode, labelled `fallback` / `rate-limit`.
 */
function capReached(max: number): APICallError {
  return new APICallError({
    message: `This server already has ${max} model calls in flight (LLM_MAX_CONCURRENT); answered by search`,
    url: 'local:llm-max-concurrent',
    requestBodyValues: {},
    statusCode: 429,
    isRetryable: false,
  });
}

/** The stream, releasing its slot once when it ends, fails or is cancelled. */
function releasingAtEnd<Part>(stream: ReadableStream<Part>, release: () => void): ReadableStream<Part> {
  const reader = stream.getReader();
  return new ReadableStream<Part>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          release();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}

type CallResult = { stream?: ReadableStream<unknown> };
type ModelCall = (options: unknown) => PromiseLike<CallResult>;

function gatedCall(call: ModelCall, gate: CallGate, max: number, streams: boolean): ModelCall {
  return async (options) => {
    const release = gate.tryAcquire();
    if (!release) throw capReached(max);
    try {
      const result = await call(options);
      if (streams && result.stream) return { ...result, stream: releasingAtEnd(result.stream, release) };
      release();
      return result;
    } catch (error) {
      release();
      throw error;
    }
  };
}

/**
 * The model with every call (answers and follow-up condensation alike) counted against one global cap, so
 * no burst of clients can hold more than `max` provider calls open at once. A slot is held until the
 * call's stream ends.
 */
export function gateModelCalls(model: ChatModel, gate: CallGate, max: number): ChatModel {
  const inner = model.languageModel;
  if (typeof inner === 'string') return model;
  const languageModel = new Proxy(inner, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      const bound = (value as ModelCall).bind(target);
      if (property === 'doStream') return gatedCall(bound, gate, max, true);
      if (property === 'doGenerate') return gatedCall(bound, gate, max, false);
      return bound;
    },
  });
  return { ...model, languageModel };
}
