import { afterEach, describe, expect, it } from 'vitest';
import type { FeedbackExportRow } from '../../../server/contract.js';
import { csvField, EXPORT_PAGE_ROWS } from '../../../server/http/feedback-export.js';
import { aFeedback } from '../store/feedback-fixtures.js';
import { aFlywheelApp, FROM_THIS_MACHINE } from '../store/flywheel-test-app.js';

const TOKEN = 's3cret-admin-token';

/** A minimal RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

describe('GET /api/feedback/export', () => {
  let flywheel: ReturnType<typeof aFlywheelApp>;
  afterEach(async () => flywheel.close());

  const save = (overrides: Parameters<typeof aFeedback>[0] = {}) =>
    flywheel.store.saveFeedback({ ...aFeedback(overrides), citationHeadings: {}, appVersion: 'test' });
  const get = (path: string) =>
    flywheel.app.request(path, { headers: { authorization: `Bearer ${TOKEN}` } }, FROM_THIS_MACHINE);

  it('downloads every rated answer as JSON lines by default', async () => {
    flywheel = aFlywheelApp({ ADMIN_TOKEN: TOKEN });
    await save({ question: 'first' });
    await save({ question: 'second', rating: 'up', reasons: undefined, truncated: false });

    const response = await get('/api/feedback/export');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="aipm-feedback.jsonl"');
    const rows = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as FeedbackExportRow);
    expect(rows.map((row) => [row.question, row.rating, row.truncated])).toEqual([
      ['first', 'down', null],
      ['second', 'up', false],
    ]);
  });

  it('writes CSV that spreadsheets read back exactly and cannot run as formulas', async () => {
    flywheel = aFlywheelApp({ ADMIN_TOKEN: TOKEN });
    const comment = 'said "wrong", then\nleft, 中文';
    await save({ question: '=HYPERLINK("http://x")', comment, reasons: ['wrong', 'missing'] });

    const response = await get('/api/feedback/export?format=csv');

    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="aipm-feedback.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], row = []] = parseCsv(new TextDecoder().decode(bytes));
    const cell = (column: string) => row[header.indexOf(column)];
    expect(header).toHaveLength(14);
    expect(row).toHaveLength(14);
    expect(cell('comment')).toBe(comment);
    expect(cell('question')).toBe(`'=HYPERLINK("http://x")`);
    expect(cell('reasons')).toBe('wrong;missing');
    expect(cell('truncated')).toBe('');
    expect(JSON.parse(cell('citations') ?? '')).toHaveLength(2);
  });

  it('streams a large export in pages without losing or repeating a row', async () => {
    flywheel = aFlywheelApp();
    const total = EXPORT_PAGE_ROWS * 2 + 7;
    for (let index = 0; index < total; index += 1) await save({ question: `question ${index}` });

    const lines = (await (await get('/api/feedback/export')).text()).trimEnd().split('\n');

    const questions = lines.map((line) => (JSON.parse(line) as FeedbackExportRow).question);
    expect(questions).toEqual(Array.from({ length: total }, (_, index) => `question ${index}`));
    // Two pages and more of rows are saved one request at a time; on a busy two-core runner that alone can pass 5 s.
  }, 30_000);

  it('limits the export to the given days', async () => {
    flywheel = aFlywheelApp();
    await save();

    const inside = await (await get('/api/feedback/export?from=2026-01-01&to=2026-01-01')).text();
    const outside = await (await get('/api/feedback/export?format=csv&to=2025-12-31')).text();

    expect(inside.trimEnd().split('\n')).toHaveLength(1);
    const csvRows = parseCsv(outside);
    expect(csvRows).toHaveLength(1);
    expect(csvRows[0]?.[0]).toBe('id');
  });
});

describe('a CSV field', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['+1 rating', "'+1 rating"],
    ['-negative', "'-negative"],
    ['@mention', "'@mention"],
    ['\tindent', "'\tindent"],
    ['=1,2', `"'=1,2"`],
    ['', ''],
  ])('%j becomes %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
