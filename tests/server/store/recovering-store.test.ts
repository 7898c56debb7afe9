import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { StoreUnavailableError } from '../../../server/store/feedback-store.js';
import { openRecoveringStore } from '../../../server/store/recovering-store.js';
import { DATABASE_FILE_NAME, openSqliteFeedbackStore } from '../../../server/store/sqlite-feedback-store.js';
import { aFeedback, aTempDir } from './feedback-fixtures.js';

describe('a store that cannot be opened at start', () => {
  let temp: ReturnType<typeof aTempDir>;
  let logger: ReturnType<typeof createMemoryLogger>;
  let clockMs: number;
  const file = () => path.join(temp.dir, DATABASE_FILE_NAME);
  const open = () =>
    openRecoveringStore(async () => openSqliteFeedbackStore({ dataDir: temp.dir, logger }), {
      backend: 'sqlite',
      target: 'test.sqlite',
      logger,
      retryAfterMs: 5_000,
      clock: () => clockMs,
    });
  const feedback = () => ({ ...aFeedback(), citationHeadings: {}, appVersion: 'test' });
  const openFailures = () => logger.lines.filter((line) => line.event === 'store_open_failed');

  beforeEach(() => {
    temp = aTempDir('aipm-recovering');
    logger = createMemoryLogger();
    clockMs = 0;
  });
  afterEach(() => temp.remove());

  it('exists anyway: every call is refused as unavailable and its status is down', async () => {
    writeFileSync(
      file(),
      'not a database, just some words that are long enough to look like a header '.repeat(50),
    );

    const store = await open();

    expect(await store.status()).toBe('down');
    await expect(store.saveFeedback(feedback())).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.insights()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readShare('x')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(openFailures()).toEqual([
      expect.objectContaining({ level: 'error', backend: 'sqlite', error: 'file is not a database' }),
    ]);
    await store.close();
  });

  it('tries again at most every retryAfterMs, and serves once the database can be opened', async () => {
    mkdirSync(file());
    const store = await open();
    await expect(store.saveFeedback(feedback())).rejects.toThrow();
    expect(openFailures()).toHaveLength(1);

    rmSync(file(), { recursive: true });
    clockMs = 4_999;
    await expect(store.saveFeedback(feedback())).rejects.toThrow();
    expect(openFailures()).toHaveLength(1);

    clockMs = 5_000;
    expect(await store.saveFeedback(feedback())).toEqual({ created: true, updated: false });
    expect(await store.status()).toBe('ok');
    expect(logger.lines.some((line) => line.event === 'store_recovered')).toBe(true);
    await store.close();
  });

  it('opens only once when many requests arrive while it is retrying', async () => {
    let opens = 0;
    const store = await openRecoveringStore(
      async () => {
        opens += 1;
        if (opens === 1) throw new Error('not yet');
        return openSqliteFeedbackStore({ dataDir: temp.dir, logger });
      },
      { backend: 'sqlite', target: 'test.sqlite', logger, retryAfterMs: 0 },
    );

    const results = await Promise.all(Array.from({ length: 5 }, () => store.saveFeedback(feedback())));

    expect(results.every((result) => result.created)).toBe(true);
    expect(opens).toBe(2);
    await store.close();
  });
});
