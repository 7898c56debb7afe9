import type { Locator, Page } from 'playwright-core';
import { en, type Messages } from '../../../web/lib/messages/en.js';
import { zh } from '../../../web/lib/messages/zh.js';

/** How a reader meets the app: a screen size and a browser language; the UI answers in that language. */
export interface ReaderSetup {
  name: string;
  viewport: { width: number; height: number };
  /** The browser's language, as Chromium reports it in navigator.languages. */
  locale: 'en-US' | 'zh-CN';
  /** The UI's words in that language: stories find buttons by what a reader of it sees. */
  words: Messages;
  /** The `<html lang>` the UI sets. */
  htmlLang: 'en-US' | 'zh-CN';
}

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

export const DESKTOP_EN: ReaderSetup = {
  name: 'desktop, English',
  viewport: DESKTOP,
  locale: 'en-US',
  words: en,
  htmlLang: 'en-US',
};
export const DESKTOP_ZH: ReaderSetup = {
  name: 'desktop, Chinese',
  viewport: DESKTOP,
  locale: 'zh-CN',
  words: zh,
  htmlLang: 'zh-CN',
};
export const PHONE_EN: ReaderSetup = { ...DESKTOP_EN, name: 'phone, English', viewport: PHONE };
export const PHONE_ZH: ReaderSetup = { ...DESKTOP_ZH, name: 'phone, Chinese', viewport: PHONE };
export const EVERY_READER = [DESKTOP_EN, DESKTOP_ZH, PHONE_EN, PHONE_ZH] as const;

export const isPhone = (reader: ReaderSetup) => reader.viewport.width < 760;

/** Fills `{name}` slots as the UI does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a message whose `{name}` slots may hold anything (`fixed` fills some of them). */
export function wordsPattern(template: string, fixed: Record<string, string | number> = {}): RegExp {
  const parts = template.split(/(\{\w+\})/).map((part) => {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    if (slot === undefined) return escapeRegExp(part);
    return slot in fixed ? escapeRegExp(String(fixed[slot])) : '.*';
  });
  return new RegExp(`^${parts.join('')}$`, 's');
}

export function answers(page: Page, words: Messages): Locator {
  return page.getByRole('article', { name: words['turn.answer'], exact: true });
}

/** An answer's [n] markers, named "Source n: <its heading>" in the reader's language (scope to one answer). */
export function markers(scope: Locator, words: Messages, n?: number): Locator {
  const name = wordsPattern(words['marker.label'], n === undefined ? {} : { n });
  return scope.getByRole('button', { name });
}

/** The distinct citation numbers an answer's markers show, in order. */
export async function markerNumbers(answer: Locator, words: Messages): Promise<number[]> {
  const numbers = await markers(answer, words).evaluateAll((buttons) =>
    buttons.map((button) => Number(button.getAttribute('data-marker'))),
  );
  return [...new Set(numbers)];
}

export function citedSection(page: Page, words: Messages): Locator {
  return page.getByRole('region', { name: words['section.label'], exact: true });
}

export function composer(page: Page, words: Messages): Locator {
  return page.getByRole('textbox', { name: words['composer.label'] });
}

/** Types a question, sends it and waits until the new answer has finished streaming; returns that answer. */
export async function ask(page: Page, words: Messages, question: string): Promise<Locator> {
  const before = await answers(page, words).count();
  await composer(page, words).fill(question);
  await page.getByRole('button', { name: words['composer.send'], exact: true }).click();
  const answer = answers(page, words).nth(before);
  await answer.waitFor({ state: 'visible' });
  await page.getByRole('button', { name: words['composer.stop'], exact: true }).waitFor({ state: 'hidden' });
  await answer.getByRole('button', { name: words['answer.copy'] }).waitFor();
  return answer;
}

/** Clicks marker [n] and returns the open section's breadcrumb once the panel shows that source. */
export async function openCitation(page: Page, words: Messages, answer: Locator, n: number): Promise<string> {
  await markers(answer, words, n).first().click();
  const section = citedSection(page, words);
  await section
    .getByText(wordsPattern(words['section.sourceHighlighted'], { n }))
    .or(section.getByText(fill(words['section.source'], { n }), { exact: true }))
    .waitFor();
  return (await section.getByRole('navigation', { name: words['section.breadcrumb'] }).textContent()) ?? '';
}

/** On a phone the Sources sheet covers the chat: the reader closes it to go on. */
export async function closeSheetOnPhone(page: Page, reader: ReaderSetup): Promise<void> {
  if (!isPhone(reader)) return;
  await page.getByRole('button', { name: reader.words['sources.close'], exact: true }).click();
}
