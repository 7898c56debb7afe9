/** The parts every entry builds from the environment: the HTTP server (index.ts) and MCP over stdio. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createChatModel } from './answer/create-chat-model.js';
import type { AppDeps } from './app.js';
import { type AppConfig, ConfigError, loadConfig } from './config.js';
import { urlPassword } from './log-redaction.js';
import { createLogger } from './logger.js';
import { buildRetriever } from './retrieval/build-retriever.js';
import { hybridOptionsFrom } from './retrieval/embeddings/hybrid-search.js';
import { type WarmingRetriever, warmingRetriever } from './retrieval/warming-retriever.js';
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

/** The app's version from package.json: one level up from server/*.ts, two from the built dist/server/index.js. */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    const file = new URL(relative, import.meta.url);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

/** Every secret the configuration holds: none of them may ever reach a log line. */
function configuredSecrets(config: AppConfig): Array<string | null> {
  return [
    config.llm.apiKey,
    config.embeddings?.apiKey ?? null,
    config.adminToken,
    ...config.apiKeys,
    urlPassword(config.database.url),
    urlPassword(config.limits.redisUrl),
  ];
}

/** The entries' parts: the retriever is still warming when they get it (`retriever.ready` says when it is built). */
export interface AssembledDeps extends AppDeps {
  retriever: WarmingRetriever;
}

/**
 * Config (exits listing every problem when it is bad), logger on stderr, retriever, model and store. The
 * index is built, or loaded from its snapshot, in the background: the HTTP server listens meanwhile.
 */
export async function assembleDeps(): Promise<AssembledDeps> {
  const config = readConfigOrExit();
  const logger = createLogger(config.logLevel, undefined, { secrets: configuredSecrets(config) });
  const version = packageVersion();
  const embeddings = config.embeddings ? hybridOptionsFrom(config.embeddings, config.dataDir) : undefined;
  const retriever = warmingRetriever(
    buildRetriever({
      corpusDir: config.corpusDir,
      logger,
      snapshotDir: path.join(config.dataDir, 'index'),
      ...(embeddings ? { embeddings } : {}),
    }),
  );
  const model = createChatModel(config.llm);
  // A store that cannot be opened leaves chat and search serving; feedback answers 503 until it can.
  const store = await openFeedbackStore({ config, logger });
  return { config, logger, version, retriever, model, store };
}
