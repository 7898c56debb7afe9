import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import { AppError } from '../errors.js';

const MAX_ID_CHARS = 300;

export function createSectionRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/sections/:id', (c) => {
    const id = c.req.param('id');
    if (id.length > MAX_ID_CHARS)
      throw new AppError('bad_request', `Section id must be at most ${MAX_ID_CHARS} characters`);
    const section = deps.retriever.section(id);
    if (!section) throw new AppError('not_found', `No section with id "${id}"`);
    return c.json(section);
  });
}
