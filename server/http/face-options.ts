import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app.js';
import { MAX_BODY_BYTES } from '../contract.js';
import { AppError } from '../errors.js';

/** What the app may add to the faces other clients call (/v1, /mcp). */
export interface FaceOptions {
  /** Runs after authentication on every route of the face: the shared rate limiter mounts here. */
  limiter?: MiddlewareHandler<AppEnv>;
}

/** The same body cap as /api/*, raised as an AppError so each face renders it in its own shape. */
export function faceBodyLimit(): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `Request body must be at most ${MAX_BODY_BYTES} bytes`);
    },
  });
}
