import path from 'node:path';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { FeedbackStore } from './feedback-store.js';
import { describeTarget, openPostgresFeedbackStore } from './postgres-feedback-store.js';
import { openRecoveringStore } from './recovering-store.js';
import { DATABASE_FILE_NAME, openSqliteFeedbackStore } from './sqlite-feedback-store.js';

export interface StoreChoice {
  config: Pick<AppConfig, 'dataDir' | 'database'>;
  logger: Logger;
  now?: () => Date;
}

/** Postgres when `DATABASE_URL` is set, else SQLite in `DATA_DIR`. */
export function storeBackend(config: StoreChoice['config']): 'sqlite' | 'postgres' {
  return config.database.url ? 'postgres' : 'sqlite';
}

/** Opens the configured store or rejects: for tools that have nothing to do without one. */
export async function openConfiguredStore({ config, logger, now }: StoreChoice): Promise<FeedbackStore> {
  const { url, ...pool } = config.database;
  if (url) return openPostgresFeedbackStore({ url, ...pool, logger, ...(now ? { now } : {}) });
  return openSqliteFeedbackStore({ dataDir: config.dataDir, logger, ...(now ? { now } : {}) });
}

/** The server's store: never rejects; while the database cannot be opened it answers `down` and retries. */
export function openFeedbackStore(choice: StoreChoice): Promise<FeedbackStore> {
  const { url } = choice.config.database;
  let target = path.join(choice.config.dataDir, DATABASE_FILE_NAME);
  if (url) {
    const { host, port, database } = describeTarget(url);
    target = `${host}:${port}/${database}`;
  }
  return openRecoveringStore(() => openConfiguredStore(choice), {
    backend: storeBackend(choice.config),
    target,
    logger: choice.logger,
  });
}
