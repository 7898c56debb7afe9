import {
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useI18n } from '../lib/i18n.js';

const MAX_QUESTION_CHARS = 4000;
/** The composer grows with the question up to this height, then scrolls. */
const MAX_HEIGHT_PX = 240;
export const COMPOSER_ID = 'composer-input';

interface ComposerProps {
  busy: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
  /** A question put in the box from elsewhere (the guide); `at` tells two identical requests apart. */
  prefill?: { text: string; at: number } | undefined;
  /** Changes when focus should move here (after New chat). */
  focusRequest?: number;
}

/** Enter sends; Shift+Enter is a new line; Enter while an input method is composing (Chinese, Japanese…) confirms a candidate. */
function isSendKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `/` (outside a text field) and Ctrl/Cmd+K anywhere bring the reader to the question box. */
function useFocusShortcut(textarea: React.RefObject<HTMLTextAreaElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      textarea.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [textarea]);
}

/** Send submits the form; while an answer streams the same place offers Stop. */
function SendOrStop({ busy, canSend, onStop }: { busy: boolean; canSend: boolean; onStop: () => void }) {
  const { t } = useI18n();
  if (busy) {
    return (
      <button type="button" className="secondary-button" onClick={onStop}>
        {t('composer.stop')}
      </button>
    );
  }
  return (
    <button type="submit" className="primary-button" disabled={!canSend}>
      {t('composer.send')}
    </button>
  );
}

/** The draft: set from elsewhere (`prefill`), focused on request, and as tall as its text up to a limit. */
function useDraft(prefill: ComposerProps['prefill'], focusRequest: number) {
  const [draft, setDraft] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const prefillText = prefill?.text;
  const prefillAt = prefill?.at;
  useEffect(() => {
    if (prefillText === undefined || prefillAt === undefined) return;
    setDraft(prefillText);
    textareaRef.current?.focus();
  }, [prefillText, prefillAt]);
  useFocusShortcut(textareaRef);
  useEffect(() => {
    if (focusRequest > 0) textareaRef.current?.focus();
  }, [focusRequest]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the draft's content.
  useLayoutEffect(() => {
    const element = textareaRef.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [draft]);
  return { draft, setDraft, textareaRef };
}

/** The question box: Enter sends, Shift+Enter adds a line, it grows with the text; while an answer streams it offers Stop. */
export function Composer({ busy, onSend, onStop, prefill, focusRequest = 0 }: ComposerProps) {
  const { t } = useI18n();
  const { draft, setDraft, textareaRef } = useDraft(prefill, focusRequest);
  const hintId = useId();
  const canSend = !busy && draft.trim() !== '';

  const send = () => {
    if (!canSend) return;
    onSend(draft.trim());
    setDraft('');
    textareaRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    send();
  };

  return (
    <form
      className="composer"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        send();
      }}
    >
      <div className="composer-field">
        <textarea
          id={COMPOSER_ID}
          ref={textareaRef}
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          aria-describedby={hintId}
          aria-keyshortcuts="/ Control+K Meta+K"
          value={draft}
          maxLength={MAX_QUESTION_CHARS}
          rows={2}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="composer-hint">
          {t('composer.hint')}
        </p>
      </div>
      <SendOrStop busy={busy} canSend={canSend} onStop={onStop} />
    </form>
  );
}
