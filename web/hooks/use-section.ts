import type { SectionResponse } from '../../server/contract.js';
import { fetchSection } from '../api/guide-api.js';
import { type RemoteState, useRemote } from './use-remote.js';

const MAX_CACHED_SECTIONS = 50;
// Sections only change when the server restarts with a new corpus, so a small in-memory cache is safe
// and makes flipping between citations instant.
const cache = new Map<string, SectionResponse>();

async function loadSection(id: string, signal: AbortSignal): Promise<SectionResponse> {
  const cached = cache.get(id);
  if (cached) return cached;
  const section = await fetchSection(id, signal);
  if (cache.size >= MAX_CACHED_SECTIONS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(id, section);
  return section;
}

/** The section with this id in its document context; null id → nothing loaded. */
export function useSection(id: string | null): RemoteState<SectionResponse> & { reload: () => void } {
  return useRemote(id, (signal) => loadSection(id ?? '', signal));
}
