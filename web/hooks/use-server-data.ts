import { useCallback, useEffect } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import { ApiError, isAbortError } from '../api/http-client.js';

export type RemoteState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: ApiError };

export type Remote<T> = RemoteState<T> & { reload: () => void };

/**
 * What SWR does on its own, turned off: the page asks again when the reader says so (Retry, Refresh) or when
 * a hook polls, not on every tab focus; a failure is shown with its Retry rather than retried behind it.
 */
const ASK_WHEN_TOLD: SWRConfiguration = {
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  shouldRetryOnError: false,
};

/**
 * For what changes only when the server restarts with a new corpus (sections, the outline, a share): once
 * cached it is served from the cache to every component that asks, never fetched again on mount.
 */
export const FIXED_UNTIL_RESTART = { revalidateIfStale: false } satisfies SWRConfiguration;

/**
 * The request in flight per key and how many mounted components wait for it. SWR shares one request between
 * them, so it is cancelled only when the last of them moves to another key or unmounts.
 */
const inFlight = new Map<string, { waiting: number; controller?: AbortController | undefined }>();

function flight(key: string) {
  let entry = inFlight.get(key);
  if (!entry) {
    entry = { waiting: 0 };
    inFlight.set(key, entry);
  }
  return entry;
}

function withSignal<T>(load: (signal: AbortSignal) => Promise<T>) {
  return async (key: string): Promise<T> => {
    const entry = flight(key);
    const controller = new AbortController();
    entry.controller = controller;
    try {
      return await load(controller.signal);
    } finally {
      if (entry.controller === controller) entry.controller = undefined;
    }
  };
}

/** Counts this component among those waiting on `key`; leaving last cancels the request. */
function useCancelWhenLeft(key: string | null) {
  useEffect(() => {
    if (key === null) return;
    const entry = flight(key);
    entry.waiting += 1;
    return () => {
      entry.waiting -= 1;
      // Deferred: StrictMode and a re-render that keeps the key leave and come back within the same task.
      setTimeout(() => {
        if (entry.waiting > 0) return;
        entry.controller?.abort();
        if (inFlight.get(key) === entry) inFlight.delete(key);
      }, 0);
    };
  }, [key]);
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'unknown', error instanceof Error ? error.message : 'Something went wrong.');
}

function toState<T>(swr: { data: T | undefined; error: unknown; isValidating: boolean }): RemoteState<T> {
  // A cancelled request is nobody's failure: its key is asked again when someone shows it next.
  const failed = swr.error !== undefined && !isAbortError(swr.error);
  if (failed && !swr.isValidating) return { status: 'error', error: toApiError(swr.error) };
  if (!failed && swr.data !== undefined) return { status: 'success', data: swr.data };
  return { status: 'loading' };
}

/**
 * Server data under `key`, cached and shared by every component that asks for the same key (one request for
 * all of them); a null key loads nothing. `reload` asks the server again (SWR's `mutate`).
 */
export function useServerData<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: SWRConfiguration<NoInfer<T>, unknown> = {},
): Remote<T> {
  const swr = useSWR<T, unknown, string | null>(key, withSignal(load), { ...ASK_WHEN_TOLD, ...options });
  useCancelWhenLeft(key);
  const { mutate } = swr;
  const reload = useCallback(() => void mutate(), [mutate]);
  return { ...toState(swr), reload };
}
