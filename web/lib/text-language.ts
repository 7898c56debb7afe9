import type { Locale } from './i18n.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LETTER = /[\p{L}]/gu;
/** Chinese prose mixes in Latin words (PM, SaaS, LLM); a fifth of the letters being Han already reads as Chinese. */
const CJK_SHARE = 0.2;

/** The language of a piece of text for its `lang` attribute: Han characters' share of letters → zh, else en. */
export function textLanguage(text: string): Locale {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return 'en';
  const han = text.match(CJK)?.length ?? 0;
  return han / letters >= CJK_SHARE ? 'zh' : 'en';
}

/** The BCP 47 tag for a `lang` attribute. */
export function langTag(text: string): string {
  return textLanguage(text) === 'zh' ? 'zh-CN' : 'en';
}
