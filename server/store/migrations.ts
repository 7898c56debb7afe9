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
  {
    version: 2,
    name: 'changeable-ratings-and-citation-flags',
    // Flags used to arrive as 👎 rows of their own (rating 'down', reasons ['unsupported']); they move to their
    // own table so that ratings count answers. The old column stays, always '[]' from now on.
    sql: `
      ALTER TABLE feedback ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      UPDATE feedback SET updated_at = created_at;
      ALTER TABLE feedback ADD COLUMN truncated INTEGER CHECK (truncated IN (0, 1));
      CREATE INDEX feedback_message_id ON feedback (message_id, updated_at);

      CREATE TABLE citation_flags (
        message_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        citation_id TEXT,
        headings TEXT NOT NULL DEFAULT '[]',
        question TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('search', 'llm', 'fallback')),
        model TEXT,
        created_at TEXT NOT NULL,
        app_version TEXT NOT NULL,
        PRIMARY KEY (message_id, n, sentence)
      );
      CREATE INDEX citation_flags_created_at ON citation_flags (created_at);
      CREATE INDEX citation_flags_citation_id ON citation_flags (citation_id, created_at);

      INSERT OR IGNORE INTO citation_flags
        (message_id, n, sentence, citation_id, headings, question, mode, model, created_at, app_version)
      SELECT f.message_id, json_extract(flag.value, '$.n'), json_extract(flag.value, '$.sentence'),
        cited.id, COALESCE(cited.headings, '[]'), f.question, f.mode, f.model, f.created_at, f.app_version
      FROM feedback f
      JOIN json_each(f.citation_flags) AS flag
      LEFT JOIN (
        SELECT c.id AS feedback_id, json_extract(citation.value, '$.n') AS n,
          json_extract(citation.value, '$.id') AS id, json_extract(citation.value, '$.headings') AS headings
        FROM feedback c, json_each(c.citations) AS citation
      ) AS cited ON cited.feedback_id = f.id AND cited.n = json_extract(flag.value, '$.n')
      WHERE f.citation_flags <> '[]';
      DELETE FROM feedback WHERE citation_flags <> '[]';
    `,
  },
  {
    version: 3,
    name: 'shares',
    sql: `
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        delete_token_hash TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
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
