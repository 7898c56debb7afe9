/** One /api/chat as a probe sees it, and what its reply tells the reader, in a few words for the table. */
import { randomUUID } from 'node:crypto';
import { type ChatChunk, readChunks, summarize } from '../tests/server/support/ui-stream.js';
import { failureName } from './timed-chat.js';

export const turn = (role: 'user' | 'assistant', text: string, id = randomUUID()) => ({
  id,
  role,
  parts: [{ type: 'text', text }],
});

export interface ChatReply {
  status: string;
  ms: number;
  chunks: ChatChunk[];
  text: string;
  headers: Headers | null;
}

/** One /api/chat: the stream's parts when it is 200, else the error body. Never throws. */
export async function chat(
  base: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ChatReply> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const chunks = response.ok ? await readChunks(response) : [];
    const text = response.ok ? '' : await response.text();
    return {
      status: String(response.status),
      ms: performance.now() - startedAt,
      chunks,
      text,
      headers: response.headers,
    };
  } catch (error) {
    return {
      status: failureName(error),
      ms: performance.now() - startedAt,
      chunks: [],
      text: '',
      headers: null,
    };
  }
}

/** An error body's code and message (the first 100 characters), or the body's start when it is not one. */
export function errorSays(text: string): string {
  try {
    const { error } = JSON.parse(text) as { error: { code: string; message: string } };
    return `${error.code}: "${error.message.slice(0, 100)}"`;
  } catch {
    return text.slice(0, 60);
  }
}

/** What the stream's parts tell the reader: mode and reason, truncation, text length. */
export function partsSay(reply: ChatReply): string {
  if (reply.chunks.length === 0) return `${reply.status} ${errorSays(reply.text)}`;
  try {
    const { metadata, text } = summarize(reply.chunks);
    const reason = metadata.fallbackReason ? `:${metadata.fallbackReason}` : '';
    return `${metadata.mode}${reason}${metadata.truncated ? ' truncated' : ''}, text ${text.length} chars`;
  } catch (error) {
    return `unreadable parts (${String(error)})`;
  }
}

/** What the reader is shown: a fallback's notice part first (the web words it from the reason), then the text. */
export const shownText = (reply: ChatReply) =>
  reply.chunks
    .map((c) => (c.type === 'text-delta' ? c.delta : c.type === 'data-notice' ? `${c.data.text}\n\n` : ''))
    .join('');
