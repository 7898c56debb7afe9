import type { Messages } from './en.js';
import { guideZh } from './guide-zh.js';

/** Chinese UI words: the same keys as `en.ts`. */
export const zh = {
  ...guideZh,
  'app.skipToChat': '跳到对话',
  'app.language': '语言',
  'app.languageName': '中文',
} satisfies Messages;
