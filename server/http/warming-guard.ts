import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app.js';
import { AppError } from '../errors.js';
import type { Retriever } from '../retrieval/types.js';

/** What a client is told to wait while the index warms: a snapshot loads in seconds. */
export const WARMING_RETRY_AFTER_SECONDS = 5;

/**
 * Refuses a request that needs the index while it is still being built or loaded: 503 `warming` with
 * `Retry-After`, raised as an AppError so each face (/api, /v1, /mcp) renders it in its own shape.
 */
export function refuseWhileWarming(retriever: Retriever): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (retriever.warming === true) {
      c.header('Retry-After', String(WARMING_RETRY_AFTER_SECONDS));
      throw new AppError(
        'warming',
        `The search index is still loading; try again in ${WARMING_RETRY_AFTER_SECONDS} s`,
      );
    }
    await next();
  };
}
