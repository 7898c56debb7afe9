/** An abort signal tied to a parent signal and an optional deadline; `dispose` detaches and stops the timer. */
export interface AbortScope {
  signal: AbortSignal;
  /** Aborts now with the given reason (idempotent). */
  abort(reason: unknown): void;
  dispose(): void;
}

/**
 * A child of `parent` that can also be aborted by its own timers. Built by hand rather than with
 * `AbortSignal.any([…, AbortSignal.timeout(ms)])`: on Node 20 those signals are held weakly and a timeout
 * signal can be garbage-collected before it fires, leaving the request waiting forever.
 */
export function createAbortScope(parent: AbortSignal, timeoutMs?: number): AbortScope {
  const controller = new AbortController();
  const abort = (reason: unknown) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onParentAbort = () => abort(parent.reason);
  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => abort(new DOMException(`Timed out after ${timeoutMs} ms`, 'TimeoutError')),
          timeoutMs,
        );
  return {
    signal: controller.signal,
    abort,
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}
