import { type ClientRateLimitInfo, type HonoConfigType, RedisStore, type Store } from 'hono-rate-limiter';
import { Redis } from 'ioredis';
import type { AppEnv } from '../app.js';
import type { Logger } from '../logger.js';
import type { RateLimitStores } from './rate-limit-stores.js';

const KEY_PREFIX = 'aipm-guide:rate-limit:';
const CONNECT_TIMEOUT_MS = 2_000;
const COMMAND_TIMEOUT_MS = 1_000;

/** Tells the log once when Redis stops answering and once when it is back, not on every request. */
function outageReporter(logger: Logger) {
  let down = false;
  return {
    failed(error: unknown) {
      if (down) return;
      down = true;
      logger.warn('rate_limit_store_down', {
        error: error instanceof Error ? error.message : String(error),
        effect: 'rate limits are not enforced until Redis answers again (fail open)',
      });
    },
    answered() {
      if (!down) return;
      down = false;
      logger.info('rate_limit_store_up', {});
    },
  };
}

/**
 * A Redis-backed store that lets requests through when Redis fails: a limiter that cannot count must not
 * take the whole service down with it.
 */
function failOpen(inner: Store<AppEnv>, outage: ReturnType<typeof outageReporter>): Store<AppEnv> {
  const quietly = async (work: () => unknown) => {
    try {
      await work();
      outage.answered();
    } catch (error) {
      outage.failed(error);
    }
  };
  return {
    localKeys: false,
    prefix: inner.prefix,
    init: (options: HonoConfigType<AppEnv>) => inner.init?.(options),
    async increment(key: string): Promise<ClientRateLimitInfo> {
      try {
        const info = await inner.increment(key);
        outage.answered();
        return info;
      } catch (error) {
        outage.failed(error);
        return { totalHits: 0 };
      }
    },
    decrement: (key: string) => quietly(() => inner.decrement(key)),
    resetKey: (key: string) => quietly(() => inner.resetKey(key)),
  };
}

/**
 * Counters shared by every instance through Redis (`REDIS_URL`), with hono-rate-limiter's own RedisStore
 * over ioredis. Commands never queue while Redis is away (they fail at once and the limit fails open), and
 * ioredis keeps reconnecting in the background.
 */
export async function connectRedisRateLimitStores(url: string, logger: Logger): Promise<RateLimitStores> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  });
  const outage = outageReporter(logger);
  // Without a listener ioredis prints every failed reconnect; the outage reporter says it once instead.
  redis.on('error', (error: Error) => outage.failed(error));
  try {
    await redis.connect();
    logger.info('rate_limit_store_connected', { store: 'redis' });
  } catch (error) {
    outage.failed(error);
  }
  const client = {
    scriptLoad: (script: string) => redis.script('LOAD', script) as Promise<string>,
    evalsha: <Args extends unknown[], Data = unknown>(sha: string, keys: string[], args: Args) =>
      redis.evalsha(sha, keys.length, ...keys, ...(args as Array<string | number>)) as Promise<Data>,
    decr: (key: string) => redis.decr(key),
    del: (key: string) => redis.del(key),
  };
  return {
    shared: true,
    create: (name: string) =>
      failOpen(new RedisStore<AppEnv>({ client, prefix: `${KEY_PREFIX}${name}:` }), outage),
    async close() {
      redis.disconnect();
    },
  };
}
