import type { ChatMessage } from '../../server/contract.js';

/**
 * What the web adds to an answer's metadata: the reader stopped it, so it is incomplete. Kept apart from the
 * server's `truncated` (an answer cut at `ANSWER_MAX_CHARS`), which the reader did not ask for.
 */
interface StoppedMark {
  stopped?: boolean;
}

/** True for an answer the reader stopped: it is saved so and its feedback says it rated a truncated answer. */
export function isStopped(message: ChatMessage): boolean {
  return (message.metadata as StoppedMark | undefined)?.stopped === true;
}

/** True for an answer that is not whole: stopped by the reader or cut by the server at its length limit. */
export function isIncomplete(message: ChatMessage): boolean {
  return isStopped(message) || message.metadata?.truncated === true;
}

/** The message marked as stopped; metadata may not have arrived yet when the reader stops early. */
export function markStopped(message: ChatMessage): ChatMessage {
  const metadata = { ...(message.metadata ?? {}), stopped: true } as ChatMessage['metadata'];
  return { ...message, metadata };
}
