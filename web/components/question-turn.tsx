import { memo } from 'react';

/** The user's question, shown as typed (plain text, line breaks kept). */
export const QuestionTurn = memo(function QuestionTurn({ text }: { text: string }) {
  return (
    <article aria-label="Question" className="turn question">
      <p>{text}</p>
    </article>
  );
});
