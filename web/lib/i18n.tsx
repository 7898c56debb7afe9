import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en, type Messages } from './messages/en.js';
import { zh } from './messages/zh.js';
import { safeStorage } from './safe-storage.js';

export type Locale = 'zh' | 'en';
export type MessageKey = keyof Messages;

const CATALOGS: Record<Locale, Messages> = { en, zh };
const STORAGE_KEY = 'aipm-guide.locale';

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

/** Provides the reader's language to the tree and keeps `<html lang>` in step with it. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(
    () =>
      initial ??
      detectLocale(
        navigator.languages ?? [navigator.language],
        safeStorage('localStorage').getItem(STORAGE_KEY),
      ),
  );
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    safeStorage('localStorage').setItem(STORAGE_KEY, next);
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = bcp47(locale);
    const tag = bcp47(locale);
    return {
      locale,
      setLocale,
      t: (key, values) => formatMessage(CATALOGS[locale][key], values),
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
