import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../app.js';
import type { InsightsResponse } from '../contract.js';
import { AppError } from '../errors.js';
import { toGoldenLine } from '../store/eval-candidates.js';

// Hashing first gives both sides the same length, so the comparison time says nothing about the token.
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function requireAdminToken(adminToken: string | null) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (adminToken !== null) {
      const match = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
      if (!match?.[1] || !sameToken(match[1].trim(), adminToken)) {
        throw new AppError('unauthorized', 'Insights need an Authorization: Bearer <ADMIN_TOKEN> header');
      }
    }
    await next();
  });
}

/** Runs a store read; a broken store is a 503, not a 500, because retrying later can succeed. */
async function readStore<Result>(
  deps: AppDeps,
  requestId: string,
  read: () => Promise<Result>,
): Promise<Result> {
  try {
    return await read();
  } catch (error) {
    deps.logger.error('insights_read_failed', {
      requestId,
      error: error instanceof Error ? error.message : String(error),
    });
    throw new AppError('unavailable', 'Insights are unavailable right now; please try again');
  }
}

/** `GET /insights` (dashboard JSON) and `GET /insights/export` (eval candidates as JSONL). */
export function createInsightsRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('/insights', requireAdminToken(deps.config.adminToken));
  routes.use('/insights/*', requireAdminToken(deps.config.adminToken));

  routes.get('/insights', async (c) => {
    const insights: InsightsResponse = await readStore(deps, c.get('requestId'), () => deps.store.insights());
    return c.json(insights);
  });

  routes.get('/insights/export', async (c) => {
    const candidates = await readStore(deps, c.get('requestId'), () => deps.store.exportCandidates());
    const body = candidates.map((candidate) => `${toGoldenLine(candidate)}\n`).join('');
    return c.body(body, 200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': 'attachment; filename="flywheel-candidates.jsonl"',
    });
  });

  return routes;
}
