import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScopedQuestion } from '../components/guide-reader.js';

/** A question handed over from the guide: `send` asks it at once; `at` tells two identical requests apart. */
export type GuidePrefill = ScopedQuestion & { at: number; send: boolean };

type AskScoped = (question: string, sectionId?: string) => void;

/**
 * The section a question typed in the composer is about. A prefill from the guide either asks at once or
 * leaves its question in the composer scoped to its section until it is sent or the scope is dismissed.
 */
export function useGuideScope(prefill: GuidePrefill | undefined, askScoped: AskScoped) {
  const [scope, setScope] = useState<ScopedQuestion | null>(null);
  const handled = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each request (its `at`) is handled once.
  useEffect(() => {
    if (!prefill || handled.current === prefill.at) return;
    handled.current = prefill.at;
    if (prefill.send) askScoped(prefill.question, prefill.sectionId);
    else setScope(prefill);
  }, [prefill?.at]);
  const ask = useCallback(
    (question: string) => {
      askScoped(question, scope?.sectionId);
      setScope(null);
    },
    [askScoped, scope],
  );
  const askFollowUp = useCallback(
    (question: ScopedQuestion) => askScoped(question.question, question.sectionId),
    [askScoped],
  );
  const clearScope = useCallback(() => setScope(null), []);
  return { scope, clearScope, ask, askFollowUp };
}
