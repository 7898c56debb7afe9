import type { UnderstoodData } from '../../server/contract.js';
import { headingLabel } from '../lib/guide-outline.js';
import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';
import { ActionIcon } from './action-icon.js';

interface UnderstoodQuestionProps {
  understood: UnderstoodData;
  /** Puts the understood question in the composer, to be corrected and sent again. */
  onEdit: (query: string) => void;
}

/** "Answering: <subjects> · <aspect>" under a follow-up's answer, so a misread follow-up is seen and fixed in one click. */
export function UnderstoodQuestion({ understood, onEdit }: UnderstoodQuestionProps) {
  const { t, locale } = useI18n();
  const subjects = understood.subjects.map(headingLabel).join(locale === 'zh' ? '、' : ', ');
  const aspect = understood.aspect ? headingLabel(understood.aspect) : null;
  const topic = [subjects, aspect].filter((part) => part !== null && part !== '').join(' · ');
  const shown = topic === '' ? understood.query : topic;
  return (
    <p className="understood">
      <span>{t('understood.answering')} </span>
      <span className="understood-topic" lang={langTag(shown)} title={understood.query}>
        {shown}
      </span>
      <button
        type="button"
        className="icon-action understood-edit"
        aria-label={t('understood.edit')}
        title={t('understood.edit')}
        onClick={() => onEdit(understood.query)}
      >
        <ActionIcon name="edit" />
      </button>
    </p>
  );
}
