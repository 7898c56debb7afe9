import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStoryHarness } from './support/harness.js';
import { ask, DESKTOP_EN, PHONE_EN, PHONE_ZH } from './support/reader.js';

const QUESTION = 'What is a data flywheel?';

const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Whether focus is somewhere inside the element (the element itself included). */
const holdsFocus = (locator: Locator) =>
  locator.evaluate((element) => element.contains(document.activeElement));

/**
 * Tabs through more stops than the dialog has: focus never reaches the page behind it. Past the dialog's last
 * stop the browser's own toolbar may take focus (the document's body is then active) before Tab wraps back in.
 */
async function tabStaysInside(page: Page, dialog: Locator, presses = 12): Promise<boolean> {
  let visitedDialog = false;
  for (let press = 0; press < presses; press += 1) {
    await page.keyboard.press('Tab');
    const where = await dialog.evaluate((element) => {
      if (element.contains(document.activeElement)) return 'dialog';
      return document.activeElement === document.body ? 'browser' : 'page behind';
    });
    if (where === 'page behind') return false;
    if (where === 'dialog') visitedDialog = true;
  }
  return visitedDialog;
}

describe('sheets, drawers and dialogs over the chat', () => {
  const harness = useStoryHarness();

  it.each([PHONE_EN, PHONE_ZH])(
    '$name: the Sources sheet keeps Tab inside, and Escape closes it, handing focus back to its button',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      await ask(page, words, QUESTION);
      const toggle = page.getByRole('button', { name: words['sources.toggle'], exact: true });
      await toggle.click();
      const sheet = page.getByRole('dialog', { name: words['sources.title'] });
      await sheet.waitFor();
      await expect.poll(() => holdsFocus(sheet)).toBe(true);

      expect(await tabStaysInside(page, sheet)).toBe(true);
      await page.keyboard.press('Escape');

      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      await sheet.waitFor({ state: 'hidden' });
      await expect.poll(() => hasFocus(toggle)).toBe(true);
    },
  );

  it('on a phone, the History drawer closes on Escape and on a tap outside, focus back on History', async () => {
    const { words } = PHONE_EN;
    const { page } = await harness.open(PHONE_EN);
    await ask(page, words, QUESTION);
    const history = page.getByRole('button', { name: words['app.history'], exact: true });
    const drawer = page.getByRole('dialog', { name: words['conversations.title'] });

    await history.click();
    await drawer.waitFor();
    expect(await tabStaysInside(page, drawer, 6)).toBe(true);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => hasFocus(history)).toBe(true);
    expect(await history.getAttribute('aria-expanded')).toBe('false');

    await history.click();
    await drawer.waitFor();
    // Right of the drawer, which is at most 85% of the screen wide.
    await page.mouse.click(370, 400);
    await drawer.waitFor({ state: 'hidden' });
    expect(await history.getAttribute('aria-expanded')).toBe('false');
  });

  it('the Share dialog closes on Escape and on a click outside, focus back on Share', async () => {
    const { words } = DESKTOP_EN;
    const { page } = await harness.open(DESKTOP_EN);
    await ask(page, words, QUESTION);
    const share = page.getByRole('button', { name: words['share.action'], exact: true });
    const dialog = page.getByRole('dialog', { name: words['share.action'] });

    await share.click();
    await dialog.locator('.share-link').waitFor();
    await expect.poll(() => holdsFocus(dialog)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => hasFocus(share)).toBe(true);

    await share.click();
    await dialog.locator('.share-link').waitFor();
    await page.mouse.click(20, 450);
    await dialog.waitFor({ state: 'hidden' });
  });
});
