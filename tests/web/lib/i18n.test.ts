import { describe, expect, it } from 'vitest';
import { detectLocale, formatMessage } from '../../../web/lib/i18n.js';

describe('the reader’s language', () => {
  it('follows a remembered choice over the browser', () => {
    expect(detectLocale(['en-US'], 'zh')).toBe('zh');
  });

  it('takes the first browser language the UI speaks', () => {
    expect(detectLocale(['fr-FR', 'zh-TW', 'en'], null)).toBe('zh');
    expect(detectLocale(['de', 'en-GB'], null)).toBe('en');
  });

  it('falls back to English for a browser that speaks neither', () => {
    expect(detectLocale(['ja-JP'], 'garbage')).toBe('en');
  });

  it('fills variables and leaves an unknown slot visible', () => {
    expect(formatMessage('{count} sources, {missing}', { count: 3 })).toBe('3 sources, {missing}');
  });
});
