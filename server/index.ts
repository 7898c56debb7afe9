/** The HTTP entry: reads the environment, builds the parts, serves, and shuts down cleanly (MCP over stdio: mcp-stdio.ts). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { assembleDeps } from './assemble-deps.js';
import { warnAboutInsightsAccess } from './http/admin-access.js';
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
const app = createApp({ ...deps, ...(rateLimitStores ? { rateLimitStores } : {}) });
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
