import { useCallback, useState } from 'react';
import type { InsightsReport } from '../../server/contract.js';
import { fetchInsights } from '../api/guide-api.js';
import type { InsightsRange } from '../components/insights-range.js';
import { safeStorage } from '../lib/safe-storage.js';
import { type RemoteState, useRemote } from './use-remote.js';

const TOKEN_KEY = 'aipm-guide.admin-token';

/** Insights for the admin page; the admin token lives in sessionStorage, so it ends with the tab. */
export function useInsights(range: InsightsRange = { from: null, to: null }): RemoteState<InsightsReport> & {
  reload: () => void;
  token: string | null;
  setToken: (token: string | null) => void;
} {
  const [token, setTokenState] = useState<string | null>(() =>
    safeStorage('sessionStorage').getItem(TOKEN_KEY),
  );
  const remote = useRemote(`insights:${token ?? ''}:${range.from}:${range.to}`, (signal) =>
    fetchInsights(token, signal, range),
  );
  const setToken = useCallback((next: string | null) => {
    const storage = safeStorage('sessionStorage');
    if (next) storage.setItem(TOKEN_KEY, next);
    else storage.removeItem(TOKEN_KEY);
    setTokenState(next);
  }, []);
  return { ...remote, token, setToken };
}
