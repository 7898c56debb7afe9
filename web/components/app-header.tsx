import type { ReactNode } from 'react';
import { type Locale, useI18n } from '../lib/i18n.js';
import { languageName } from '../lib/language-names.js';

interface AppHeaderProps {
  /** What this page is or which mode the app runs in, shown beside the brand. */
  label: ReactNode;
  /** The page's buttons and links, at the far end. */
  children: ReactNode;
  /** The brand is the page's h1 where the page has no other. */
  brandIsHeading?: boolean;
  /** The id the skip link jumps to, past the header to the page's content. */
  skipTo?: string;
}

/** One button naming the other language in that language, so a reader who cannot read this one finds it. */
function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="secondary-button language-switch"
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      aria-label={t('app.switchLanguage', { language: languageName(other) })}
      onClick={() => setLocale(other)}
    >
      {languageName(other)}
    </button>
  );
}

/** The bar every page shares: a skip link, the brand (a link home), the page's label, actions and the language. */
export function AppHeader({ label, children, brandIsHeading = false, skipTo }: AppHeaderProps) {
  const { t } = useI18n();
  const brand = (
    <a className="brand" href="/">
      {t('app.brand')}
    </a>
  );
  return (
    <header className="app-header">
      {skipTo && (
        <a className="skip-link" href={`#${skipTo}`}>
          {t('app.skipToChat')}
        </a>
      )}
      {brandIsHeading ? <h1 className="brand-heading">{brand}</h1> : brand}
      <div className="header-label">{label}</div>
      <div className="header-actions">
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
