import { type RefObject, useEffect, useState } from 'react';

const MAX_QUOTE_CHARS = 300;

/** The text the reader has selected inside `container` (trimmed, capped), or '' when none. */
export function useTextSelection(container: RefObject<HTMLElement | null>): string {
  const [selected, setSelected] = useState('');
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const element = container.current;
      const inside =
        selection && element && selection.anchorNode !== null && element.contains(selection.anchorNode);
      const text = inside ? selection.toString().replace(/\s+/g, ' ').trim() : '';
      setSelected(text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS - 1)}…` : text);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [container]);
  return selected;
}
