import { useI18n } from '../lib/i18n.js';

/** Beside a section's breadcrumb: read it, and the rest of the guide, in the guide browser. */
export function GuideCrumb({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="link-button guide-crumb" onClick={onOpen}>
      {t('guide.browse')}
    </button>
  );
}
