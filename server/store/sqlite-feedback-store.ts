import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import type { FeedbackStore } from './feedback-store.js';
import { migrate } from './migrations.js';
import { createFileGuard } from './sqlite-file-guard.js';
import { openSqliteReads } from './sqlite-insights.js';
import { openSqliteWrites } from './sqlite-writes.js';

export const DATABASE_FILE_NAME = 'aipm-guide.sqlite';
const BUSY_TIMEOUT_MS = 5_000;

export interface SqliteFeedbackStoreOptions {
  /** Directory holding the database file; created when missing. */
  dataDir: string;
  logger: Logger;
  /** The clock stamped on new rows; injectable so tests can order rows without sleeping. */
  now?: () => Date;
}

/** The database file in `dataDir` (created when missing), at the latest schema; closed again if opening fails. */
function openMigratedDatabase(file: string, logger: Logger): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    configure(db);
    const schemaVersion = migrate(db, logger);
    logger.info('store_opened', { backend: 'sqlite', file, schemaVersion });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database.Database): void {
  // Reading the header and schema here is what turns a corrupt, truncated or foreign file into an error at start.
  // WAL keeps readers off the writer's back; FULL fsyncs every commit, so an acknowledged 👎 survives a power cut.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
}

/**
 * The SQLite FeedbackStore: one file in `dataDir`, schema migrated on open. Each write is one transaction that
 * resolves only after its commit is on disk, inside a guard that refuses to acknowledge into a deleted or
 * replaced file.
 */
export function openSqliteFeedbackStore(options: SqliteFeedbackStoreOptions): FeedbackStore {
  const { logger } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const file = path.join(options.dataDir, DATABASE_FILE_NAME);
  const db = openMigratedDatabase(file, logger);
  const guard = createFileGuard(file, logger);
  const writes = openSqliteWrites(db);
  const reads = openSqliteReads(db);

  return {
    saveFeedback: async (feedback) => guard.run(() => writes.saveFeedback(feedback, now())),
    saveCitationFlags: async (report) => guard.run(() => writes.saveFlags(report, now())),
    logGap: async (gap) => guard.run(() => writes.logGap(gap, now())),
    insights: async (range) => guard.run(() => reads.insights(range)),
    exportCandidates: async () => guard.run(() => reads.evalCandidates()),
    exportFeedback: async (page) => guard.run(() => reads.feedbackPage(page)),
    saveShare: async (share) => guard.run(() => writes.saveShare(share, now())),
    readShare: async (id) => guard.run(() => writes.readShare(id)),
    deleteShare: async (id) => guard.run(() => writes.deleteShare(id)),
    status: async () => (db.open && guard.healthy() ? 'ok' : 'down'),
    async close() {
      if (db.open) db.close();
    },
  };
}
