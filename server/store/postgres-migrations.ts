import type pg from 'pg';
import type { Logger } from '../logger.js';
import type { Migration } from './migrations.js';

/** 'AIPM' as an integer: the advisory lock every instance takes before it looks at the schema. */
export const MIGRATION_LOCK_KEY = 0x4149504d;

/**
 * The Postgres schema as an ordered history, the same tables as SQLite's with native types. Never edit an
 * applied migration: append a new one.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'feedback-flags-gaps-shares',
    sql: `
      CREATE TABLE feedback (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        reasons JSONB NOT NULL DEFAULT '[]',
        comment TEXT,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('search', 'llm', 'fallback')),
        model TEXT,
        citations JSONB NOT NULL DEFAULT '[]',
        truncated BOOLEAN,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        app_version TEXT NOT NULL
      );
      CREATE INDEX feedback_message_id ON feedback (message_id, updated_at);
      CREATE INDEX feedback_created_at ON feedback (created_at);

      -- A sentence may be long; the key holds its sha256 so the index stays small.
      CREATE TABLE citation_flags (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        message_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        sentence_hash TEXT NOT NULL,
        sentence TEXT NOT NULL,
        citation_id TEXT,
        headings JSONB NOT NULL DEFAULT '[]',
        question TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('search', 'llm', 'fallback')),
        model TEXT,
        created_at TIMESTAMPTZ NOT NULL,
        app_version TEXT NOT NULL,
        PRIMARY KEY (message_id, n, sentence_hash)
      );
      CREATE INDEX citation_flags_created_at ON citation_flags (created_at);
      CREATE INDEX citation_flags_citation_id ON citation_flags (citation_id, created_at);

      CREATE TABLE gaps (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        normalized_question TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('search', 'llm', 'fallback')),
        nearest JSONB NOT NULL DEFAULT '[]',
        request_id TEXT,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX gaps_normalized_question ON gaps (normalized_question, created_at);
      CREATE INDEX gaps_created_at ON gaps (created_at);

      -- json, not jsonb: a share is shown back exactly as it was stored.
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        delete_token_hash TEXT NOT NULL,
        snapshot JSON NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
];

/**
 * Brings the database up to the latest schema in one transaction under an advisory lock: instances starting
 * at the same moment queue on the lock, and each one after the first finds nothing left to do. A failure
 * rolls everything back, lock included, so a half-applied history cannot exist.
 */
export async function migratePostgres(
  pool: pg.Pool,
  logger: Logger,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  const applied: Migration[] = [];
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const result = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0)::int AS version FROM schema_migrations',
    );
    const found = result.rows[0]?.version ?? 0;
    if (found > latest) {
      throw new Error(
        `Database schema version ${found} is newer than this app knows (${latest}); upgrade the app`,
      );
    }
    for (const migration of migrations.filter((candidate) => candidate.version > found)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration);
    }
    await client.query('COMMIT');
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // A connection that failed mid-transaction is discarded rather than handed to the next query.
    client.release(failure);
  }
  for (const migration of applied) {
    logger.info('store_migration_applied', { version: migration.version, name: migration.name });
  }
  return latest;
}
