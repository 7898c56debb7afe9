import type { AppDeps } from '../app.js';
import { AppError } from '../errors.js';

export interface StoreCall {
  requestId: string;
  /** The log event when the store fails, e.g. `feedback_save_failed`. */
  failureEvent: string;
  /** What the user reads in the 503. */
  userMessage: string;
  /** Extra log fields (ids, never request bodies). */
  fields?: Record<string, unknown>;
}

/**
 * Runs one store operation. Any store failure becomes a logged line (message only: no stack, no SQL) and a
 * 503, because the store may be back on the next try; nothing that failed is ever answered as a success.
 */
export async function callStore<Result>(deps: AppDeps, call: StoreCall, work: () => Promise<Result>) {
  try {
    return await work();
  } catch (error) {
    deps.logger.error(call.failureEvent, {
      requestId: call.requestId,
      ...call.fields,
      error: error instanceof Error ? error.message : String(error),
    });
    throw new AppError('unavailable', call.userMessage);
  }
}
