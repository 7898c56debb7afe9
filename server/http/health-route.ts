import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import type { HealthResponse } from '../contract.js';
import { WARMING_RETRY_AFTER_SECONDS } from './warming-guard.js';

/**
 * `GET /health`: 200 `ok` once the index is ready; 503 `warming` with `Retry-After` before, so a load
 * balancer's health check keeps traffic away from an instance that cannot answer yet.
 */
export function createHealthRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', async (c) => {
    const warming = deps.retriever.warming === true;
    const body: HealthResponse = {
      status: warming ? 'warming' : 'ok',
      mode: deps.model ? 'llm' : 'search',
      model: deps.model?.id ?? null,
      docs: deps.retriever.stats.docs,
      chunks: deps.retriever.stats.chunks,
      version: deps.version,
      store: await deps.store.status(),
    };
    if (!warming) return c.json(body);
    c.header('Retry-After', String(WARMING_RETRY_AFTER_SECONDS));
    return c.json(body, 503);
  });
}
