import { APICallError, type FinishReason, LoadAPIKeyError } from 'ai';
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
    const code = 'code' in current ? current.code : undefined;
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

const MENTIONS_API_KEY = /api key|apikey|api_key/i;
const KEY_MISSING = /missing|no api key|not provided|must provide|did(?:n't| not) provide/i;

/** The reason behind a call the provider answered; undefined when no response arrived at all. */
function fromApiCall(error: APICallError): FallbackReason | undefined {
  const { statusCode } = error;
  if (statusCode === undefined) return undefined;
  const body = error.responseBody ?? error.message;
  // Providers answer a missing key and a wrong key with the same 401; only the message tells them apart.
  if (statusCode === 401 && MENTIONS_API_KEY.test(body)) return KEY_MISSING.test(body) ? 'no-key' : 'auth';
  if (statusCode >= 400) return fromStatus(statusCode);
  // The response had begun (2xx) and the connection died under it: a socket reset mid-stream.
  return isNetworkError(error.cause) ? 'stream-cut' : undefined;
}

/**
 * Maps an error thrown by the AI SDK or the provider client to the reason shown to users. A missing key is
 * `no-key` whether the SDK or the provider noticed it. (Our calls never let the SDK retry, so there is no
 * RetryError to unwrap: see retry-policy.ts.)
 */
export function classifyError(error: unknown): FallbackReason {
  if (LoadAPIKeyError.isInstance(error)) return 'no-key';
  const fromResponse = APICallError.isInstance(error) ? fromApiCall(error) : undefined;
  if (fromResponse) return fromResponse;
  if (isAbortError(error)) return 'timeout';
  if (isNetworkError(error)) return 'network';
  return 'unknown';
}

/** What was observed about one streamed model call. */
export interface StreamObservation {
  /** The error that ended the call, if any: a retry we cut off leaves the provider error before it. */
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

/** The fields of the one `llm_fallback` log line: reason, HTTP status and a bounded message. */
export function describeFault(
  reason: FallbackReason,
  error: unknown,
): { reason: FallbackReason; status: number | undefined; message: string } {
  const message = error instanceof Error ? error.message : error === undefined ? reason : String(error);
  const status = APICallError.isInstance(error) ? error.statusCode : undefined;
  return { reason, status, message: message.slice(0, 300) };
}
