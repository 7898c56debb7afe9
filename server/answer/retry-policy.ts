import { APICallError } from 'ai';

/** The AI SDK's own backoff before a first retry, doubled for each later one. */
const FIRST_BACKOFF_MS = 2_000;

export interface RetryBudget {
  /** 0 for the first retry. */
  attempt: number;
  maxRetries: number;
  /** Time left before the user's first-token deadline. */
  leftMs: number;
}

/**
 * How long to wait before retrying a failed model call, or undefined when it must not be retried: the
 * provider did not call the error retryable, the retries are used up, or the wait (the provider's
 * `retry-after-ms` / `retry-after`, else exponential backoff) would not end before the first-token deadline —
 * such a retry could never answer in time and would only hide the real cause behind a timeout.
 */
export function retryDelayMs(error: unknown, budget: RetryBudget): number | undefined {
  if (budget.attempt >= budget.maxRetries) return undefined;
  if (!APICallError.isInstance(error) || !error.isRetryable) return undefined;
  const delay = requestedDelayMs(error.responseHeaders) ?? FIRST_BACKOFF_MS * 2 ** budget.attempt;
  return delay < budget.leftMs ? delay : undefined;
}

/** The wait a provider asked for: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
function requestedDelayMs(headers: Record<string, string> | undefined): number | undefined {
  const milliseconds = Number.parseFloat(headers?.['retry-after-ms'] ?? '');
  if (milliseconds >= 0) return milliseconds;
  const retryAfter = headers?.['retry-after'];
  if (retryAfter === undefined) return undefined;
  const seconds = Number.parseFloat(retryAfter);
  const delay = Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1_000;
  return delay >= 0 ? delay : undefined;
}

/** Resolves after `ms`, or as soon as `signal` aborts (the caller checks which). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal.aborted) done();
    else signal.addEventListener('abort', done, { once: true });
  });
}
