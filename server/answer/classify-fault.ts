import { APICallError, type FinishReason, LoadAPIKeyError, RetryError } from 'ai';
import type { FallbackReason } from '../contract.js';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ConnectionRefused',
  'ConnectionClosed',
]);
const NETWORK_MESSAGE =
  /fetch failed|cannot connect to api|socket hang up|terminated|other side closed|network/i;

/** True when anything in the error's cause chain is a connection failure. */
function isNetworkError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (NETWORK_MESSAGE.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function fromStatus(status: number): FallbackReason {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server-error';
  return 'unknown';
}

/**
 * Maps an error thrown by the AI SDK or the provider client to the reason shown to users. A RetryError is
 * judged by its last attempt; a missing key is `no-key` whether the SDK or the provider noticed it.
 */
export function classifyError(error: unknown): FallbackReason {
  if (RetryError.isInstance(error)) {
    const attempts = error.errors;
    const lastError = error.reason === 'abort' ? attempts.at(-1) : error.lastError;
    return lastError === undefined ? 'unknown' : classifyError(lastError);
  }
  if (LoadAPIKeyError.isInstance(error)) return 'no-key';
  if (APICallError.isInstance(error)) {
    if (error.statusCode === 401 && /api key|apikey|api_key/i.test(error.responseBody ?? error.message)) {
      return /missing|no api key|not provided|must provide|did(?:n't| not) provide/i.test(
        error.responseBody ?? error.message,
      )
        ? 'no-key'
        : 'auth';
    }
    if (error.statusCode !== undefined && error.statusCode >= 400) return fromStatus(error.statusCode);
    // The response had begun (2xx) and the connection died under it: a socket reset mid-stream.
    if (error.statusCode !== undefined && isNetworkError(error.cause)) return 'stream-cut';
  }
  if (isAbortError(error)) return 'timeout';
  if (isNetworkError(error)) return 'network';
  return 'unknown';
}

/** What was observed about one streamed model call. */
export interface StreamObservation {
  /** The first error the stream raised or threw, if any. */
  error?: unknown;
  /** Set when one of our own timers aborted the call. */
  timedOut?: 'first-token' | 'total';
  finishReason?: FinishReason;
  /** Whether the model produced any visible text. */
  producedText: boolean;
}

/**
 * The fault in a streamed call, or null when it succeeded. An error that says more than "aborted" (an HTTP
 * status, a refused connection) wins over our timers, which otherwise mean `timeout`; a body cut short ends
 * with `interrupted` and no error; a stream that ends without text is `empty`.
 */
export function classifyFault(observation: StreamObservation): FallbackReason | null {
  const { error, timedOut, finishReason, producedText } = observation;
  const fromError = error === undefined ? undefined : classifyError(error);
  if (fromError !== undefined && fromError !== 'timeout' && fromError !== 'unknown') return fromError;
  if (timedOut) return 'timeout';
  if (fromError !== undefined) return fromError;
  if (finishReason === 'interrupted') return 'stream-cut';
  if (finishReason === 'error') return 'unknown';
  if (!producedText) return 'empty';
  return null;
}

/** The HTTP status behind a fault, when there was one (a RetryError is judged by its last attempt). */
function statusOf(error: unknown): number | undefined {
  if (RetryError.isInstance(error)) return statusOf(error.lastError);
  return APICallError.isInstance(error) ? error.statusCode : undefined;
}

/** The fields of the one `llm_fallback` log line: reason, HTTP status and a bounded message. */
export function describeFault(
  reason: FallbackReason,
  error: unknown,
): { reason: FallbackReason; status: number | undefined; message: string } {
  const message = error instanceof Error ? error.message : error === undefined ? reason : String(error);
  return { reason, status: statusOf(error), message: message.slice(0, 300) };
}
