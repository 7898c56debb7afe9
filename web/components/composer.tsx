import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';

const MAX_QUESTION_CHARS = 4000;

interface ComposerProps {
  busy: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
}

/** The question box: Enter sends, Shift+Enter adds a line; while an answer streams it offers Stop. */
export function Composer({ busy, onSend, onStop }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const canSend = !busy && draft.trim() !== '';

  const send = () => {
    if (!canSend) return;
    onSend(draft.trim());
    setDraft('');
    textareaRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method is composing (Chinese, Japanese…) confirms a candidate, never sends.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229)
      return;
    event.preventDefault();
    send();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
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
      {busy ? (
        <button type="button" className="secondary-button" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="primary-button" disabled={!canSend}>
          Send
        </button>
      )}
    </form>
  );
}
