import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import type { HealthResponse } from '../contract.js';

export function createHealthRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', async (c) => {
    const body: HealthResponse = {
      status: 'ok',
      mode: deps.model ? 'llm' : 'search',
      model: deps.model?.id ?? null,
      docs: deps.retriever.stats.docs,
      chunks: deps.retriever.stats.chunks,
      version: deps.version,
      store: await deps.store.status(),
    };
    return c.json(body);
  });
}
