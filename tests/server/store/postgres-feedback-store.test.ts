import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import {
  openPostgresFeedbackStore,
  type PostgresFeedbackStoreOptions,
} from '../../../server/store/postgres-feedback-store.js';
import { POSTGRES_MIGRATIONS } from '../../../server/store/postgres-migrations.js';
import { type PostgresServer, postgresDescribe, startPostgres } from '../support/postgres-server.js';
import { feedbackStoreContract } from './contract/feedback-store-contract.js';
import type { ContractBackend } from './contract/store-under-test.js';
import { aFeedback } from './feedback-fixtures.js';

const DATABASE = 'aipm_store_test';
let server: PostgresServer | undefined;

const running = () => {
  if (!server) throw new Error('Postgres did not start (see the beforeAll error)');
  return server;
};
const freshSchema = async () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await running().sql(`CREATE SCHEMA ${schema}`, DATABASE);
  return schema;
};
const storeOptions = (url: string, logger = createMemoryLogger()): PostgresFeedbackStoreOptions => ({
  url,
  poolMax: 4,
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 10_000,
  logger,
});

const postgres: ContractBackend = {
  name: 'postgres',
  async freshLocation() {
    const schema = await freshSchema();
    const url = running().url(DATABASE, schema);
    return {
      open: (now) => openPostgresFeedbackStore({ ...storeOptions(url), ...(now ? { now } : {}) }),
      remove: () => running().sql(`DROP SCHEMA ${schema} CASCADE`, DATABASE),
    };
  },
};

postgresDescribe(describe)('the Postgres feedback store', () => {
  beforeAll(async () => {
    server = await startPostgres();
    await server.sql(`CREATE DATABASE ${DATABASE}`);
    console.info(`postgres: initdb ${server.timings.initdbMs} ms, start ${server.timings.startMs} ms`);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  feedbackStoreContract(() => postgres);

  describe('migrations under the advisory lock', () => {
    it('lets several instances start on one empty database at the same moment, migrating it once', async () => {
      const url = running().url(DATABASE, await freshSchema());
      const logger = createMemoryLogger();

      const stores = await Promise.all(
        Array.from({ length: 4 }, () => openPostgresFeedbackStore(storeOptions(url, logger))),
      );
      try {
        const applied = logger.lines.filter((line) => line.event === 'store_migration_applied');
        expect(applied.map((line) => line.version)).toEqual(
          POSTGRES_MIGRATIONS.map((migration) => migration.version),
        );
        const saved = await Promise.all(
          stores.map((store) =>
            store.saveFeedback({ ...aFeedback(), citationHeadings: {}, appVersion: 'test' }),
          ),
        );
        expect(saved.every((result) => result.created)).toBe(true);
        expect((await stores[0]?.insights())?.totals.feedback).toBe(stores.length);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('refuses a database migrated by a newer version of the app', async () => {
      const schema = await freshSchema();
      const url = running().url(DATABASE, schema);
      await (await openPostgresFeedbackStore(storeOptions(url))).close();
      await running().sql(
        `INSERT INTO ${schema}.schema_migrations (version, name) VALUES (99, 'future')`,
        DATABASE,
      );

      await expect(openPostgresFeedbackStore(storeOptions(url))).rejects.toThrow(/newer than this app knows/);
    });

    it('leaves nothing half-applied when a migration fails', async () => {
      const schema = await freshSchema();
      await running().sql(`CREATE TABLE ${schema}.gaps (id TEXT)`, DATABASE);

      await expect(
        openPostgresFeedbackStore(storeOptions(running().url(DATABASE, schema))),
      ).rejects.toThrow();

      const client = new pg.Client({ connectionString: running().url(DATABASE) });
      await client.connect();
      const tables = await client.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      );
      await client.end();
      expect(tables.rows.map((row) => row.table_name)).toEqual(['gaps']);
    });
  });

  it('rejects opening a database that does not exist, naming it', async () => {
    const url = `postgres://postgres@127.0.0.1:${running().port}/no_such_database`;

    await expect(openPostgresFeedbackStore(storeOptions(url))).rejects.toThrow(/no_such_database/);
  });
});
