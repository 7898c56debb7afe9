import { describe, expect, it } from 'vitest';
import { useStoryHarness } from './support/harness.js';
import {
  answers,
  ask,
  citedSection,
  DESKTOP_EN,
  DESKTOP_ZH,
  markers,
  PHONE_EN,
  PHONE_ZH,
} from './support/reader.js';

/** How often `needle` occurs in `text`. */
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('a question the guide does not cover', () => {
  const harness = useStoryHarness();

  it.each([DESKTOP_EN, DESKTOP_ZH, PHONE_EN])(
    '$name: says so once, says what the guide covers, and offers questions it can answer',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      const answer = await ask(page, words, 'How do I bake sourdough bread?');

      // The scope comes from the guide's outline, which the answer fetches when nothing in the corpus is near.
      const scope = words['notCovered.scope'].split('{topics}')[0]?.trim() ?? '';
      await expect.poll(async () => (await answer.textContent()) ?? '').toContain(scope);
      const text = (await answer.textContent()) ?? '';
      expect(occurrences(text, words['notCovered.message'])).toBe(1);
      // Nothing in the guide is near a baking question: said in one line, instead of a silent gap.
      expect(occurrences(text, words['notCovered.none'])).toBe(1);
      expect(await markers(answer, words).count()).toBe(0);

      // A way forward: two or three questions drawn from the guide, each answered with citations.
      const suggestions = answer.locator('.suggestions').getByRole('button');
      const count = await suggestions.count();
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(3);
      await suggestions.first().click();
      const next = answers(page, words).nth(1);
      await next.getByRole('button', { name: words['answer.copy'] }).waitFor();
      await expect.poll(() => markers(next, words).count()).toBeGreaterThan(0);
    },
  );

  it.each([DESKTOP_ZH, PHONE_ZH])(
    '$name: lists the nearest sections as related links that open without highlights',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      const answer = await ask(page, words, 'What is the salary of an AI PM in Berlin?');

      expect(await markers(answer, words).count()).toBe(0);
      const related = answer.getByRole('navigation', { name: words['notCovered.related'] });
      const links = related.getByRole('link');
      await expect.poll(() => links.count()).toBeGreaterThan(0);

      // Offered for reading, not as evidence: the section opens with nothing marked.
      await links.first().click();
      const section = citedSection(page, words);
      await section.getByRole('navigation', { name: words['section.breadcrumb'] }).waitFor();
      expect(await section.locator('mark').count()).toBe(0);
    },
  );
});
