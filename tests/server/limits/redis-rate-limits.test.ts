import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTempDir } from '../store/feedback-fixtures.js';
import { type RedisServer, redisMissing, startRedisServer } from '../support/redis-server.js';
import { stopServer, writeTinyCorpus } from '../support/server-probe.js';
import { type ServerProcess, startServerProcess } from '../support/start-server-process.js';

// Where Debian redis-server is missing the suite is skipped with a warning; in CI that is a failure.
const missing = redisMissing();
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`skipping the Redis rate-limit tests: ${missing}`);

const temp = aTempDir('aipm-redis-limits');
let redis: RedisServer;
let server: ServerProcess;
beforeAll(async () => {
  if (missing) return;
  redis = await startRedisServer();
  server = await startServerProcess(temp.dir, {
    CORPUS_DIR: writeTinyCorpus(temp.dir),
    REDIS_URL: redis.url,
    TRUST_PROXY: 'true',
    RATE_LIMIT_SEARCH: '2',
  });
}, 60_000);
afterAll(async () => {
  await stopServer(server);
  await redis?.stop();
  temp.remove();
});

/** A search as a client behind the trusted proxy, which names it in X-Forwarded-For. */
async function searchAs(client: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/search?q=evaluation`, {
    headers: { 'x-forwarded-for': `203.0.113.50, ${client}` },
  });
  await response.arrayBuffer();
  return response.status;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missing !== null)('rate limits counted in a real Redis (REDIS_URL)', () => {
  it('keeps the counters in Redis, one client apart from another by its forwarded address', async () => {
    expect([await searchAs('192.0.2.1'), await searchAs('192.0.2.1'), await searchAs('192.0.2.1')]).toEqual([
      200, 200, 429,
    ]);
    expect(await searchAs('192.0.2.2')).toBe(200);

    const client = new Redis(redis.url);
    const keys = await client.keys('aipm-guide:rate-limit:search:*');
    client.disconnect();
    expect(keys.sort()).toEqual([
      'aipm-guide:rate-limit:search:192.0.2.1',
      'aipm-guide:rate-limit:search:192.0.2.2',
    ]);
  });

  it('fails open with one warning while Redis is down, and counts again once it is back', async () => {
    await redis.halt();
    const whileDown = [await searchAs('192.0.2.1'), await searchAs('192.0.2.1'), await searchAs('192.0.2.1')];
    expect(whileDown).toEqual([200, 200, 200]);
    const warnings = server.logs.filter((line) => line.includes('"event":"rate_limit_store_down"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"level":"warn"');

    await redis.resume();
    // ioredis reconnects on its own schedule; a fresh Redis starts a fresh window.
    let limited = false;
    for (let attempt = 0; attempt < 60 && !limited; attempt += 1) {
      limited = (await searchAs('192.0.2.3')) === 429;
      if (!limited) await pause(100);
    }
    expect(limited).toBe(true);
    expect(server.logs.some((line) => line.includes('"event":"rate_limit_store_up"'))).toBe(true);
  }, 30_000);
});
