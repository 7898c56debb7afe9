import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

const MAX_QUESTION_CHARS = 4000;

interface ComposerProps {
  busy: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
  /** A question put in the box from elsewhere (the guide); `at` tells two identical requests apart. */
  prefill?: { text: string; at: number } | undefined;
}

/** Enter sends; Shift+Enter is a new line; Enter while an input method is composing (Chinese, Japanese…) confirms a candidate. */
function isSendKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229;
}

/** Send submits the form; while an answer streams the same place offers Stop. */
function SendOrStop({ busy, canSend, onStop }: { busy: boolean; canSend: boolean; onStop: () => void }) {
  if (busy) {
    return (
      <button type="button" className="secondary-button" onClick={onStop}>
        Stop
      </button>
    );
  }
  return (
    <button type="submit" className="primary-button" disabled={!canSend}>
      Send
    </button>
  );
}

/** The question box: Enter sends, Shift+Enter adds a line; while an answer streams it offers Stop. */
export function Composer({ busy, onSend, onStop, prefill }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!prefill) return;
    setDraft(prefill.text);
    textareaRef.current?.focus();
  }, [prefill]);
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
          ref={textareaRef}
          aria-label="Ask a question"
          placeholder="Ask about AI PM roles, skills, careers… 中文或英文"
          aria-describedby={hintId}
          value={draft}
          maxLength={MAX_QUESTION_CHARS}
          rows={2}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="composer-hint">
          Enter to send · Shift+Enter for a new line
        </p>
      </div>
      <SendOrStop busy={busy} canSend={canSend} onStop={onStop} />
    </form>
  );
}
