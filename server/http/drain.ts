import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app.js';
import { AppError } from '../errors.js';

/** The shutdown as routes see it: whether it began, and a signal for when in-flight answers must end. */
export interface Drain {
  readonly stopping: boolean;
  /** Aborts when the drain time is up: answers still streaming end with a restart notice. */
  readonly deadline: AbortSignal;
  /** SIGTERM: refuse new work from now on. */
  begin(): void;
  /** The drain time is up. */
  end(): void;
}

export function createDrain(): Drain {
  const deadline = new AbortController();
  let stopping = false;
  return {
    get stopping() {
      return stopping;
    },
    deadline: deadline.signal,
    begin() {
      stopping = true;
    },
    end() {
      stopping = true;
      deadline.abort(new Error('the server is restarting'));
    },
  };
}

/**
 * Once the server is stopping, a request that arrives on a connection kept alive from before is not started:
 * 503 with Retry-After, and the connection is closed so the client reconnects to an instance that serves.
 */
export function refuseWhileStopping(drain: Drain): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (drain.stopping) {
      c.header('Connection', 'close');
      c.header('Retry-After', '5');
      throw new AppError('unavailable', 'The server is restarting; please try again in a moment');
    }
    await next();
    if (drain.stopping) c.header('Connection', 'close');
  };
}
