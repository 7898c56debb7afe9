import type { CompareResponse, OutlineResponse } from '../../server/contract.js';
import { fetchCompare, fetchOutline } from '../api/guide-browser-api.js';
import { FIXED_UNTIL_RESTART, type Remote, useServerData } from './use-server-data.js';

// The outline and the compare tables change only when the server restarts with a new corpus: one request
// per page load serves the browser, the follow-ups and every answer. A failure is not cached, so Retry asks again.

/** Every document's table of contents (`GET /api/outline`), fetched once per page. */
export function useGuideOutline(): Remote<OutlineResponse> {
  return useServerData('outline', fetchOutline, FIXED_UNTIL_RESTART);
}

/** The corpus's compare tables (`GET /api/compare`), fetched once per page. */
export function useCompareGroups(): Remote<CompareResponse> {
  return useServerData('compare', fetchCompare, FIXED_UNTIL_RESTART);
}
