import type { ChatMessage } from '../contract.js';

/** The plain text of a message: its text parts joined. */
export function messageText(message: ChatMessage): string {
  return message.parts
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('')
    .trim();
}

/** The user's turns, oldest first, without empty ones. */
export function userTurns(messages: ChatMessage[]): string[] {
  return messages
    .filter((message) => message.role === 'user')
    .map(messageText)
    .filter((text) => text !== '');
}
