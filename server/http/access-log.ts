import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app.js';
import type { Logger } from '../logger.js';

/**
 * One `http_request` line per request: method, path (never the query, which can carry a question), status,
 * milliseconds until the response began (a stream's headers go out before its answer), request id. No
 * bodies, no headers.
 */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const startedAt = performance.now();
    await next();
    logger.info('http_request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - startedAt),
    });
  };
}
