import type { UIMessageStreamWriter } from 'ai';
import type { ChatMessage, CitationsData, UnderstoodData } from '../contract.js';

export type ChatStreamWriter = UIMessageStreamWriter<ChatMessage>;

/** The one citations part; re-sending it with the same id replaces it on the client. */
export const CITATIONS_PART_ID = 'citations';
/** Each answer is one text part, so a fallback can continue the text the model started. */
export const ANSWER_TEXT_ID = 'answer';

/** Sends (or, with the same id, replaces) the citations the answer's [n] point into. */
export function writeCitations(writer: ChatStreamWriter, data: CitationsData): void {
  writer.write({ type: 'data-citations', id: CITATIONS_PART_ID, data });
}

/** The one understood-question part of an answer. */
export const UNDERSTOOD_PART_ID = 'understood';

/**
 * A writer that sends how a follow-up was understood right after the answer's `start`, whichever writer
 * (search, LLM, fallback) starts it: `useChat` needs `start` before any data part.
 */
export function withUnderstood(
  writer: ChatStreamWriter,
  understood: UnderstoodData | undefined,
): ChatStreamWriter {
  if (!understood) return writer;
  return {
    ...writer,
    write(part) {
      writer.write(part);
      if (part.type === 'start')
        writer.write({ type: 'data-understood', id: UNDERSTOOD_PART_ID, data: understood });
    },
  };
}

/** Splits text into line-sized deltas so an answer that exists all at once still streams. */
export function lineChunks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Writes a whole text part, one line per delta. */
export function writeTextPart(writer: ChatStreamWriter, id: string, text: string): void {
  writer.write({ type: 'text-start', id });
  for (const delta of lineChunks(text)) writer.write({ type: 'text-delta', id, delta });
  writer.write({ type: 'text-end', id });
}
