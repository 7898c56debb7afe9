/** The HTTP entry: reads the environment, builds the parts, serves, and shuts down cleanly (MCP over stdio: mcp-stdio.ts). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { assembleDeps } from './assemble-deps.js';
import { gracefulShutdown } from './graceful-shutdown.js';
import { warnAboutInsightsAccess } from './http/admin-access.js';
import { createDrain } from './http/drain.js';
import { serveWebUi } from './http/web-ui.js';
import { connectRedisRateLimitStores } from './limits/redis-rate-limit-stores.js';

const startedAt = performance.now();
const deps = await assembleDeps();
const { config, logger, retriever, model, store } = deps;

// With REDIS_URL every instance counts against the same limits; without, each process counts its own.
const rateLimitStores = config.limits.redisUrl
  ? await connectRedisRateLimitStores(config.limits.redisUrl, logger)
  : undefined;
warnAboutInsightsAccess(config, logger);
const drain = createDrain();
const app = createApp({ ...deps, drain, ...(rateLimitStores ? { rateLimitStores } : {}) });
serveWebUi(app, { dir: config.webDistDir, logger });

// Timeouts suited to an API: a slow or half-sent request is cut long before Node's 5-minute default.
const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = config.http;
const server = serve(
  {
    fetch: app.fetch,
    hostname: config.host,
    port: config.port,
    serverOptions: {
      headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
      // Node checks those timeouts only this often (30 s by default).
      connectionsCheckingInterval: 1_000,
    },
  },
  (info: AddressInfo) => {
    logger.info('server_listening', {
      url: `http://${config.host}:${info.port}`,
      port: info.port,
      mode: model ? 'llm' : 'search',
      model: model?.id ?? null,
      warming: retriever.warming,
      startupMs: Math.round(performance.now() - startedAt),
    });
    reportWhenReady();
  },
) as Server;
server.maxConnections = maxConnections;

/** Until the index is built or loaded, health says `warming` and routes that need it answer 503. */
function reportWhenReady(): void {
  retriever.ready.then(
    (built) =>
      logger.info('server_ready', { ...built.stats, readyMs: Math.round(performance.now() - startedAt) }),
    async (error: unknown) => {
      // An index that cannot be built will not appear by waiting: exit so the supervisor sees the failure.
      logger.error('index_build_failed', { error: error instanceof Error ? error.message : String(error) });
      await store.close().catch(() => undefined);
      process.exit(1);
    },
  );
}

const shutdown = gracefulShutdown({
  server,
  drain,
  drainMs: config.shutdownDrainMs,
  logger,
  closeResources: async () => {
    await store.close();
    await rateLimitStores?.close();
  },
  exit: (code) => process.exit(code),
});
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
