import type { CompareResponse, OutlineResponse } from '../../server/contract.js';
import { fetchCompare, fetchOutline } from '../api/guide-browser-api.js';
import { type RemoteState, useRemote } from './use-remote.js';

// The outline and the compare tables change only when the server restarts with a new corpus: one request
// per page load serves the browser, the follow-ups and every answer. A failure is forgotten so Retry asks again.
let outline: Promise<OutlineResponse> | undefined;
let compare: Promise<CompareResponse> | undefined;

function once<T>(cached: Promise<T> | undefined, load: () => Promise<T>, forget: () => void): Promise<T> {
  if (cached) return cached;
  const loading = load();
  loading.catch(forget);
  return loading;
}

function loadOutline(): Promise<OutlineResponse> {
  outline = once(
    outline,
    () => fetchOutline(),
    () => {
      outline = undefined;
    },
  );
  return outline;
}

function loadCompare(): Promise<CompareResponse> {
  compare = once(
    compare,
    () => fetchCompare(),
    () => {
      compare = undefined;
    },
  );
  return compare;
}

/** Every document's table of contents (`GET /api/outline`), fetched once per page. */
export function useGuideOutline(): RemoteState<OutlineResponse> & { reload: () => void } {
  return useRemote('outline', loadOutline);
}

/** The corpus's compare tables (`GET /api/compare`), fetched once per page. */
export function useCompareGroups(): RemoteState<CompareResponse> & { reload: () => void } {
  return useRemote('compare', loadCompare);
}
