import { afterEach, beforeEach } from 'vitest';
import type { CitationFlagsRequest, FeedbackRequest } from '../../../../server/contract.js';
import type { FeedbackStore } from '../../../../server/store/feedback-store.js';
import { aSteppingClock } from '../feedback-fixtures.js';

/** Where one test's data lives: opening it again gives the same data. */
export interface StoreLocation {
  open(now?: () => Date): Promise<FeedbackStore>;
  remove(): Promise<void>;
}

/** A backend the contract suite runs against: SQLite in a temp dir, or a schema in a real Postgres. */
export interface ContractBackend {
  name: 'sqlite' | 'postgres';
  freshLocation(): Promise<StoreLocation>;
}

export const HEADINGS: Record<string, string[]> = {
  'ai-pm-roles.zh#evaluation': ['AI 产品经理', '评测 (Evaluation)'],
  'ai-pm-roles.zh#shipping': ['AI 产品经理', '上线 (Shipping)'],
};

/**
 * Registers the hooks that give every test a fresh, empty store on `backend` (clock: one second per write,
 * from 2026-01-01) and returns accessors for it. Everything opened is closed after the test.
 */
export function useStoreUnderTest(backend: () => ContractBackend) {
  let location: StoreLocation | undefined;
  let current: FeedbackStore | undefined;
  const opened: FeedbackStore[] = [];

  const open = async (now?: () => Date) => {
    if (!location) throw new Error('no store location: beforeEach did not run');
    const store = await location.open(now);
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    location = await backend().freshLocation();
    current = await open(aSteppingClock());
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await location?.remove();
  });

  const store = () => {
    if (!current) throw new Error('no store: beforeEach did not run');
    return current;
  };
  return {
    store,
    /** Closes the store and opens the same location again, as a restart would. */
    async reopen(now?: () => Date) {
      await store().close();
      current = await open(now);
      return current;
    },
    /** Opens a second store on the same location, as a second instance would. */
    open,
    save: (feedback: FeedbackRequest) =>
      store().saveFeedback({ ...feedback, citationHeadings: HEADINGS, appVersion: '0.1.0' }),
    flag: (report: CitationFlagsRequest) =>
      store().saveCitationFlags({ ...report, citationHeadings: HEADINGS, appVersion: '0.1.0' }),
  };
}
