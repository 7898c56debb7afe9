import type { HealthResponse } from '../../server/contract.js';
import { fetchHealth } from '../api/guide-api.js';
import { type Remote, useServerData } from './use-server-data.js';

/** How often a warming server is asked again: its `Retry-After` is a few seconds. */
export const WARMING_POLL_MS = 3000;

/**
 * The server's mode (search or LLM) and corpus size; asked again every few seconds while the server is still
 * warming, showing the warming state (not "checking…") while it asks.
 */
export function useHealth(): Remote<HealthResponse> {
  return useServerData('health', fetchHealth, {
    refreshInterval: (latest) => (latest?.status === 'warming' ? WARMING_POLL_MS : 0),
  });
}
