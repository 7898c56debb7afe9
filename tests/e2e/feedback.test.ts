import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStoryHarness } from './support/harness.js';
import { ask, DESKTOP_EN, DESKTOP_ZH, markers } from './support/reader.js';

const QUESTION = '哪类 AI 产品经理需求量最高？';

/** Every POST the page sends to a path, as the server receives it. */
function posts(page: Page, path: string): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === path) {
      bodies.push(request.postDataJSON() as Record<string, unknown>);
    }
  });
  return bodies;
}

describe('feedback that counts answers', () => {
  const harness = useStoryHarness();

  it.each([DESKTOP_EN, DESKTOP_ZH])(
    '$name: a rating can be changed, and flagging a source is no second 👎',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      const ratings = posts(page, '/api/feedback');
      const flags = posts(page, '/api/feedback/flags');
      const answer = await ask(page, words, QUESTION);

      await answer.getByRole('button', { name: words['answer.helpful'], exact: true }).click();
      await answer.getByText(words['feedback.sent']).waitFor();
      await answer.getByRole('button', { name: words['answer.notHelpful'], exact: true }).click();
      const form = answer.getByRole('form', { name: words['feedback.formLabel'] });
      await form.getByLabel(words['reason.missing']).check();
      await form.getByRole('button', { name: words['feedback.send'] }).click();
      await expect.poll(() => ratings.length).toBe(2);
      expect(ratings.map((rating) => rating.rating)).toEqual(['up', 'down']);
      // The same answer, rated again: one id, so the server updates its row rather than adding one.
      expect(ratings[1]?.id).toBe(ratings[0]?.id);
      expect(
        await answer.getByRole('button', { name: words['answer.notHelpful'] }).getAttribute('aria-pressed'),
      ).toBe('true');

      const sources = page.getByRole('complementary', { name: words['sources.title'] });
      await sources.getByRole('button', { name: words['card.flag'] }).first().click();
      await sources.getByText(words['card.flagged']).first().waitFor();
      expect(flags).toHaveLength(1);
      expect(ratings).toHaveLength(2);
    },
  );

  it('Copy gives the answer as clean text with its numbered sources', async () => {
    const reader = DESKTOP_EN;
    const { words } = reader;
    const { page } = await harness.open(reader);
    const answer = await ask(page, words, QUESTION);
    expect(await markers(answer, words).count()).toBeGreaterThan(0);

    await answer.getByRole('button', { name: words['answer.copy'] }).click();
    await answer.getByText(words['answer.copied']).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('最高');
    expect(copied).not.toMatch(/\*\*|\]\(/);
    expect(copied).toMatch(new RegExp(`\\n${words['answer.copySources']}\\n\\[1\\] `));
  });
});
