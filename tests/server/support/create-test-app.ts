import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppDeps, createApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { openSqliteFeedbackStore } from '../../../server/store/sqlite-feedback-store.js';
import { corpusRetriever } from './corpus-retrieval.js';

/**
 * The app as `server/index.ts` assembles it — real retriever, real SQLite file in a temp dir — with any
 * dependency replaceable. Call `close()` in afterEach/afterAll.
 */
export async function createTestApp(overrides: Partial<AppDeps> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'aipm-guide-test-'));
  const logger = createMemoryLogger();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const store = openSqliteFeedbackStore({ dataDir, logger });
  const deps: AppDeps = {
    config,
    retriever: await corpusRetriever(),
    model: null,
    store,
    logger,
    version: 'test',
    ...overrides,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    logger,
    close() {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
