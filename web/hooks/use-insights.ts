import { useCallback, useState } from 'react';
import type { InsightsReport } from '../../server/contract.js';
import { fetchInsights } from '../api/guide-api.js';
import type { InsightsRange } from '../components/insights-range.js';
import { safeStorage } from '../lib/safe-storage.js';
import { type Remote, useServerData } from './use-server-data.js';

const TOKEN_KEY = 'aipm-guide.admin-token';

/** Insights for the admin page; the admin token lives in sessionStorage, so it ends with the tab. */
export function useInsights(range: InsightsRange = { from: null, to: null }): Remote<InsightsReport> & {
  token: string | null;
  setToken: (token: string | null) => void;
} {
  const [token, setTokenState] = useState<string | null>(() =>
    safeStorage('sessionStorage').getItem(TOKEN_KEY),
  );
  const remote = useServerData(`insights:${token ?? ''}:${range.from}:${range.to}`, (signal) =>
    fetchInsights(token, signal, range),
  );
  const { reload } = remote;
  // A new token is a new key, which loads by itself; the same token typed again after a refusal asks again.
  const setToken = useCallback(
    (next: string | null) => {
      const storage = safeStorage('sessionStorage');
      if (next) storage.setItem(TOKEN_KEY, next);
      else storage.removeItem(TOKEN_KEY);
      if (next === token) reload();
      else setTokenState(next);
    },
    [token, reload],
  );
  return { ...remote, token, setToken };
}
