import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every failure the API reports, each with its HTTP status. */
const STATUS_BY_CODE = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  model_not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  /** The search index is still being built or loaded; the answer carries `Retry-After`. */
  warming: 503,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type AppErrorCode = keyof typeof STATUS_BY_CODE;

/** The one error type the app throws on purpose; its message is safe to show to users. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: string[] | undefined;

  constructor(code: AppErrorCode, message: string, details?: string[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): ContentfulStatusCode {
    return STATUS_BY_CODE[this.code];
  }
}
