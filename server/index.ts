/** The one side-effect entry: reads the environment, builds the parts, serves, and shuts down cleanly. */
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createChatModel } from './answer/create-chat-model.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { serveWebUi } from './http/web-ui.js';
import { createLogger } from './logger.js';
import { buildRetriever } from './retrieval/build-retriever.js';
import { openFeedbackStore } from './store/open-feedback-store.js';

function readConfigOrExit() {
  // A local .env is a convenience for running by hand; variables already in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfigOrExit();
const logger = createLogger(config.logLevel);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const startedAt = performance.now();
const retriever = await buildRetriever({ corpusDir: config.corpusDir, logger });
const model = createChatModel(config.llm);
// A store that cannot be opened leaves chat and search serving; feedback answers 503 until it can.
const store = await openFeedbackStore({ config, logger });

const app = createApp({ config, retriever, model, store, logger, version });
serveWebUi(app, { dir: config.webDistDir, logger });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info: AddressInfo) => {
  logger.info('server_listening', {
    url: `http://${config.host}:${info.port}`,
    port: info.port,
    mode: model ? 'llm' : 'search',
    model: model?.id ?? null,
    ...retriever.stats,
    startupMs: Math.round(performance.now() - startedAt),
  });
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info('server_stopping', { signal });
  // Stop accepting connections, let in-flight requests finish, then close the database.
  server.close(async () => {
    await store.close();
    logger.info('server_stopped', { signal });
    process.exit(0);
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => {
    void store.close().finally(() => process.exit(0));
  }, 5_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
