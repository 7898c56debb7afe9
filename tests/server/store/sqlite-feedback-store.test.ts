import { copyFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { type FeedbackStore, StoreUnavailableError } from '../../../server/store/feedback-store.js';
import { DATABASE_FILE_NAME, openSqliteFeedbackStore } from '../../../server/store/sqlite-feedback-store.js';
import { feedbackStoreContract } from './contract/feedback-store-contract.js';
import type { ContractBackend } from './contract/store-under-test.js';
import { aFeedback, aTempDir } from './feedback-fixtures.js';

const sqlite: ContractBackend = {
  name: 'sqlite',
  async freshLocation() {
    const temp = aTempDir('aipm-store');
    return {
      open: async (now) =>
        openSqliteFeedbackStore({ dataDir: temp.dir, logger: createMemoryLogger(), ...(now ? { now } : {}) }),
      remove: async () => temp.remove(),
    };
  },
};

describe('the SQLite feedback store', () => {
  feedbackStoreContract(() => sqlite);
});

describe('the SQLite store when its file changes underneath it', () => {
  let temp: ReturnType<typeof aTempDir>;
  let logger: ReturnType<typeof createMemoryLogger>;
  let store: FeedbackStore;
  const file = () => path.join(temp.dir, DATABASE_FILE_NAME);
  const save = () => store.saveFeedback({ ...aFeedback(), citationHeadings: {}, appVersion: 'test' });

  beforeEach(async () => {
    temp = aTempDir('aipm-store-file');
    logger = createMemoryLogger();
    store = openSqliteFeedbackStore({ dataDir: temp.dir, logger });
    await save();
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('refuses to acknowledge writes once the database file is deleted, and says it is down', async () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file()}${suffix}`, { force: true });

    await expect(save()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.insights()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.status()).toBe('down');
    expect(logger.lines.filter((line) => line.event === 'store_file_untrusted')).toEqual([
      expect.objectContaining({ reason: 'the database file was deleted' }),
    ]);
  });

  it('refuses to acknowledge writes once another file is moved into its place', async () => {
    const other = path.join(temp.dir, 'other.sqlite');
    copyFileSync(file(), other);
    renameSync(other, file());

    await expect(save()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.status()).toBe('down');
    expect(logger.lines.some((line) => line.reason === 'the database file was replaced')).toBe(true);
  });

  it('stays down after a deleted file reappears: what it wrote since is not in the new file', async () => {
    rmSync(file());
    await expect(save()).rejects.toThrow();
    new Database(file()).close();

    await expect(save()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.status()).toBe('down');
  });
});
