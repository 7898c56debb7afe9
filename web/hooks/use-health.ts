import { useEffect, useRef } from 'react';
import type { HealthResponse } from '../../server/contract.js';
import { fetchHealth } from '../api/guide-api.js';
import { type RemoteState, useRemote } from './use-remote.js';

/** How often a warming server is asked again: its `Retry-After` is a few seconds. */
export const WARMING_POLL_MS = 3000;

type Health = RemoteState<HealthResponse> & { reload: () => void };

/**
 * The server's mode (search or LLM) and corpus size; asked again every few seconds while the server is still
 * warming, showing the warming state (not "checking…") while it asks.
 */
export function useHealth(): Health {
  const health = useRemote('health', fetchHealth);
  const warming = health.status === 'success' && health.data.status === 'warming';
  const lastWarming = useRef<Health | null>(null);
  if (health.status !== 'loading') lastWarming.current = warming ? health : null;
  const { reload } = health;
  useEffect(() => {
    if (!warming) return;
    const timer = setTimeout(reload, WARMING_POLL_MS);
    return () => clearTimeout(timer);
  }, [warming, reload]);
  return health.status === 'loading' && lastWarming.current ? lastWarming.current : health;
}
