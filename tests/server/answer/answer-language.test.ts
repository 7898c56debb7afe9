import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../server/answer/detect-language.js';

describe('the language an answer is written in', () => {
  it.each([
    ['梨树什么时候修剪？', 'zh'],
    ['Pear 树需要什么土壤', 'zh'],
    ['When should I prune a pear tree?', 'en'],
    ['How do I grow 龙井 tea at home?', 'en'],
    ['Ｐｅａｒ ｔｒｅｅｓ', 'en'],
    ['?', 'en'],
  ] as const)('%s → %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });
});
