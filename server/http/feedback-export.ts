import type { FeedbackExportRow } from '../contract.js';
import type { Logger } from '../logger.js';
import type { DateRange, ExportCursor, FeedbackStore } from '../store/feedback-store.js';

export type ExportFormat = 'jsonl' | 'csv';

/** Rows per store read: the export streams, so its memory stays flat however much feedback there is. */
export const EXPORT_PAGE_ROWS = 500;

const COLUMNS = [
  'id',
  'messageId',
  'createdAt',
  'updatedAt',
  'rating',
  'reasons',
  'comment',
  'question',
  'answer',
  'mode',
  'model',
  'truncated',
  'citations',
  'appVersion',
] as const satisfies ReadonlyArray<keyof FeedbackExportRow>;

/**
 * One RFC 4180 field. A spreadsheet runs a cell that starts with = + - @ (or a tab / CR) as a formula, and
 * comments are written by anyone: such text gets a leading apostrophe, which spreadsheets show as plain text.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

function csvCell(row: FeedbackExportRow, column: (typeof COLUMNS)[number]): string {
  const value = row[column];
  if (value === null) return '';
  if (column === 'reasons') return row.reasons.join(';');
  if (column === 'citations') return JSON.stringify(row.citations);
  return String(value);
}

export function csvLine(row: FeedbackExportRow): string {
  return `${COLUMNS.map((column) => csvField(csvCell(row, column))).join(',')}\r\n`;
}

/** The BOM makes spreadsheet apps read the file as UTF-8, so Chinese questions stay legible. */
export const CSV_HEADER = `\uFEFF${COLUMNS.join(',')}\r\n`;

export function jsonlLine(row: FeedbackExportRow): string {
  return `${JSON.stringify(row)}\n`;
}

const cursorOf = (row: FeedbackExportRow): ExportCursor => ({ createdAt: row.createdAt, id: row.id });

async function* pagesAfter(store: FeedbackStore, range: DateRange, first: FeedbackExportRow[]) {
  let page = first;
  for (;;) {
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < EXPORT_PAGE_ROWS || !last) return;
    page = await store.exportFeedback({ range, after: cursorOf(last), limit: EXPORT_PAGE_ROWS });
  }
}

/**
 * The export as a stream. The first page is read before this resolves, so a store that is down is a 503
 * rather than an empty 200; a failure later aborts the stream, so a cut-short file never looks complete.
 */
export async function exportStream(
  store: FeedbackStore,
  options: { format: ExportFormat; range: DateRange; logger: Logger; requestId: string },
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const line = options.format === 'csv' ? csvLine : jsonlLine;
  const first = await store.exportFeedback({ range: options.range, limit: EXPORT_PAGE_ROWS });
  const pages = pagesAfter(store, options.range, first);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (options.format === 'csv') controller.enqueue(encoder.encode(CSV_HEADER));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(line).join('')));
      } catch (error) {
        options.logger.error('feedback_export_failed', {
          requestId: options.requestId,
          error: error instanceof Error ? error.message : String(error),
        });
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
