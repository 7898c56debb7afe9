import { useI18n } from '../lib/i18n.js';

/** Above the composer while a question is scoped to a section: what it is about, and a way out. */
export function GuideScope({ heading, onClear }: { heading: string; onClear: () => void }) {
  const { t } = useI18n();
  return (
    <div className="guide-scope" role="status">
      <span>{t('guide.scope', { heading })}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('guide.clearScope')}
        title={t('guide.clearScope')}
        onClick={onClear}
      >
        ×
      </button>
    </div>
  );
}
