import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from '../app.js';
import type { Logger } from '../logger.js';

/**
 * Serves the built web UI next to the API. Every non-API GET that is not a file gets index.html, so
 * client-side pages such as /insights survive a reload.
 */
export function serveWebUi(app: Hono<AppEnv>, options: { dir: string; logger: Logger }): void {
  const indexPath = join(options.dir, 'index.html');
  if (!existsSync(indexPath)) {
    options.logger.warn('web_ui_missing', {
      dir: options.dir,
      hint: 'run `npm run build` to build the web UI',
    });
    return;
  }
  const indexHtml = readFileSync(indexPath, 'utf8');
  // Asset names carry a content hash, so a browser may keep them for good. serveStatic's onFound runs after
  // the response is built, too late for a header; set it on the way out instead.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root: options.dir }));
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ root: options.dir })(c, next);
  });
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
}
