import { hostHeaderValidation, originValidation } from '@modelcontextprotocol/hono';
import { createMcpHandler, localhostAllowedHostnames } from '@modelcontextprotocol/server';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps, AppEnv } from '../app.js';
import { MAX_BODY_BYTES } from '../contract.js';
import { AppError } from '../errors.js';
import { createMcpServer } from '../mcp/create-mcp-server.js';
import { requireApiAccess } from './api-access.js';
import { isLoopbackAddress } from './client-address.js';
import { linkBase } from './deep-link.js';
import { type FaceOptions, faceBodyLimit } from './face-options.js';
import { refuseWhileWarming } from './warming-guard.js';

/** Hostnames a browser page may call /mcp from, and that the Host header may name: this machine, and the public URL. */
function allowedHostnames(publicBaseUrl: string | null): string[] {
  const local = localhostAllowedHostnames();
  return publicBaseUrl ? [...local, new URL(publicBaseUrl).hostname] : local;
}

/** Bound to this machine only, so a Host header naming anything else is a DNS-rebinding attempt. */
function bindsLoopback(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

/** Failures before the MCP handler runs, in the JSON-RPC error shape MCP clients read. */
function jsonRpcError(error: Error, c: Context<AppEnv>) {
  const known =
    error instanceof AppError ? error : new AppError('internal', 'Something went wrong on our side');
  return c.json(
    { jsonrpc: '2.0', error: { code: -32000, message: known.message }, id: null },
    known.status as ContentfulStatusCode,
  );
}

/** JSON-RPC batches beyond this many messages are refused: each `ask` in a batch is a whole answer. */
export const MAX_MCP_BATCH = 4;

/** Refuses a batch of more than MAX_MCP_BATCH messages; anything else (even bad JSON) is the handler's to answer. */
const limitBatch: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'POST') {
    let message: unknown;
    try {
      message = JSON.parse(await c.req.raw.clone().text());
    } catch {
      message = null;
    }
    if (Array.isArray(message) && message.length > MAX_MCP_BATCH) {
      throw new AppError('bad_request', `A batch may carry at most ${MAX_MCP_BATCH} messages`);
    }
  }
  await next();
};

/**
 * MCP over Streamable HTTP, mounted at /mcp: a fresh stateless server per request from the one factory the
 * stdio entry uses too. Origin and Host are checked first (a web page must not drive it), then the same
 * access rule and body cap as /v1.
 */
export function createMcpRoutes(deps: AppDeps, options: FaceOptions = {}): Hono<AppEnv> {
  const handler = createMcpHandler(
    ({ requestInfo }) =>
      createMcpServer(
        deps,
        linkBase(deps.config.publicBaseUrl, requestInfo?.url ?? `http://${deps.config.host}`),
      ),
    {
      maxRequestBodySize: MAX_BODY_BYTES,
      onerror: (error) => deps.logger.warn('mcp_error', { error: error.message }),
    },
  );
  const hostnames = allowedHostnames(deps.config.publicBaseUrl);
  const routes = new Hono<AppEnv>();
  routes.use('*', originValidation(hostnames));
  if (bindsLoopback(deps.config.host)) routes.use('*', hostHeaderValidation(hostnames));
  routes.use('*', faceBodyLimit(), requireApiAccess(deps.config), refuseWhileWarming(deps.retriever));
  if (options.limiter) routes.use('*', options.limiter);
  routes.use('*', limitBatch);
  routes.all('/', (c) => handler.fetch(c.req.raw));
  routes.onError((error, c) => {
    if (!(error instanceof AppError))
      deps.logger.error('mcp_failed', { error: error.stack ?? error.message });
    return jsonRpcError(error, c);
  });
  return routes;
}
