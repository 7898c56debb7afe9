import type Database from 'better-sqlite3';
import type { Logger } from '../logger.js';

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; versions are 1, 2, 3… with no gaps. */
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, as an ordered history. Never edit an applied migration: append a new one, so that every
 * existing database file reaches the same schema as a fresh one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'feedback-and-gaps',
    sql: `
      CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        reasons TEXT NOT NULL DEFAULT '[]',
        comment TEXT,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('search', 'llm', 'fallback')),
        model TEXT,
        citations TEXT NOT NULL DEFAULT '[]',
        citation_flags TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        app_version TEXT NOT NULL
      );
      CREATE INDEX feedback_rating_created_at ON feedback (rating, created_at);
      CREATE INDEX feedback_created_at ON feedback (created_at);

      CREATE TABLE gaps (
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        normalized_question TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('search', 'llm', 'fallback')),
        nearest TEXT NOT NULL DEFAULT '[]',
        request_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX gaps_normalized_question ON gaps (normalized_question, created_at);
    `,
  },
];

function currentVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database up to the latest schema. Each step runs in its own IMMEDIATE transaction that re-reads
 * the version, so two processes starting at once cannot both apply it; re-running is a no-op.
 */
export function migrate(
  db: Database.Database,
  logger: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const found = currentVersion(db);
  if (found > latest) {
    throw new Error(
      `Database schema version ${found} is newer than this app knows (${latest}); upgrade the app`,
    );
  }
  for (const migration of migrations) {
    const applied = db
      .transaction(() => {
        if (currentVersion(db) >= migration.version) return false;
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
        return true;
      })
      .immediate();
    if (applied) logger.info('store_migration_applied', { version: migration.version, name: migration.name });
  }
  return currentVersion(db);
}
