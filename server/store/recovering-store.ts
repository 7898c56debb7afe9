import type { Logger } from '../logger.js';
import { type FeedbackStore, StoreUnavailableError } from './feedback-store.js';

export interface RecoveringStoreOptions {
  /** For log lines: which backend is being opened. */
  backend: 'sqlite' | 'postgres';
  /** For log lines: the file, or host:port/database (never credentials). */
  target: string;
  logger: Logger;
  /** A failed open is tried again on use, at most this often. */
  retryAfterMs?: number;
  clock?: () => number;
}

const DEFAULT_RETRY_AFTER_MS = 5_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A FeedbackStore that never fails to exist: when `open` fails (corrupt file, database unreachable), it logs
 * `store_open_failed`, every method rejects with StoreUnavailableError and `status()` says `down`, while the
 * rest of the server keeps serving. A later call retries the open (at most every `retryAfterMs`), so a
 * database that comes back is picked up without a restart.
 */
export async function openRecoveringStore(
  open: () => Promise<FeedbackStore>,
  options: RecoveringStoreOptions,
): Promise<FeedbackStore> {
  const { backend, target, logger } = options;
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  const clock = options.clock ?? Date.now;
  let current: FeedbackStore | null = null;
  let attempt: Promise<FeedbackStore | null> | null = null;
  let failedAt: number | null = null;
  let closed = false;

  const tryOpen = (): Promise<FeedbackStore | null> => {
    if (current || closed) return Promise.resolve(current);
    if (attempt) return attempt;
    if (failedAt !== null && clock() - failedAt < retryAfterMs) return Promise.resolve(null);
    attempt = open()
      .then(async (store) => {
        if (closed) {
          await store.close();
          return null;
        }
        if (failedAt !== null) logger.info('store_recovered', { backend, target });
        current = store;
        return store;
      })
      .catch((error: unknown) => {
        failedAt = clock();
        logger.error('store_open_failed', { backend, target, error: messageOf(error), retryAfterMs });
        return null;
      })
      .finally(() => {
        attempt = null;
      });
    return attempt;
  };
  const use = async (): Promise<FeedbackStore> => {
    const store = await tryOpen();
    if (!store) throw new StoreUnavailableError(`the ${backend} store is not open`);
    return store;
  };

  await tryOpen();
  return {
    saveFeedback: async (feedback) => (await use()).saveFeedback(feedback),
    saveCitationFlags: async (report) => (await use()).saveCitationFlags(report),
    logGap: async (gap) => (await use()).logGap(gap),
    insights: async (range) => (await use()).insights(range),
    exportCandidates: async () => (await use()).exportCandidates(),
    exportFeedback: async (page) => (await use()).exportFeedback(page),
    saveShare: async (share) => (await use()).saveShare(share),
    readShare: async (id) => (await use()).readShare(id),
    deleteShare: async (id) => (await use()).deleteShare(id),
    async status() {
      const store = await tryOpen();
      return store ? store.status() : 'down';
    },
    async close() {
      closed = true;
      await attempt;
      await current?.close();
    },
  };
}
