import { type RefObject, useEffect, useRef } from 'react';

/**
 * On phones a long answer pushes its own start out of view while it streams: when it ends, the question
 * that asked it is scrolled to the top so the reader starts at the beginning. `release` first unpins the
 * transcript from its end, so the follow-ups that arrive after the answer do not pull it back down; asking
 * the next question follows the end again.
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
    if (!ended || !enabled || !box) return;
    const questions = box.querySelectorAll('.turn.question');
    const question = questions[questions.length - 1];
    if (!question) return;
    release();
    // Only the transcript scrolls: scrollIntoView would also shift the page's clipped ancestors, header and all.
    box.scrollTop += question.getBoundingClientRect().top - box.getBoundingClientRect().top;
  }, [busy, enabled, container, release]);
}
