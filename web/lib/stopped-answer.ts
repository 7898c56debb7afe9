import type { ChatMessage } from '../../server/contract.js';

/** What the web adds to an answer's metadata: the reader stopped it, so it is incomplete. */
interface StoppedMark {
  truncated?: boolean;
}

/** True for an answer the reader stopped: it is saved so and its feedback says it rated a truncated answer. */
export function isStopped(message: ChatMessage): boolean {
  return (message.metadata as StoppedMark | undefined)?.truncated === true;
}

/** The message marked as stopped; metadata may not have arrived yet when the reader stops early. */
export function markStopped(message: ChatMessage): ChatMessage {
  const metadata = { ...(message.metadata ?? {}), truncated: true } as ChatMessage['metadata'];
  return { ...message, metadata };
}
