import type { ChatMessage, CitationsData, UnderstoodData } from '../../server/contract.js';

/** The answer's text: its text parts joined, [n] markers included. */
export function messageText(message: ChatMessage): string {
  return message.parts
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('')
    .trim();
}

/** The latest `data-citations` part; the server may replace it (same id) with final highlights. */
export function citationsOf(message: ChatMessage): CitationsData | undefined {
  for (let index = message.parts.length - 1; index >= 0; index -= 1) {
    const part = message.parts[index];
    if (part?.type === 'data-citations') return part.data;
  }
  return undefined;
}

/** How the server understood a follow-up (`data-understood`); undefined for a question of its own. */
export function understoodOf(message: ChatMessage): UnderstoodData | undefined {
  for (const part of message.parts) if (part.type === 'data-understood') return part.data;
  return undefined;
}

/** The user question an answer replies to: the nearest user message before it. */
export function questionFor(messages: ChatMessage[], answerIndex: number): string {
  for (let index = answerIndex - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role === 'user') return messageText(message);
  }
  return '';
}

export function headingOf(headings: string[], fallback: string): string {
  return headings[headings.length - 1] ?? fallback;
}

/** The headings between the document and the section ("一、… › 3. …"); the document's own H1 is implied. */
export function sectionPath(headings: string[], docTitle: string): string {
  const inner = headings.slice(headings[0] === docTitle ? 1 : 0, -1);
  return inner.join(' › ');
}
