import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import { searchQuerySchema } from '../contract.js';
import { parseInput } from './validate.js';

export function createSearchRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/search', async (c) => {
    const { q, limit } = parseInput(searchQuerySchema, { q: c.req.query('q'), limit: c.req.query('limit') });
    return c.json(await deps.retriever.search(q, { limit }));
  });
}
