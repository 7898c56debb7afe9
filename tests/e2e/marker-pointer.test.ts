import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStoryHarness } from './support/harness.js';
import { ask, citedSection, DESKTOP_EN, DESKTOP_ZH, fill, markers, wordsPattern } from './support/reader.js';

/** A starter whose answer's cited lines are long enough to wrap in a desktop column. */
const STARTER = '非科班背景适合做哪类 AI 产品经理？';
/** Desktop widths, above the breakpoint where the conversations fold into a drawer. */
const WIDTHS = Array.from({ length: 56 }, (_, step) => 1440 - step * 6);

interface LineStart {
  width: number;
  /** The marker's position among the answer's markers. */
  index: number;
}

/**
 * Where a marker sits at the start of a wrapped line, glued to at most one character before it: the place a
 * preview that changes the line's breaking moves the marker. Found by narrowing the window step by step.
 */
async function markersAtLineStart(page: Page, answer: Locator): Promise<LineStart[]> {
  const found: LineStart[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const indexes = await answer.locator('.answer-markdown .citation-marker').evaluateAll((buttons) =>
      buttons.flatMap((button, index) => {
        const block = button.closest('li, p, td');
        if (!block) return [];
        const left = button.getBoundingClientRect().left - block.getBoundingClientRect().left;
        const wrapped = button.getBoundingClientRect().top > block.getBoundingClientRect().top + 8;
        return wrapped && left < 40 ? [index] : [];
      }),
    );
    found.push(...indexes.map((index) => ({ width, index })));
    if (found.length >= 3) break;
  }
  return found;
}

type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;

/** The marker's box once the transcript has stopped moving (after a resize it springs back to the end). */
async function settledBox(page: Page, marker: Locator): Promise<Box> {
  let last = await marker.boundingBox();
  for (let tries = 0; tries < 40; tries += 1) {
    await page.waitForTimeout(100);
    const next = await marker.boundingBox();
    if (last && next && JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error('the marker never came to rest');
}

describe('citation markers under the mouse', () => {
  const harness = useStoryHarness();

  it.each([DESKTOP_EN, DESKTOP_ZH])(
    '$name: a marker starting a wrapped line stays put under its preview and a click opens its passage',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      const answer = await ask(page, words, STARTER);
      await markers(answer, words).first().waitFor();

      const places = await markersAtLineStart(page, answer);
      expect(places.length).toBeGreaterThan(0);
      for (const { width, index } of places) {
        await page.setViewportSize({ width, height: 900 });
        const marker = answer.locator('.answer-markdown .citation-marker').nth(index);
        await marker.evaluate((button) => button.scrollIntoView({ block: 'center' }));
        const before = await settledBox(page, marker);
        const centre = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
        const onTop = await marker.evaluate(
          (button, { x, y }) => button.contains(document.elementFromPoint(x, y)),
          centre,
        );
        expect(onTop, 'nothing covers the marker').toBe(true);
        await page.mouse.move(centre.x, centre.y);
        // Sampled for a while, so a flicker shows: the preview must not move the marker from under the pointer.
        for (let sample = 0; sample < 6; sample += 1) {
          await page.waitForTimeout(60);
          expect(await marker.boundingBox(), 'the marker stays put').toEqual(before);
        }
        const preview = page.locator(`[id="${await marker.getAttribute('aria-describedby')}"]`);
        expect(await preview.isVisible(), 'its preview stays up under the pointer').toBe(true);

        await page.mouse.click(centre.x, centre.y);
        const n = Number(await marker.getAttribute('data-marker'));
        const section = citedSection(page, words);
        await section
          .getByText(wordsPattern(words['section.sourceHighlighted'], { n }))
          .or(section.getByText(fill(words['section.source'], { n }), { exact: true }))
          .waitFor();
        await page.mouse.move(0, 0);
      }
    },
  );
});
