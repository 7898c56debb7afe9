import { useI18n } from '../lib/i18n.js';

/** "Browse the guide", offered where a reader may want to read before (or instead of) asking. */
export function BrowseGuideButton({ onBrowse }: { onBrowse: () => void }) {
  const { t } = useI18n();
  return (
    <p className="browse-guide">
      <button type="button" className="secondary-button" onClick={onBrowse}>
        {t('guide.browse')}
      </button>
    </p>
  );
}
