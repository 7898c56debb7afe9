import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStoryHarness } from './support/harness.js';
import {
  ask,
  citedSection,
  DESKTOP_EN,
  fill,
  openCitation,
  PHONE_ZH,
  type ReaderSetup,
  wordsPattern,
} from './support/reader.js';

const STARTER = '哪类 AI 产品经理需求量最高？';

const addressSection = (page: Page) => new URL(page.url()).searchParams.get('s');
const addressGuide = (page: Page) => new URL(page.url()).searchParams.get('guide');

/** The panel shows citation n's section, its lines highlighted. */
async function showsSource(page: Page, reader: ReaderSetup, n: number): Promise<void> {
  const section = citedSection(page, reader.words);
  await section
    .getByText(wordsPattern(reader.words['section.sourceHighlighted'], { n }))
    .or(section.getByText(fill(reader.words['section.source'], { n }), { exact: true }))
    .waitFor();
}

describe('a section opened beside the chat is in the address', () => {
  const harness = useStoryHarness();

  it.each([DESKTOP_EN, PHONE_ZH])(
    '$name: opening a citation adds it to the address, Back closes it, Forward and a reload reopen it',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      const answer = await ask(page, words, STARTER);
      expect(addressSection(page)).toBeNull();

      await openCitation(page, words, answer, 1);
      await expect.poll(() => addressSection(page)).not.toBeNull();
      const opened = addressSection(page);
      expect(new URL(page.url()).searchParams.get('c')).not.toBeNull();
      expect(addressGuide(page)).toBeNull();

      await page.goBack();
      await citedSection(page, words).waitFor({ state: 'detached' });
      expect(addressSection(page)).toBeNull();

      await page.goForward();
      await showsSource(page, reader, 1);
      expect(addressSection(page)).toBe(opened);

      // A reload (or the link, copied) opens the same section, as the citation it is in this conversation.
      await page.reload();
      await showsSource(page, reader, 1);
      expect(addressSection(page)).toBe(opened);
    },
  );

  it('reading the section in the guide and closing the guide leaves it open beside the chat, in its conversation', async () => {
    const reader = DESKTOP_EN;
    const { words } = reader;
    const { page } = await harness.open(reader);
    const answer = await ask(page, words, STARTER);
    await openCitation(page, words, answer, 1);
    await expect.poll(() => addressSection(page)).not.toBeNull();
    const opened = addressSection(page);

    await citedSection(page, words).getByRole('button', { name: words['guide.browse'], exact: true }).click();
    await expect.poll(() => addressGuide(page)).toBe('contents');
    await page.getByRole('button', { name: words['guide.backToChat'], exact: true }).click();

    await expect.poll(() => addressGuide(page)).toBeNull();
    await showsSource(page, reader, 1);
    expect(addressSection(page)).toBe(opened);

    // A new chat leaves the section with its conversation; Back returns to both.
    const conversation = new URL(page.url()).searchParams.get('c');
    await page.getByRole('button', { name: words['app.newChat'], exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('c')).not.toBe(conversation);
    expect(addressSection(page)).toBeNull();
    expect(await citedSection(page, words).count()).toBe(0);
    await page.goBack();
    await showsSource(page, reader, 1);
    expect(addressSection(page)).toBe(opened);
  });
});
