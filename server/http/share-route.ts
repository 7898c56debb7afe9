import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import {
  MAX_SHARE_BYTES,
  type ShareCreatedResponse,
  type ShareResponse,
  shareRequestSchema,
} from '../contract.js';
import { AppError } from '../errors.js';
import { callStore } from './store-call.js';
import { parseInput, readJsonBody } from './validate.js';

/** 16 random bytes = 128 bits, 22 base64url characters: a share's id is its only protection from strangers. */
const SHARE_ID_BYTES = 16;
const SHARE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const DELETE_TOKEN_BYTES = 32;
const UNAVAILABLE = 'Shares are unavailable right now; please try again';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw new AppError(
      'unauthorized',
      'Deleting a share needs an Authorization: Bearer <deleteToken> header',
    );
  }
  return match[1];
}

/** Both sides are sha256 digests of equal length, so the comparison time says nothing about the token. */
function tokenMatches(given: string, storedHashHex: string): boolean {
  const stored = Buffer.from(storedHashHex, 'hex');
  const digest = sha256(given);
  return stored.length === digest.length && timingSafeEqual(digest, stored);
}

function notFound(): never {
  throw new AppError('not_found', 'No such share: it never existed or was deleted');
}

/**
 * `POST /shares` stores a read-only snapshot of a conversation; `GET /shares/:id` shows it;
 * `DELETE /shares/:id` with the delete token removes it for good.
 */
export function createShareRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const store = <Result>(requestId: string, failureEvent: string, work: () => Promise<Result>) =>
    callStore(deps, { requestId, failureEvent, userMessage: UNAVAILABLE }, work);

  routes.post('/shares', async (c) => {
    const snapshot = parseInput(shareRequestSchema, await readJsonBody(c.req.raw));
    if (Buffer.byteLength(JSON.stringify(snapshot)) > MAX_SHARE_BYTES) {
      throw new AppError(
        'payload_too_large',
        `A shared conversation must be at most ${MAX_SHARE_BYTES} bytes of JSON`,
      );
    }
    const id = randomBytes(SHARE_ID_BYTES).toString('base64url');
    const deleteToken = randomBytes(DELETE_TOKEN_BYTES).toString('base64url');
    const requestId = c.get('requestId');
    await store(requestId, 'share_save_failed', () =>
      deps.store.saveShare({ id, deleteTokenHash: sha256(deleteToken).toString('hex'), snapshot }),
    );
    deps.logger.info('share_created', { requestId, shareId: id, turns: snapshot.turns.length });
    const body: ShareCreatedResponse = { id, url: `/s/${id}`, deleteToken };
    c.header('cache-control', 'no-store');
    return c.json(body, 201);
  });

  routes.get('/shares/:id', async (c) => {
    const id = c.req.param('id');
    if (!SHARE_ID_PATTERN.test(id)) notFound();
    const share = await store(c.get('requestId'), 'share_read_failed', () => deps.store.readShare(id));
    if (!share) notFound();
    const body: ShareResponse = { id: share.id, createdAt: share.createdAt, ...share.snapshot };
    // A deleted share must disappear, so no cache keeps a copy; search engines are asked to stay away.
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex');
    return c.json(body);
  });

  routes.delete('/shares/:id', async (c) => {
    const id = c.req.param('id');
    const token = bearerToken(c.req.header('authorization'));
    if (!SHARE_ID_PATTERN.test(id)) notFound();
    const requestId = c.get('requestId');
    const share = await store(requestId, 'share_read_failed', () => deps.store.readShare(id));
    if (!share) notFound();
    if (!tokenMatches(token, share.deleteTokenHash)) {
      throw new AppError('unauthorized', 'This delete token does not belong to this share');
    }
    const deleted = await store(requestId, 'share_delete_failed', () => deps.store.deleteShare(id));
    if (!deleted) notFound();
    deps.logger.info('share_deleted', { requestId, shareId: id });
    return c.body(null, 204);
  });

  return routes;
}
