import { type ComponentProps, useEffect, useState } from 'react';
import type { AnswerMarkdown as LoadedMarkdown } from './answer-markdown.js';

type MarkdownComponent = typeof LoadedMarkdown;

let loaded: MarkdownComponent | null = null;
let loading: Promise<void> | null = null;

/** Loads the Markdown renderer once; resolves when `AnswerMarkdown` renders it synchronously. */
export function preloadAnswerMarkdown(): Promise<void> {
  loading ??= import('./answer-markdown.js').then(
    (module) => {
      loaded = module.AnswerMarkdown;
    },
    () => {
      // A chunk that failed to load (a deploy replaced it, the network dropped) is tried again next time.
      loading = null;
    },
  );
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
  const [Markdown, setMarkdown] = useState<MarkdownComponent | null>(() => loaded);
  useEffect(() => {
    if (Markdown) return;
    // Asks the module, not the first render: the renderer may have arrived between render and this effect, and a
    // finished answer renders no more, so a missed arrival would leave it as plain text for good.
    let mounted = true;
    void preloadAnswerMarkdown().then(() => {
      if (mounted && loaded) setMarkdown(() => loaded);
    });
    return () => {
      mounted = false;
    };
  }, [Markdown]);
  return Markdown ? (
    <Markdown {...props} />
  ) : (
    <div className="answer-markdown answer-plain">{props.text}</div>
  );
}
