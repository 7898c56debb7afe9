import { type AppDeps, createApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { openSqliteFeedbackStore } from '../../../server/store/sqlite-feedback-store.js';
import { aSteppingClock, aTempDir, aTwoSectionRetriever } from './feedback-fixtures.js';

/** What `app.request` passes as the Node bindings so the app sees a client on this machine. */
export const FROM_THIS_MACHINE = {
  incoming: { socket: { remoteAddress: '127.0.0.1', remoteFamily: 'IPv4' } },
};

/** The same, from another machine on the network. */
export const FROM_ANOTHER_MACHINE = {
  incoming: { socket: { remoteAddress: '10.0.0.7', remoteFamily: 'IPv4' } },
};

/**
 * The real app over a real SQLite file in a temp dir, a two-section retriever and no model. Rows are stamped
 * one second apart from 2026-01-01T00:00:00Z.
 */
export function aFlywheelApp(env: Record<string, string> = {}) {
  const temp = aTempDir('aipm-flywheel-app');
  const logger = createMemoryLogger();
  const config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent', ...env });
  const store = openSqliteFeedbackStore({ dataDir: temp.dir, logger, now: aSteppingClock() });
  const deps: AppDeps = {
    config,
    retriever: aTwoSectionRetriever(),
    model: null,
    store,
    logger,
    version: '0.1.0-test',
  };
  return {
    app: createApp(deps),
    store,
    logger,
    async close() {
      await store.close();
      temp.remove();
    },
  };
}
