import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isInViewport } from './support/browser.js';
import { useStoryHarness } from './support/harness.js';
import {
  answers,
  ask,
  citedSection,
  closeSheetOnPhone,
  composer,
  DESKTOP_EN,
  DESKTOP_ZH,
  EVERY_READER,
  markerNumbers,
  markers,
  openCitation,
  PHONE_ZH,
  wordsPattern,
} from './support/reader.js';

const REPORTS_DIR = fileURLToPath(new URL('../../reports/', import.meta.url));
const STARTER = '哪类 AI 产品经理需求量最高？';

describe('search mode (no LLM configured)', () => {
  const harness = useStoryHarness();

  it.each(EVERY_READER)(
    '$name: a starter question is answered, cited, and its cited line opens highlighted, in the reader’s language',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(reader.htmlLang);
      await page.getByText(words['mode.search'], { exact: true }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);

      await page.getByRole('button', { name: STARTER }).click();
      const answer = answers(page, words).first();
      await answer.getByRole('button', { name: words['answer.copy'] }).waitFor();
      await expect.poll(() => answer.textContent()).toContain('最高');
      await answer.getByText(words['badge.search'], { exact: true }).waitFor();
      // The answer's words are Chinese whatever the UI's language; its chrome is the reader's.
      const answerLang = await answer
        .locator('.answer-markdown')
        .evaluate((element) => element.closest('[lang]')?.getAttribute('lang'));
      expect(answerLang).toBe('zh-CN');

      // Calm chrome: at most four icon actions, no Regenerate that would repeat a search answer, details on request.
      const actions = answer.locator('.answer-actions button.icon-action');
      expect(await actions.count()).toBeLessThanOrEqual(4);
      expect(await answer.getByRole('button', { name: words['answer.regenerate'] }).count()).toBe(0);
      const details = answer.locator('details.answer-details');
      expect(await details.getAttribute('open')).toBeNull();
      await details.getByText(words['answer.details'], { exact: true }).click();
      await expect.poll(() => details.textContent()).toContain('$0');

      // Markers are grouped (no run of identical chips) and each is a 24 px target at least.
      const first = markers(answer, words, 1).first();
      const box = await first.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(24);
      expect(await openCitation(page, words, answer, 1)).toContain('应用');
      const strong = citedSection(page, words).locator('mark.is-strong').first();
      await strong.waitFor();
      await expect.poll(() => isInViewport(strong)).toBe(true);

      mkdirSync(REPORTS_DIR, { recursive: true });
      await page.screenshot({
        path: `${REPORTS_DIR}e2e-search-${reader.locale}-${reader.viewport.width}.png`,
      });
    },
  );

  it.each([DESKTOP_EN, PHONE_ZH])(
    '$name: a follow-up resolves to the previous answer’s subject, says how, and can be corrected in one click',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      const [first, followUp] =
        reader.locale === 'en-US'
          ? ['What does an AI platform PM care about?', 'What skills do they need?']
          : ['平台型 AI 产品经理关注什么？', '他们需要什么技能？'];
      const contexts: Array<{ sectionIds?: string[] } | undefined> = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/chat')) contexts.push(request.postDataJSON()?.context);
      });

      await ask(page, words, first);
      const answer = await ask(page, words, followUp);

      // The first question has no previous answer; the follow-up sends back what that answer cited.
      expect(contexts[0]).toEqual({ sectionIds: [] });
      expect(contexts[1]?.sectionIds?.length).toBeGreaterThan(0);
      const understood = answer.locator('.understood');
      await expect.poll(() => understood.textContent()).toContain(words['understood.answering']);
      await expect.poll(() => understood.textContent()).toContain('AI Platform PM');
      const breadcrumbs: string[] = [];
      for (const n of await markerNumbers(answer, words))
        breadcrumbs.push(await openCitation(page, words, answer, n));
      expect(
        breadcrumbs.some((crumb) => crumb.includes('AI Platform PM')),
        breadcrumbs.join('\n'),
      ).toBe(true);
      expect(await answers(page, words).first().locator('.understood').count()).toBe(0);

      await closeSheetOnPhone(page, reader);
      await understood.getByRole('button', { name: words['understood.edit'] }).click();
      await expect.poll(() => composer(page, words).inputValue()).toContain('Platform');
      expect(await composer(page, words).evaluate((element) => element === document.activeElement)).toBe(
        true,
      );
    },
  );

  it.each([DESKTOP_EN, PHONE_ZH])(
    '$name: a cited section switches between 中文 and English, marking only the cited edition',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      const answer = await ask(page, words, STARTER);
      await openCitation(page, words, answer, 1);
      const section = citedSection(page, words);
      await section.locator('mark').first().waitFor();
      const editions = section.getByRole('group', { name: words['edition.label'] });
      expect(await editions.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');

      await editions.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => section.locator('.section-text').getAttribute('lang')).toBe('en');
      // The English edition's words: Latin text, no Han characters.
      await expect
        .poll(() => section.locator('.section-text').textContent())
        .toMatch(/^[^\u4e00-\u9fff]*[A-Za-z]{4}[^\u4e00-\u9fff]*$/);
      expect(await section.locator('mark').count()).toBe(0);

      await editions.getByRole('button', { name: '中文' }).click();
      await expect.poll(() => section.locator('.section-text').getAttribute('lang')).toBe('zh-CN');
      await section.locator('mark').first().waitFor();
    },
  );

  it('keeps the conversation, citations included, across a reload', async () => {
    const reader = DESKTOP_ZH;
    const { words } = reader;
    const { page } = await harness.open(reader);
    const answer = await ask(page, words, STARTER);
    const answerText = await answer.locator('.answer-markdown').textContent();

    await page.reload();

    const question = page.getByRole('article', { name: words['turn.question'], exact: true }).first();
    await expect.poll(() => question.textContent()).toContain(STARTER);
    const restored = answers(page, words).first();
    await expect.poll(() => restored.locator('.answer-markdown').textContent()).toBe(answerText);
    expect(await openCitation(page, words, restored, 1)).toContain('应用');
    expect(
      wordsPattern(words['answer.showSources']).test(
        (await restored.locator('.sources-link').textContent()) ?? '',
      ),
    ).toBe(true);
  });
});
