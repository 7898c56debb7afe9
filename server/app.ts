import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { ChatModel } from './answer/chat-model.js';
import type { AppConfig } from './config.js';
import { type ErrorBody, MAX_BODY_BYTES } from './contract.js';
import { AppError } from './errors.js';
import { accessLog } from './http/access-log.js';
import { tokenlessRefusal } from './http/admin-access.js';
import { createChatRoutes } from './http/chat-route.js';
import { allowHosts, refuseCrossSiteWrites } from './http/cross-site.js';
import { type Drain, refuseWhileStopping } from './http/drain.js';
import { createFeedbackRoutes } from './http/feedback-route.js';
import { createGuideRoutes } from './http/guide-routes.js';
import { createHealthRoutes } from './http/health-route.js';
import { createInsightsRoutes } from './http/insights-route.js';
import { createMcpRoutes } from './http/mcp-route.js';
import { createOpenAiRoutes } from './http/openai-routes.js';
import { createRateLimits } from './http/rate-limits.js';
import { createSearchRoutes } from './http/search-route.js';
import { createSectionRoutes } from './http/section-route.js';
import { createShareRoutes } from './http/share-route.js';
import { refuseWhileWarming } from './http/warming-guard.js';
import { createCallGate, gateModelCalls } from './limits/model-call-gate.js';
import { memoryRateLimitStores, type RateLimitStores } from './limits/rate-limit-stores.js';
import type { Logger } from './logger.js';
import type { Retriever } from './retrieval/types.js';
import type { FeedbackStore } from './store/feedback-store.js';

/** Everything the app needs, injected so tests can hand in fakes and real components alike. */
export interface AppDeps {
  config: AppConfig;
  /** May still be warming (`warmingRetriever`): routes that need the index answer 503 until it is ready. */
  retriever: Retriever;
  /** null → search mode. */
  model: ChatModel | null;
  store: FeedbackStore;
  logger: Logger;
  version: string;
  /** Where rate-limit counters live; in this process when absent (REDIS_URL shares them). */
  rateLimitStores?: RateLimitStores;
  /** The shutdown in progress, if the entry runs one: new work refused, open answers ended on time. */
  drain?: Drain;
}

export type AppEnv = { Variables: { requestId: string } };

/** The API as a Hono app; serving the built web UI is added by `server/index.ts`. */
export function createApp(appDeps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config } = appDeps;
  const limits = createRateLimits(config, appDeps.rateLimitStores ?? memoryRateLimitStores(), appDeps.logger);
  const callGate = createCallGate(config.limits.maxConcurrentModelCalls);
  // Every route answers through the gated model, so the cap on concurrent model calls holds for all of them.
  const deps: AppDeps = {
    ...appDeps,
    model: appDeps.model && gateModelCalls(appDeps.model, callGate, config.limits.maxConcurrentModelCalls),
  };

  app.use('*', requestId());
  app.use('*', accessLog(deps.logger));
  if (deps.drain) app.use('*', refuseWhileStopping(deps.drain));
  app.use('*', allowHosts(config.allowedHosts));
  app.use('/api/*', refuseCrossSiteWrites(config));
  // With API keys the key is the guard (and /v1 allows any origin); without, a page must not drive /v1.
  if (config.apiKeys.length === 0) app.use('/v1/*', refuseCrossSiteWrites(config));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError('payload_too_large', `Request body must be at most ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );

  // Before the limiters, so a refusal while the index warms costs no client any of its allowance.
  const whileWarming = refuseWhileWarming(deps.retriever);
  for (const route of ['/api/chat', '/api/search', '/api/sections/*', '/api/outline', '/api/compare'])
    app.use(route, whileWarming);

  const feedbackLimit = limits.perClient('feedback');
  const sharesLimit = limits.perClient('shares');
  app.use('/api/chat', limits.perClient('chat'));
  app.use('/api/feedback', feedbackLimit);
  app.use('/api/feedback/flags', feedbackLimit);
  app.use('/api/search', limits.perClient('search'));
  app.use('/api/shares', sharesLimit);
  app.use('/api/shares/*', sharesLimit);

  // The insights page holds no data of its own, but without ADMIN_TOKEN it is as private as its API.
  app.use('/insights', async (c, next) => {
    const refusal = config.adminToken === null ? tokenlessRefusal(c, config) : null;
    if (refusal) throw refusal;
    await next();
  });

  app.route('/api', createHealthRoutes(deps));
  app.route('/api', createSearchRoutes(deps));
  app.route('/api', createSectionRoutes(deps));
  app.route('/api', createGuideRoutes(deps));
  app.route('/api', createChatRoutes(deps));
  app.route('/api', createFeedbackRoutes(deps));
  app.route(
    '/api',
    createInsightsRoutes(deps, config.adminToken === null ? {} : { lockout: limits.adminLockout() }),
  );
  app.route('/api', createShareRoutes(deps));
  // Faces for other clients; each has its own error shape and runs its limiter after authentication.
  app.route('/v1', createOpenAiRoutes(deps, { limiter: limits.perClient('openai') }));
  app.route('/mcp', createMcpRoutes(deps, { limiter: limits.perClient('mcp') }));

  app.notFound((c) => {
    const body: ErrorBody = {
      error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` },
    };
    return c.json(body, 404);
  });

  app.onError((error, c) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.details) body.error.details = error.details;
      return c.json(body, error.status);
    }
    deps.logger.error('unhandled_error', {
      requestId: c.get('requestId'),
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    const body: ErrorBody = { error: { code: 'internal', message: 'Something went wrong on our side' } };
    return c.json(body, 500);
  });

  return app;
}
