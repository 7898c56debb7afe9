import type { SectionResponse } from '../../server/contract.js';
import { useI18n } from '../lib/i18n.js';
import { editionLanguage, langAttribute, languageName } from '../lib/language-names.js';
import { textLanguage } from '../lib/text-language.js';

interface EditionSwitchProps {
  /** The section as shown now. */
  section: SectionResponse;
  onSwitch: (sectionId: string) => void;
}

/** 中文 / English: the same section in its document's other editions; nothing when it has none. */
export function EditionSwitch({ section, onSwitch }: EditionSwitchProps) {
  const { t } = useI18n();
  if (section.editions.length === 0) return null;
  const own = editionLanguage(section.docId) ?? textLanguage(section.text);
  const choices = [{ lang: own, id: section.id }, ...section.editions];
  return (
    <fieldset className="edition-switch">
      <legend className="visually-hidden">{t('edition.label')}</legend>
      {choices.map((choice) => (
        <button
          key={choice.id}
          type="button"
          className="secondary-button"
          lang={langAttribute(choice.lang)}
          aria-pressed={choice.id === section.id}
          onClick={() => choice.id !== section.id && onSwitch(choice.id)}
        >
          {languageName(choice.lang)}
        </button>
      ))}
    </fieldset>
  );
}
