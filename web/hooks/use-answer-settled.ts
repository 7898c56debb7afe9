import { type RefObject, useEffect, useRef } from 'react';

/**
 * On phones a long answer pushes its own start out of view while it streams: when it ends, the question
 * that asked it is scrolled to the top so the reader starts at the beginning.
 */
export function useQuestionToTopWhenDone(
  container: RefObject<HTMLElement | null>,
  busy: boolean,
  enabled: boolean,
): void {
  const wasBusy = useRef(busy);
  useEffect(() => {
    const ended = wasBusy.current && !busy;
    wasBusy.current = busy;
    if (!ended || !enabled) return;
    const questions = container.current?.querySelectorAll('.turn.question');
    questions?.[questions.length - 1]?.scrollIntoView({ block: 'start' });
  }, [busy, enabled, container]);
}
