import type { ErrorBody } from '../../server/contract.js';

/** A failed API call: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The response's JSON body when it had one, for routes whose error answers still carry data. */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** The server's `{ error: { code, message } }` from a raw body; undefined for anything else (a proxy's page). */
function parseErrorBody(body: string): ErrorBody['error'] | undefined {
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return undefined;
  const { error } = parsed;
  if (typeof error !== 'object' || error === null || !('message' in error) || !('code' in error))
    return undefined;
  const { code, message } = error;
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
}

/** The server's error message from a raw response body, or undefined when it is not one of ours. */
export function errorMessageFromBody(body: string): string | undefined {
  return parseErrorBody(body)?.message;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const error = parseErrorBody(text);
  if (error) return new ApiError(response.status, error.code, error.message);
  const message = `The server answered ${response.status}.`;
  return new ApiError(response.status, `http_${response.status}`, message, parseJson(text));
}

/** fetch + JSON with typed errors; aborts pass through as the usual AbortError. */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

/** A request cancelled on purpose (a newer one replaced it), not a failure to report. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
