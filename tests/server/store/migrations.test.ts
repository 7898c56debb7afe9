import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { MIGRATIONS, migrate } from '../../../server/store/migrations.js';
import { DATABASE_FILE_NAME, openSqliteFeedbackStore } from '../../../server/store/sqlite-feedback-store.js';
import { aFeedback, aTempDir } from './feedback-fixtures.js';

describe('schema migrations', () => {
  let temp: ReturnType<typeof aTempDir>;
  beforeEach(() => {
    temp = aTempDir('aipm-migrations');
  });
  afterEach(() => temp.remove());

  it('opens the same data directory twice without re-applying anything or losing rows', async () => {
    const logger = createMemoryLogger();
    const first = openSqliteFeedbackStore({ dataDir: temp.dir, logger });
    const feedback = aFeedback();
    await first.saveFeedback({ ...feedback, citationHeadings: {}, appVersion: '0.1.0' });
    await first.close();

    const second = openSqliteFeedbackStore({ dataDir: temp.dir, logger });
    const insights = await second.insights();
    await second.close();

    expect(insights.totals.feedback).toBe(1);
    const applied = logger.lines.filter((line) => line.event === 'store_migration_applied');
    expect(applied.map((line) => line.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    const db = new Database(path.join(temp.dir, DATABASE_FILE_NAME), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies only the migrations a database has not seen yet, in order', () => {
    const db = new Database(':memory:');
    const logger = createMemoryLogger();
    const history = [
      { version: 1, name: 'notes', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY)' },
      { version: 2, name: 'notes-body', sql: 'ALTER TABLE notes ADD COLUMN body TEXT' },
    ];

    expect(migrate(db, logger, history.slice(0, 1))).toBe(1);
    expect(migrate(db, logger, history)).toBe(2);
    expect(migrate(db, logger, history)).toBe(2);

    expect(logger.lines.map((line) => line.name)).toEqual(['notes', 'notes-body']);
    db.prepare("INSERT INTO notes (id, body) VALUES ('a', 'b')").run();
    db.close();
  });

  it('leaves the version untouched when a migration fails half way', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'broken', sql: 'CREATE TABLE ok (id TEXT); CREATE TABLE ok (id TEXT);' },
    ];

    expect(() => migrate(db, createMemoryLogger(), broken)).toThrow();

    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").all()).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version of the app', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');

    expect(() => migrate(db, createMemoryLogger())).toThrow(/newer than this app knows/);
    db.close();
  });

  it('turns the flag rows of older versions (a second 👎 per flag) into citation flags', async () => {
    const db = new Database(path.join(temp.dir, DATABASE_FILE_NAME));
    migrate(db, createMemoryLogger(), MIGRATIONS.slice(0, 1));
    const insert = db.prepare(`INSERT INTO feedback (id, message_id, rating, reasons, question, answer, mode,
      citations, citation_flags, created_at, app_version) VALUES (?, 'answer-1', ?, ?, 'Q?', 'A [1] [2].', 'llm',
      ?, ?, '2025-12-01T00:00:00.000Z', '0.0.9')`);
    const citations = JSON.stringify([
      { n: 1, id: 'doc#one', headings: ['Doc', 'One'] },
      { n: 2, id: 'doc#two', headings: ['Doc', 'Two'] },
    ]);
    insert.run('rating-row', 'up', '[]', citations, '[]');
    const flags = [
      { n: 2, sentence: 'A [2].' },
      { n: 7, sentence: 'Cites nothing listed.' },
    ];
    insert.run('flag-row', 'down', '["unsupported"]', citations, JSON.stringify(flags));
    db.close();

    const store = openSqliteFeedbackStore({ dataDir: temp.dir, logger: createMemoryLogger() });
    const insights = await store.insights();
    await store.close();

    expect(insights.totals).toEqual({ feedback: 1, up: 1, down: 0, gaps: 0 });
    expect(insights.flags.total).toBe(2);
    expect(insights.flags.topSections).toEqual([
      { citationId: 'doc#two', headings: ['Doc', 'Two'], count: 1 },
    ]);
    expect(insights.flags.latest.map((flag) => [flag.n, flag.citationId, flag.sentence])).toEqual(
      expect.arrayContaining([
        [2, 'doc#two', 'A [2].'],
        [7, null, 'Cites nothing listed.'],
      ]),
    );
  });
});
