import type { HealthResponse } from '../../server/contract.js';
import { fetchHealth } from '../api/guide-api.js';
import { type RemoteState, useRemote } from './use-remote.js';

/** The server's mode (search or LLM) and corpus size, fetched once. */
export function useHealth(): RemoteState<HealthResponse> & { reload: () => void } {
  return useRemote('health', fetchHealth);
}
