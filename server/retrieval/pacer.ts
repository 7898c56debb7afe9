/**
 * Pacing for the warm-up: building or loading a large index is many seconds of synchronous work, and a server
 * that listens while it warms must still answer its health checks. Long loops pause for one turn of the event
 * loop (`setImmediate`: pending sockets and timers run) once they have run for a slice of ~20 ms.
 */
import { setImmediate as turnOfEventLoop } from 'node:timers/promises';

/** How long a loop runs before it lets the event loop have a turn: far below a health check's patience. */
export const SLICE_MS = 20;

/** Keeps time for one long loop. */
export interface Pacer {
  /** True once the current slice has run its time. */
  readonly due: boolean;
  /** Lets the event loop have a turn when the slice is spent; otherwise returns at once. */
  pace(): Promise<void>;
}

/** A pacer whose first slice starts now. */
export function createPacer(sliceMs = SLICE_MS): Pacer {
  let sliceStarted = performance.now();
  return {
    get due() {
      return performance.now() - sliceStarted >= sliceMs;
    },
    async pace() {
      if (performance.now() - sliceStarted < sliceMs) return;
      await turnOfEventLoop();
      sliceStarted = performance.now();
    },
  };
}

/**
 * Synchronous work written as a generator: it `yield`s wherever it may pause (once per entry, document or
 * record), so one body serves both the synchronous callers (`runNow`) and the warm-up (`runPaced`).
 */
export type Work<T> = Generator<unknown, T, unknown>;

/** Runs the work to its end without pausing. */
export function runNow<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs the work in slices of ~`SLICE_MS`, letting the event loop have a turn between them. */
export async function runPaced<T>(work: Work<T>, pacer: Pacer = createPacer()): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (pacer.due) await pacer.pace();
  }
}

/** `items.map(map)`, letting the event loop have a turn whenever a slice is spent. */
export async function mapPaced<T, U>(
  items: readonly T[],
  map: (item: T) => U,
  pacer: Pacer = createPacer(),
): Promise<U[]> {
  const mapped: U[] = [];
  for (const item of items) {
    mapped.push(map(item));
    if (pacer.due) await pacer.pace();
  }
  return mapped;
}
