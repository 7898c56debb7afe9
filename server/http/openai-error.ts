import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OpenAiErrorBody } from '../contract.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/** OpenAI's error `type` for each status, which OpenAI SDKs map to their error classes. */
function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/**
 * The OpenAI-compatible face's error handler: the app's AppError (and any other failure, logged and kept
 * vague) in OpenAI's error shape, with the same status the app uses everywhere else.
 */
export function openAiErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (!(error instanceof AppError)) {
      logger.error('unhandled_error', {
        requestId: c.get('requestId'),
        path: c.req.path,
        error: error.stack ?? error.message,
      });
    }
    const known =
      error instanceof AppError ? error : new AppError('internal', 'Something went wrong on our side');
    const message = known.details && known.details.length > 1 ? known.details.join('; ') : known.message;
    const body: OpenAiErrorBody = {
      error: { message, type: errorType(known.status), param: null, code: known.code },
    };
    return c.json(body, known.status as ContentfulStatusCode);
  };
}
