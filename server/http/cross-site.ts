import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app.js';
import type { AppConfig } from '../config.js';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin a request names, if it is a real one (a sandboxed page sends the string `null`). */
function originOf(header: string): string | null {
  try {
    const url = new URL(header);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The request's own origin as the browser addressed it, and the public one when the UI lives elsewhere. */
function ownOrigins(c: Context<AppEnv>, publicBaseUrl: string | null): string[] {
  const own = new URL(c.req.url).origin;
  return publicBaseUrl ? [own, new URL(publicBaseUrl).origin] : [own];
}

/**
 * Refuses state-changing requests a page on another site sent: `Sec-Fetch-Site: cross-site`, or an `Origin`
 * that is not this server's. Requests without either (curl, SDKs, MCP clients) are not from a browser page
 * and pass; the JSON-only media type rule keeps a cross-site form or `text/plain` post out as well.
 */
export function refuseCrossSiteWrites(config: Pick<AppConfig, 'publicBaseUrl'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new AppError('forbidden', 'Requests from other sites may not change anything here');
    }
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const named = originOf(origin);
      if (named === null || !ownOrigins(c, config.publicBaseUrl).includes(named)) {
        throw new AppError('forbidden', `Requests from ${origin} may not change anything here`);
      }
    }
    await next();
  };
}

/**
 * Answers only to the Host names in ALLOWED_HOSTS (by default the loopback names while bound to loopback),
 * so a DNS name rebound to this machine cannot reach it from a browser.
 */
export function allowHosts(allowedHosts: string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return async (c, next) => {
    if (allowed.size > 0 && !allowed.has(new URL(c.req.url).hostname.toLowerCase())) {
      throw new AppError('forbidden', 'This server does not answer to that Host name; see ALLOWED_HOSTS');
    }
    await next();
  };
}
