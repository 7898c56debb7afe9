import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app.js';
import { type AppConfig, bindsLoopback } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { clientAddress, isLoopbackAddress } from './client-address.js';

// Hashing first gives both sides the same length, so the comparison time says nothing about the token.
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

type AdminConfig = Pick<AppConfig, 'adminToken' | 'host' | 'trustProxy'>;

/**
 * Whether a request without a token may see insights: only from this machine, and only while the server
 * itself is bound to loopback. A loopback request that names a forwarded client came through a proxy on
 * this machine, so it is someone else's.
 */
function isLocalViewer(c: Context<AppEnv>, config: AdminConfig): boolean {
  const proxied = !config.trustProxy && (c.req.header('x-forwarded-for') ?? c.req.header('forwarded'));
  return !proxied && isLoopbackAddress(clientAddress(c, { trustProxy: config.trustProxy }));
}

/** Why insights are refused without ADMIN_TOKEN, or null when this viewer may see them. */
export function tokenlessRefusal(c: Context<AppEnv>, config: AdminConfig): AppError | null {
  if (!bindsLoopback(config.host)) {
    return new AppError(
      'forbidden',
      'Insights are closed: this server is reachable beyond this machine and ADMIN_TOKEN is not set',
    );
  }
  if (isLocalViewer(c, config)) return null;
  return new AppError(
    'forbidden',
    'Without ADMIN_TOKEN, insights are shown only on the machine running the server',
  );
}

/**
 * The admin guard for insights and exports: a bearer ADMIN_TOKEN when one is configured (each refusal
 * logged), otherwise local viewers only.
 */
export function requireAdmin(config: AdminConfig, logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { adminToken } = config;
    if (adminToken === null) {
      const refusal = tokenlessRefusal(c, config);
      if (refusal) throw refusal;
      return next();
    }
    const match = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1] || !sameToken(match[1].trim(), adminToken)) {
      logger.warn('admin_token_refused', {
        requestId: c.get('requestId'),
        client: clientAddress(c, { trustProxy: config.trustProxy }),
        path: c.req.path,
        presented: Boolean(match?.[1]),
      });
      throw new AppError('unauthorized', 'Insights need an Authorization: Bearer <ADMIN_TOKEN> header');
    }
    await next();
  });
}

/** Logged at start when insights are closed for want of ADMIN_TOKEN. */
export function warnAboutInsightsAccess(config: AdminConfig, logger: Logger): void {
  if (config.adminToken !== null) return;
  if (bindsLoopback(config.host)) {
    logger.info('insights_local_only', {
      reason: 'ADMIN_TOKEN is not set; insights serve this machine only',
    });
  } else {
    logger.warn('insights_closed', {
      host: config.host,
      reason:
        'ADMIN_TOKEN is not set and the server is bound beyond loopback; set ADMIN_TOKEN to open insights',
    });
  }
}
