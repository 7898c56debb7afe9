import type { SectionResponse } from '../../server/contract.js';
import { fetchSection } from '../api/guide-api.js';
import { FIXED_UNTIL_RESTART, type Remote, useServerData } from './use-server-data.js';

/**
 * The section with this id in its document context; null id → nothing loaded. Cached for the page: flipping
 * between citations, or opening in the guide a section the Sources panel shows, asks the server once.
 */
export function useSection(id: string | null): Remote<SectionResponse> {
  return useServerData(
    id === null ? null : `section:${id}`,
    (signal) => fetchSection(id ?? '', signal),
    FIXED_UNTIL_RESTART,
  );
}
