import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../app.js';
import type { AppConfig, LimitedRoute } from '../config.js';
import { AppError } from '../errors.js';
import type { RateLimitStores } from '../limits/rate-limit-stores.js';
import type { Logger } from '../logger.js';
import { clientAddress } from './client-address.js';

const pass: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next();
};

function retryAfterSeconds(c: Context<AppEnv>): string {
  return c.res.headers.get('retry-after') ?? c.req.header('retry-after') ?? '';
}

/** The 429 every limiter answers: the one error type, so each face renders it in its own shape. */
function refuse(what: string) {
  return (c: Context<AppEnv>) => {
    const seconds = retryAfterSeconds(c);
    throw new AppError(
      'rate_limited',
      `Too many ${what}; try again${seconds ? ` in ${seconds} s` : ' later'}`,
    );
  };
}

export interface RateLimits {
  /** Per client on one route group; a pass-through when that limit is 0. */
  perClient(route: LimitedRoute): MiddlewareHandler<AppEnv>;
  /** Counts only refused admin tokens; past the limit the client is locked out, right token or not. */
  adminLockout(): MiddlewareHandler<AppEnv>;
}

/**
 * Per-client request limits (hono-rate-limiter) with `RateLimit-*` headers on every answer and `Retry-After`
 * on a 429. The client is its socket address, or the trusted proxy's `X-Forwarded-For` hop with TRUST_PROXY.
 */
export function createRateLimits(
  config: Pick<AppConfig, 'limits' | 'trustProxy'>,
  stores: RateLimitStores,
  logger: Logger,
): RateLimits {
  const keyGenerator = (c: Context<AppEnv>) =>
    clientAddress(c, { trustProxy: config.trustProxy }) || 'unknown';
  return {
    perClient(route) {
      const limit = config.limits.perClient[route];
      if (limit === 0) return pass;
      return rateLimiter<AppEnv>({
        windowMs: config.limits.windowMs,
        limit,
        keyGenerator,
        store: stores.create(route),
        handler: refuse('requests'),
      });
    },
    adminLockout() {
      const { attempts, windowMs } = config.limits.adminLockout;
      return rateLimiter<AppEnv>({
        windowMs,
        limit: attempts,
        keyGenerator,
        store: stores.create('admin-token'),
        // Only a refused token counts: an admin who types it right is never slowed down.
        requestWasSuccessful: (c) => c.res.status !== 401,
        skipSuccessfulRequests: true,
        handler: (c) => {
          logger.warn('admin_lockout', {
            requestId: c.get('requestId'),
            client: keyGenerator(c),
            path: c.req.path,
          });
          return refuse('failed admin-token attempts')(c);
        },
      });
    },
  };
}
