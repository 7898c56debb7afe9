import type { CitationsData } from '../../../server/contract.js';

/** One chunk of an AI SDK UI message stream as it travels over SSE. */
export interface StreamChunk {
  type: string;
  [key: string]: unknown;
}

/** Reads a `/api/chat` response the way a client would: every SSE `data:` line, in order. */
export async function readUIMessageChunks(response: Response): Promise<StreamChunk[]> {
  const body = await response.text();
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as StreamChunk);
}

/** The answer text assembled from the text deltas. */
export function answerText(chunks: StreamChunk[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => String(chunk.delta))
    .join('');
}

/** The final `data-citations` payload (a later part with the same id replaces an earlier one). */
export function finalCitations(chunks: StreamChunk[]): CitationsData {
  const part = chunks.filter((chunk) => chunk.type === 'data-citations').at(-1);
  if (!part) throw new Error(`no data-citations part among: ${chunks.map((chunk) => chunk.type).join(', ')}`);
  return part.data as CitationsData;
}
