import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRequest, HealthResponse, InsightsReport } from '../../server/contract.js';
import { POSTGRES_MIGRATIONS } from '../../server/store/postgres-migrations.js';
import { aTempDir } from './store/feedback-fixtures.js';
import { type PostgresServer, postgresDescribe, startPostgres } from './support/postgres-server.js';
import { type RedisServer, redisMissing, startRedisServer } from './support/redis-server.js';
import { postJson, request, stopServer, writeTinyCorpus } from './support/server-probe.js';
import { type ServerProcess, startServerProcess } from './support/start-server-process.js';

// Without Debian redis-server the suite is skipped with a warning; in CI that is a failure.
const missing = redisMissing();
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`skipping the multi-instance tests: ${missing}`);

const ADMIN_TOKEN = 'multi-instance-admin-token';
const SEARCH_LIMIT = 5;
const DATABASE = 'guide_shared';

const temp = aTempDir('aipm-multi-instance');
let postgres: PostgresServer | undefined;
let redis: RedisServer | undefined;
let instances: ServerProcess[] = [];

/** Both instances as a load balancer would run them: the same corpus, database, Redis and admin token. */
function sharedEnv(): Record<string, string> {
  if (!postgres || !redis) throw new Error('Postgres and Redis must be running');
  return {
    CORPUS_DIR: writeTinyCorpus(temp.dir),
    DATABASE_URL: postgres.url(DATABASE),
    REDIS_URL: redis.url,
    ADMIN_TOKEN,
    TRUST_PROXY: 'true',
    RATE_LIMIT_SEARCH: String(SEARCH_LIMIT),
  };
}

beforeAll(async () => {
  if (missing) return;
  [postgres, redis] = await Promise.all([startPostgres(), startRedisServer()]);
  await postgres.sql(`CREATE DATABASE ${DATABASE}`);
  const env = sharedEnv();
  // Each instance keeps its own DATA_DIR (index snapshots), as on separate machines; both start at once.
  instances = await Promise.all(
    ['a', 'b'].map((name) => startServerProcess(path.join(temp.dir, `instance-${name}`), env)),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => stopServer(instance)));
  await redis?.stop();
  await postgres?.stop();
  temp.remove();
}, 60_000);

function instance(index: 0 | 1): ServerProcess {
  const running = instances[index];
  if (!running) throw new Error(`instance ${index} did not start`);
  return running;
}

async function appliedMigrations(): Promise<number[]> {
  const client = new pg.Client({ connectionString: postgres?.url(DATABASE) });
  await client.connect();
  try {
    const result = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    return result.rows.map((row) => row.version);
  } finally {
    await client.end();
  }
}

function aFeedbackOnTheTinyCorpus(): FeedbackRequest {
  return {
    id: randomUUID(),
    messageId: `message-${randomUUID()}`,
    rating: 'down',
    reasons: ['wrong'],
    comment: 'Written through instance A',
    question: 'How should a feature be rolled out?',
    answer: 'Ship behind a flag and widen the rollout [1].',
    mode: 'search',
    citations: [{ n: 1, id: 'guide#shipping-features' }],
  };
}

/** A search from one client, as the load balancer forwards it to either instance. */
async function searchThrough(running: ServerProcess, client: string): Promise<number> {
  const reply = await request(running, '/api/search?q=rollout', {
    headers: { 'x-forwarded-for': client },
  });
  return reply.status;
}

const describeWithBoth = postgresDescribe(describe.skipIf(missing !== null));

describeWithBoth('two instances sharing one Postgres and one Redis', () => {
  it('both come up healthy from an empty database, with each migration applied once', async () => {
    for (const running of instances) {
      const health = (await request(running, '/api/health')).json as HealthResponse;
      expect(health).toMatchObject({ status: 'ok', store: 'ok' });
    }
    const expected = POSTGRES_MIGRATIONS.map((migration) => migration.version);
    expect(await appliedMigrations()).toEqual(expected);
    const applyLines = instances.flatMap((running) =>
      running.logs.filter((line) => line.includes('"event":"store_migration_applied"')),
    );
    expect(applyLines).toHaveLength(expected.length);
  });

  it("shows feedback written through instance A in instance B's insights", async () => {
    const feedback = aFeedbackOnTheTinyCorpus();

    expect((await postJson(instance(0), '/api/feedback', feedback)).status).toBe(201);

    const reply = await request(instance(1), '/api/insights', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(reply.status).toBe(200);
    const insights = reply.json as InsightsReport;
    expect(insights.totals).toMatchObject({ feedback: 1, down: 1 });
    expect(insights.latestBadCases.map((badCase) => badCase.id)).toEqual([feedback.id]);
  });

  it('limits a client hammering both instances once across both, not once per instance', async () => {
    const client = '198.51.100.7';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < SEARCH_LIMIT * 4; attempt += 1) {
      statuses.push(await searchThrough(instance(attempt % 2 === 0 ? 0 : 1), client));
    }

    expect(statuses.filter((status) => status === 200)).toHaveLength(SEARCH_LIMIT);
    expect(statuses.slice(SEARCH_LIMIT).every((status) => status === 429)).toBe(true);
    // Another client still has its whole allowance.
    expect(await searchThrough(instance(1), '198.51.100.8')).toBe(200);
  });
});
