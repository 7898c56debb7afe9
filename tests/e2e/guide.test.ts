import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type Messages } from '../../web/lib/messages/en.js';
import { zh } from '../../web/lib/messages/zh.js';
import { launchBrowser } from './support/browser.js';
import { writeGuideCorpus } from './support/guide-corpus.js';
import { wordsPattern } from './support/reader.js';
import { type RunningApp, startApp } from './support/start-app.js';

type Words = Messages;

const CONFIGURATIONS = [
  {
    name: 'desktop, English',
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    words: en,
    lang: 'en',
  },
  {
    name: 'desktop, Chinese',
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    words: zh,
    lang: 'zh',
  },
  {
    name: 'phone, English',
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
    words: en,
    lang: 'en',
  },
  {
    name: 'phone, Chinese',
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    words: zh,
    lang: 'zh',
  },
] as const;

/** The fixture guide's words in each language: a sub-heading to filter for and its sibling to compare. */
const FIXTURE = {
  en: {
    filter: 'rise',
    entry: 'Rise Time',
    brioche: 'Brioche',
    doc: 'breads.en',
    rows: ['Flour', 'Rise Time', 'Crust', 'Best For'],
  },
  zh: {
    filter: '发酵',
    entry: '发酵时间',
    brioche: '布里欧修',
    doc: 'breads.zh',
    rows: ['面粉', '发酵时间', '外皮', '适合'],
  },
} as const;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);

let app: RunningApp | undefined;
let browser: Browser | undefined;
let corpus: ReturnType<typeof writeGuideCorpus> | undefined;

beforeAll(async () => {
  corpus = writeGuideCorpus();
  [app, browser] = await Promise.all([
    startApp({
      // Four configurations × six questions from one loopback client: more than a reader asks in a minute.
      env: { CORPUS_DIR: corpus.dir, RATE_LIMIT_CHAT: '200', RATE_LIMIT_SHARES: '200' },
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  corpus?.remove();
});

async function openPage(
  configuration: (typeof CONFIGURATIONS)[number],
  path = '/',
): Promise<{ page: Page; context: BrowserContext }> {
  if (!browser || !app) throw new Error('the app or the browser did not start');
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    viewport: configuration.viewport,
    locale: configuration.locale,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(path);
  return { page, context };
}

/** Opens the guide from the empty chat and reads the sub-section the filter finds under the second sibling. */
async function readFilteredSection(page: Page, words: Words, lang: 'en' | 'zh') {
  await page.locator('.browse-guide').getByRole('button', { name: words['guide.browse'] }).click();
  const contents = page.getByRole('navigation', { name: words['guide.contents'] });
  await contents.getByRole('searchbox').fill(FIXTURE[lang].filter);
  await expect
    .poll(() => contents.getByRole('button', { name: FIXTURE[lang].entry, exact: true }).count())
    .toBe(3);
  await contents.getByRole('button', { name: FIXTURE[lang].entry, exact: true }).nth(1).click();
  return page.locator('.guide-reader');
}

describe.each(CONFIGURATIONS)('the guide beside the chat ($name)', (configuration) => {
  const { words, lang } = configuration;

  it('browses the contents, filters headings as you type, reads with previous/next, and Back returns', async () => {
    const { page, context } = await openPage(configuration);
    const reader = await readFilteredSection(page, words, lang);
    await expect.poll(() => reader.locator('.guide-text').getAttribute('lang')).toBe(lang);
    await expect.poll(() => reader.textContent()).toContain(FIXTURE[lang].entry);
    const firstUrl = page.url();
    expect(new URL(firstUrl).searchParams.get('s')).toMatch(new RegExp(`^${FIXTURE[lang].doc}#`));
    await reader
      .getByRole('button', {
        name: new RegExp(`^${fill(words['guide.next'], { heading: '' }).trim().replace('→', '').trim()}`),
      })
      .click();
    await expect.poll(() => page.url()).not.toBe(firstUrl);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(firstUrl);
    await expect.poll(() => page.locator('.guide-reader').textContent()).toContain(FIXTURE[lang].entry);
    await context.close();
  });

  it('reads the section in the other edition and back, from the switch beside it', async () => {
    const { page, context } = await openPage(configuration);
    const reader = await readFilteredSection(page, words, lang);
    const other = lang === 'en' ? 'zh' : 'en';
    const editions = reader.getByRole('group', { name: words['edition.label'] });
    await editions.getByRole('button', { name: other === 'en' ? 'English' : '中文' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('s'))
      .toMatch(new RegExp(`^${FIXTURE[other].doc}#`));
    await expect.poll(() => page.locator('.guide-reader').textContent()).toContain(FIXTURE[other].entry);
    await expect.poll(() => page.locator('.guide-text').getAttribute('lang')).toBe(other);
    await page.goBack();
    await expect.poll(() => page.locator('.guide-reader').textContent()).toContain(FIXTURE[lang].entry);
    await context.close();
  });

  it('asks about the section being read: the composer is prefilled and the request carries its id', async () => {
    const { page, context } = await openPage(configuration);
    const reader = await readFilteredSection(page, words, lang);
    const sectionId = new URL(page.url()).searchParams.get('s');
    await reader.getByRole('button', { name: words['guide.askSection'] }).click();
    const composer = page.getByRole('textbox');
    await expect.poll(() => composer.inputValue()).toContain(FIXTURE[lang].entry);
    await expect.poll(() => page.locator('.guide-scope').textContent()).toContain(FIXTURE[lang].entry);
    const request = page.waitForRequest((candidate) => candidate.url().endsWith('/api/chat'));
    await composer.press('Enter');
    expect((await request).postDataJSON()).toMatchObject({ sectionId });
    const answer = page.getByRole('article', { name: words['turn.answer'], exact: true }).first();
    await answer
      .getByRole('button', { name: wordsPattern(words['marker.label']) })
      .first()
      .waitFor();

    // Follow-ups in the reader's language, drawn from the sections around the cited one.
    const suggested = page.getByRole('region', { name: words['followUps.title'] });
    await suggested.waitFor();
    const followUps = await suggested.getByRole('button').allTextContents();
    expect(followUps.length).toBeGreaterThanOrEqual(2);
    expect(followUps.length).toBeLessThanOrEqual(3);
    const prefix = fill(words['followUps.about'], { topic: '' }).slice(0, 4);
    for (const question of followUps) expect(question.startsWith(prefix)).toBe(true);

    // The address names the conversation and the tab is titled with its first question.
    await expect.poll(() => new URL(page.url()).searchParams.get('c')).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => page.title()).toContain(FIXTURE[lang].entry);
    await context.close();
  });

  it('compares the siblings in a table whose cells open their sections, and asks which fits', async () => {
    const { page, context } = await openPage(configuration);
    await page.locator('.browse-guide').getByRole('button', { name: words['guide.browse'] }).click();
    await page.getByRole('button', { name: words['guide.compare'] }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('rowheader').allTextContents()).toEqual([...FIXTURE[lang].rows]);
    await expect.poll(() => table.getByRole('columnheader').count()).toBe(3);
    await table
      .getByRole('button', {
        name: fill(words['compare.open'], { column: FIXTURE[lang].brioche, row: FIXTURE[lang].rows[1] }),
      })
      .click();
    await expect.poll(() => page.locator('.guide-reader').textContent()).toContain(FIXTURE[lang].rows[1]);
    await page.goBack();
    const which = page.locator('.compare-questions').getByRole('button').first();
    const question = (await which.textContent()) ?? '';
    await which.click();
    await page.getByRole('article', { name: words['turn.answer'], exact: true }).first().waitFor();
    await expect.poll(() => page.locator('.turn.question').first().textContent()).toContain(question);
    await context.close();
  });

  it('shares a conversation: the link opens in a fresh browser with working citations, and can be deleted', async () => {
    const { page, context } = await openPage(configuration);
    await page
      .getByRole('textbox')
      .fill(lang === 'en' ? 'How long does brioche rise?' : '布里欧修发酵多久？');
    await page.getByRole('textbox').press('Enter');
    await page
      .getByRole('article', { name: words['turn.answer'], exact: true })
      .first()
      .getByRole('button', { name: words['answer.helpful'], exact: true })
      .waitFor();
    // Shared as saved: once the answer has settled.
    await page.getByRole('button', { name: words['share.action'], exact: true }).click();
    const link = await page.locator('.share-link').inputValue();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);

    const fresh = await openPage(configuration, new URL(link).pathname);
    const shared = fresh.page.getByRole('article', { name: words['turn.answer'], exact: true }).first();
    await shared
      .getByRole('button', { name: wordsPattern(words['marker.label'], { n: 1 }) })
      .first()
      .click();
    await fresh.page.locator('.shared-citation').waitFor();
    await fresh.context.close();

    await page.getByRole('button', { name: words['share.delete'] }).click();
    await page.getByText(words['share.deleted']).waitFor();
    const gone = await openPage(configuration, new URL(link).pathname);
    await gone.page.getByText(words['share.notFound']).waitFor();
    await gone.context.close();
    await context.close();
  });

  it('shows the owner the 👎 rate and not-covered questions over time, filtered by date', async () => {
    const { page, context } = await openPage(configuration);
    await page
      .getByRole('textbox')
      .fill(lang === 'en' ? 'How do I repair a bicycle chain?' : '自行车链条怎么修？');
    await page.getByRole('textbox').press('Enter');
    await page
      .getByRole('article', { name: words['turn.answer'], exact: true })
      .first()
      .getByRole('button', { name: words['answer.helpful'], exact: true })
      .waitFor();
    await page.goto('/insights');
    const charts = page.getByRole('region', { name: words['insights.charts'] });
    await charts.getByRole('img', { name: new RegExp(`^${words['insights.notCoveredChart']}`) }).waitFor();
    expect(await charts.locator('rect').count()).toBeGreaterThan(0);
    await page.getByLabel(words['insights.from']).fill('2099-01-01');
    await page.getByRole('button', { name: words['insights.apply'] }).click();
    await page.getByText(words['insights.noDays']).waitFor();
    await context.close();
  });

  it('moves between conversations with Back and Forward, and a reload reopens the one in the address', async () => {
    const { page, context } = await openPage(configuration);
    const questions =
      lang === 'en'
        ? ['How long does brioche rise?', 'What flour does a baguette use?']
        : ['布里欧修发酵多久？', '法棍用什么面粉？'];
    const askAndWait = async (question: string) => {
      await page.getByRole('textbox').fill(question);
      await page.getByRole('textbox').press('Enter');
      await expect.poll(() => page.title()).toContain(question);
    };
    await askAndWait(questions[0] ?? '');
    const first = page.url();
    await page.getByRole('button', { name: words['app.newChat'] }).click();
    await askAndWait(questions[1] ?? '');
    expect(page.url()).not.toBe(first);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(first);
    await expect.poll(() => page.locator('.turn.question').first().textContent()).toContain(questions[0]);
    await page.goForward();
    await expect.poll(() => page.locator('.turn.question').first().textContent()).toContain(questions[1]);
    await page.goto(first);
    await expect.poll(() => page.locator('.turn.question').first().textContent()).toContain(questions[0]);
    await expect.poll(() => page.title()).toContain(questions[0]);
    await context.close();
  });
});
