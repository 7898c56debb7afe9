import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import type { CompareResponse, OutlineResponse } from '../contract.js';

/**
 * `GET /outline`: every document's table of contents, for the guide browser. `GET /compare`: sibling sections
 * written to one template, as tables (`groups` is empty for a corpus without such structure). Both are fixed
 * for the life of the process, so a browser may keep them briefly.
 */
export function createGuideRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/outline', (c) => {
      const body: OutlineResponse = deps.retriever.outline?.() ?? { documents: [] };
      c.header('cache-control', 'private, max-age=60');
      return c.json(body);
    })
    .get('/compare', (c) => {
      const body: CompareResponse = deps.retriever.compare?.() ?? { groups: [] };
      c.header('cache-control', 'private, max-age=60');
      return c.json(body);
    });
}
