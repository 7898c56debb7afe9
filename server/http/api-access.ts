import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../config.js';
import { AppError } from '../errors.js';
import { clientAddress, isLoopbackAddress } from './client-address.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Compares digests, so neither the keys' contents nor their lengths leak through timing. */
function sameKey(left: string, right: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(left), digest(right));
}

export interface AccessRequest {
  /** The `Authorization` header, if any. */
  authorization: string | undefined;
  /** The client's address ('' when unknown). */
  address: string;
  apiKeys: string[];
}

/**
 * Who may use the faces other clients call (/v1, /mcp): with `API_KEYS` set, whoever presents one as a
 * bearer token; without, only clients on this machine. Returns the refusal, or null to let the request in.
 */
export function accessRefusal(request: AccessRequest): AppError | null {
  if (request.apiKeys.length === 0) {
    if (isLoopbackAddress(request.address)) return null;
    return new AppError(
      'forbidden',
      'API_KEYS is not set on this server, so only clients on the same machine may call it',
    );
  }
  const token = BEARER.exec(request.authorization ?? '')?.[1];
  if (!token) return new AppError('unauthorized', 'Send an API key as `Authorization: Bearer <key>`');
  // Every key is compared, so the time taken does not tell which one came close.
  const matches = request.apiKeys.filter((key) => sameKey(key, token)).length;
  return matches > 0 ? null : new AppError('unauthorized', 'The API key is not valid');
}

/** Middleware form of `accessRefusal`: throws the refusal for the route's own error handler to render. */
export function requireApiAccess(config: Pick<AppConfig, 'apiKeys' | 'trustProxy'>): MiddlewareHandler {
  return async (c, next) => {
    const refusal = accessRefusal({
      authorization: c.req.header('authorization'),
      address: clientAddress(c, { trustProxy: config.trustProxy }),
      apiKeys: config.apiKeys,
    });
    if (refusal) {
      if (refusal.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer');
      throw refusal;
    }
    await next();
  };
}
