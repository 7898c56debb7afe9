import { memo } from 'react';
import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';

/** The user's question, shown as typed (plain text, line breaks kept), under a heading for the turn. */
export const QuestionTurn = memo(function QuestionTurn({ text, turn }: { text: string; turn: number }) {
  const { t } = useI18n();
  return (
    <article aria-label={t('turn.question')} className="turn question" data-turn={turn}>
      <h2 className="visually-hidden">{t('turn.questionHeading', { n: turn })}</h2>
      <p lang={langTag(text)}>{text}</p>
    </article>
  );
});
