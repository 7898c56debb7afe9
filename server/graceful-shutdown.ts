import type { Server } from 'node:http';
import type { Drain } from './http/drain.js';
import type { Logger } from './logger.js';

/** After the drain deadline, how long the closing parts get to reach clients before sockets are cut. */
const FLUSH_GRACE_MS = 3_000;
/** Connections that finish their last response during the drain are closed this often. */
const IDLE_SWEEP_MS = 250;

export interface ShutdownPlan {
  server: Server;
  drain: Drain;
  drainMs: number;
  logger: Logger;
  /** Closes the store and anything else holding resources, once no request is left. */
  closeResources(): Promise<void>;
  exit(code: number): void;
}

/**
 * The SIGTERM sequence: stop accepting connections and refuse new requests on kept-alive ones; let
 * in-flight answers finish for up to `drainMs`; then end every answer still streaming with a restart notice
 * and a proper finish; close the store; exit 0. Returns the handler, which ignores repeated signals.
 */
export function gracefulShutdown(plan: ShutdownPlan): (signal: string) => void {
  let stopping = false;
  let closed = false;
  const finish = async (signal: string, reason: 'drained' | 'forced') => {
    if (closed) return;
    closed = true;
    await plan.closeResources().catch((error: unknown) => {
      plan.logger.error('shutdown_close_failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    });
    plan.logger.info('server_stopped', { signal, reason });
    plan.exit(0);
  };
  return (signal) => {
    if (stopping) return;
    stopping = true;
    plan.logger.info('server_stopping', { signal, drainMs: plan.drainMs });
    plan.drain.begin();
    plan.server.close(() => void finish(signal, 'drained'));
    plan.server.closeIdleConnections();
    setInterval(() => plan.server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
    setTimeout(() => {
      plan.logger.info('shutdown_drain_over', { signal });
      plan.drain.end();
    }, plan.drainMs).unref();
    setTimeout(() => {
      plan.server.closeAllConnections();
      void finish(signal, 'forced');
    }, plan.drainMs + FLUSH_GRACE_MS).unref();
  };
}
