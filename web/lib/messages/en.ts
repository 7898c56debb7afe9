import { guideEn } from './guide-en.js';

/**
 * English UI words. Keys are grouped by the part of the UI that shows them; `zh.ts` must hold the same keys
 * (`satisfies Messages` there fails the typecheck when one is missing). `{name}` marks a variable.
 */
export const en = {
  ...guideEn,
  'app.skipToChat': 'Skip to the conversation',
  'app.language': 'Language',
  'app.languageName': 'English',
};

export type Messages = Record<keyof typeof en, string>;
