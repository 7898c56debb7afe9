import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Messages } from './messages/en.js';
import { safeStorage } from './safe-storage.js';

export type Locale = 'zh' | 'en';
export type MessageKey = keyof Messages;

const STORAGE_KEY = 'aipm-guide.locale';

// Each language's words are their own chunk: a reader downloads the one they read, the other only on a switch.
const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: async () => (await import('./messages/en.js')).en,
  zh: async () => (await import('./messages/zh.js')).zh,
};
const loaded: Partial<Record<Locale, Messages>> = {};

/** Loads a language's words once; the page awaits the reader's before its first paint. */
export async function loadCatalog(locale: Locale): Promise<Messages> {
  const catalog = loaded[locale] ?? (await LOADERS[locale]());
  loaded[locale] = catalog;
  return catalog;
}

/** The reader's language: a remembered choice first, else the browser's first language that we speak. */
export function detectLocale(languages: readonly string[], stored: string | null): Locale {
  if (stored === 'zh' || stored === 'en') return stored;
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'zh' || primary === 'en') return primary;
  }
  return 'en';
}

/** Fills `{name}` slots; a slot with no value stays visible so a missing variable is noticed, not hidden. */
export function formatMessage(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (value: Date | number, options?: Intl.DateTimeFormatOptions) => string;
}

const I18nContext = createContext<I18n | null>(null);

function bcp47(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en-US';
}

/** The reader's language in this browser: their remembered choice, else the browser's. */
export function readerLocale(): Locale {
  return detectLocale(
    navigator.languages ?? [navigator.language],
    safeStorage('localStorage').getItem(STORAGE_KEY),
  );
}

/**
 * Provides the reader's language to the tree and keeps `<html lang>` in step with it. The initial language's
 * words must already be loaded (`loadCatalog`); a switch loads the other's first, then changes.
 */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? readerLocale());
  const setLocale = useCallback((next: Locale) => {
    loadCatalog(next).then(
      () => {
        setLocaleState(next);
        safeStorage('localStorage').setItem(STORAGE_KEY, next);
      },
      // Offline or a failed chunk: the page stays readable in the language it has; the next click tries again.
      () => undefined,
    );
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = bcp47(locale);
    const tag = bcp47(locale);
    const catalog = loaded[locale];
    if (!catalog) throw new Error(`the ${locale} words must be loaded (loadCatalog) before they are shown`);
    return {
      locale,
      setLocale,
      t: (key, values) => formatMessage(catalog[key], values),
      formatNumber: (number, options) => new Intl.NumberFormat(tag, options).format(number),
      formatDate: (date, options) => new Intl.DateTimeFormat(tag, options).format(date),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its words; components outside an `I18nProvider` are a programming error. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
