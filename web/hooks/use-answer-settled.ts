import { type RefObject, useEffect, useRef } from 'react';

/** Set on the transcript while it is held at the latest question, so nothing else scrolls it to the end. */
export const HELD_AT_QUESTION = 'heldAtQuestion';

/**
 * On phones a long answer pushes its own start out of view while it streams: when it ends, the question
 * that asked it is scrolled to the top so the reader starts at the beginning. `release` unpins the
 * transcript from its end; the hold lasts until the next question is asked.
 */
export function useQuestionToTopWhenDone(
  container: RefObject<HTMLElement | null>,
  busy: boolean,
  enabled: boolean,
  release: () => void,
): void {
  const wasBusy = useRef(busy);
  useEffect(() => {
    const ended = wasBusy.current && !busy;
    wasBusy.current = busy;
    const box = container.current;
    if (busy && box) delete box.dataset[HELD_AT_QUESTION];
    if (!ended || !enabled || !box) return;
    const questions = box.querySelectorAll('.turn.question');
    const question = questions[questions.length - 1];
    if (!question) return;
    release();
    box.dataset[HELD_AT_QUESTION] = 'true';
    // Only the transcript scrolls: scrollIntoView would also shift the page's clipped ancestors, header and all.
    box.scrollTop += question.getBoundingClientRect().top - box.getBoundingClientRect().top;
  }, [busy, enabled, container, release]);
}
