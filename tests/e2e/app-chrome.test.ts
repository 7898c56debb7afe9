import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStoryHarness } from './support/harness.js';
import {
  answers,
  ask,
  composer,
  DESKTOP_EN,
  DESKTOP_ZH,
  fill,
  markers,
  PHONE_EN,
  PHONE_ZH,
} from './support/reader.js';

const QUESTION = 'What is a data flywheel?';

const isFocused = (page: Page, words: typeof DESKTOP_EN.words) =>
  composer(page, words).evaluate((element) => element === document.activeElement);

/** Answers /api/health as a server still loading its index does, until `ready()` is called. */
async function warmUntilReady(page: Page): Promise<{ ready: () => void }> {
  let warming = true;
  await page.route('**/api/health', async (route) => {
    if (!warming) return route.continue();
    const body = { status: 'warming', mode: 'search', model: null, docs: 0, chunks: 0, version: '0' };
    return route.fulfill({ status: 503, json: body, headers: { 'Retry-After': '5' } });
  });
  return {
    ready: () => {
      warming = false;
    },
  };
}

describe('the app around the answers', () => {
  const harness = useStoryHarness();

  it('a visible switch changes the UI language, and the choice is remembered', async () => {
    const { page } = await harness.open(DESKTOP_EN);
    await page.getByText(DESKTOP_EN.words['mode.search']).waitFor();
    const toChinese = fill(DESKTOP_EN.words['app.switchLanguage'], { language: '中文' });
    await page.getByRole('button', { name: toChinese }).click();

    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await composer(page, DESKTOP_ZH.words).waitFor();
    await page.reload();
    await page.getByText(DESKTOP_ZH.words['mode.search']).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it.each([PHONE_EN, DESKTOP_ZH])(
    '$name: while the server warms up the header says so, then shows the mode',
    async (reader) => {
      const { words } = reader;
      let server: { ready: () => void } | undefined;
      const { page } = await harness.open(reader, {
        before: async (opening) => {
          server = await warmUntilReady(opening);
        },
      });

      await page.getByText(words['mode.warming'], { exact: true }).waitFor();
      expect(await page.getByText(words['mode.unreachable']).count()).toBe(0);
      server?.ready();
      await page.getByText(words['mode.search'], { exact: true }).waitFor({ timeout: 10_000 });
    },
  );

  it.each([DESKTOP_EN, PHONE_ZH])(
    '$name: skip link first, New chat and / and Ctrl+K bring focus to the composer',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      await composer(page, words).waitFor();
      await page.bringToFront();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      expect(focused).toBe(words['app.skipToChat']);

      await ask(page, words, QUESTION);
      await page.getByRole('button', { name: words['app.newChat'], exact: true }).click();
      await expect.poll(() => isFocused(page, words)).toBe(true);

      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('/');
      await expect.poll(() => isFocused(page, words)).toBe(true);
      expect(await composer(page, words).inputValue()).toBe('');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+K');
      await expect.poll(() => isFocused(page, words)).toBe(true);
    },
  );

  it('the composer grows with a long question', async () => {
    const { page } = await harness.open(DESKTOP_EN);
    const box = composer(page, DESKTOP_EN.words);
    const before = (await box.boundingBox())?.height ?? 0;
    await box.fill(Array.from({ length: 6 }, (_, line) => `Line ${line + 1} of a long question`).join('\n'));
    await expect.poll(async () => (await box.boundingBox())?.height ?? 0).toBeGreaterThan(before);
  });

  it('follows the system’s dark mode', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const { page } = await harness.open(DESKTOP_EN, { colorScheme });
      return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    const luminance = (rgb: string) =>
      (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, v) => sum + Number(v), 0);
    expect(luminance(await background('dark'))).toBeLessThan(luminance(await background('light')));
  });

  it.each([PHONE_EN, PHONE_ZH])(
    '$name: the header keeps its actions beside the brand, as named 40 px icons',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      await ask(page, words, QUESTION);
      const brand = await page.locator('.app-header .brand').boundingBox();
      const newChat = page.locator('.header-actions').getByRole('button', { name: words['app.newChat'] });
      const box = await newChat.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(40);
      // One row: the actions' vertical middle lies within the brand's line.
      const middle = (box?.y ?? 0) + (box?.height ?? 0) / 2;
      expect(middle).toBeGreaterThan(brand?.y ?? 0);
      expect(middle).toBeLessThan((brand?.y ?? 0) + (brand?.height ?? 0) + 12);
      await newChat.click();
      await expect.poll(() => answers(page, words).count()).toBe(0);
    },
  );

  it('on a phone, a tap outside closes the Sources sheet', async () => {
    const reader = PHONE_ZH;
    const { words } = reader;
    const { page } = await harness.open(reader);
    const answer = await ask(page, words, QUESTION);
    await markers(answer, words).first().click();
    const toggle = page.locator('.sheet-toggle');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');

    await page.mouse.click(200, 40);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
