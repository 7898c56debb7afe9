import { type ComponentProps, useEffect, useState } from 'react';
import type { AnswerMarkdown as LoadedMarkdown } from './answer-markdown.js';

type MarkdownComponent = typeof LoadedMarkdown;

let loaded: MarkdownComponent | null = null;
let loading: Promise<void> | null = null;

/** Loads the Markdown renderer once; resolves when `AnswerMarkdown` renders it synchronously. */
export function preloadAnswerMarkdown(): Promise<void> {
  loading ??= import('./answer-markdown.js').then((module) => {
    loaded = module.AnswerMarkdown;
  });
  return loading;
}

// The Markdown renderer is a third of the chat's JavaScript and an empty chat shows no answer: it loads once
// the page is idle, while the reader types, so the page is interactive sooner.
if (typeof window !== 'undefined') {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => void preloadAnswerMarkdown());
}

/** `AnswerMarkdown`, loaded on demand; until it is in (rarely: it loads at idle) the answer shows as plain text. */
export function AnswerMarkdown(props: ComponentProps<MarkdownComponent>) {
  const [, setReady] = useState(loaded !== null);
  useEffect(() => {
    if (loaded === null) void preloadAnswerMarkdown().then(() => setReady(true));
  }, []);
  const Markdown = loaded;
  return Markdown ? (
    <Markdown {...props} />
  ) : (
    <div className="answer-markdown answer-plain">{props.text}</div>
  );
}
