import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import { feedbackExportQuerySchema, type InsightsReport, insightsQuerySchema } from '../contract.js';
import { toGoldenLine } from '../store/eval-candidates.js';
import { requireAdmin } from './admin-access.js';
import { exportStream } from './feedback-export.js';
import { callStore } from './store-call.js';
import { parseInput } from './validate.js';

const READ_FAILED = 'Insights are unavailable right now; please try again';

/**
 * `GET /insights?from=&to=` (dashboard JSON), `GET /insights/export` (eval candidates as JSONL) and
 * `GET /feedback/export?format=jsonl|csv&from=&to=` (every rated answer): all for the admin only.
 */
export function createInsightsRoutes(deps: AppDeps, options: { lockout?: MiddlewareHandler<AppEnv> } = {}) {
  const routes = new Hono<AppEnv>();
  // The one place admin routes get their guard; the lockout counts the tokens it refuses.
  const guard = requireAdmin(deps.config, deps.logger);
  const adminOnly = options.lockout ? [options.lockout, guard] : [guard];
  routes.use('/insights', ...adminOnly);
  routes.use('/insights/*', ...adminOnly);
  routes.use('/feedback/export', ...adminOnly);

  const read = <Result>(requestId: string, work: () => Promise<Result>) =>
    callStore(deps, { requestId, failureEvent: 'insights_read_failed', userMessage: READ_FAILED }, work);

  routes.get('/insights', async (c) => {
    const range = parseInput(insightsQuerySchema, c.req.query());
    const insights: InsightsReport = await read(c.get('requestId'), () => deps.store.insights(range));
    return c.json(insights);
  });

  routes.get('/insights/export', async (c) => {
    const candidates = await read(c.get('requestId'), () => deps.store.exportCandidates());
    const body = candidates.map((candidate) => `${toGoldenLine(candidate)}\n`).join('');
    return c.body(body, 200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': 'attachment; filename="flywheel-candidates.jsonl"',
    });
  });

  routes.get('/feedback/export', async (c) => {
    const { format, ...range } = parseInput(feedbackExportQuerySchema, c.req.query());
    const requestId = c.get('requestId');
    const stream = await read(requestId, () =>
      exportStream(deps.store, { format, range, logger: deps.logger, requestId }),
    );
    return c.body(stream, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="aipm-feedback.${format}"`,
      'cache-control': 'no-store',
    });
  });

  return routes;
}
