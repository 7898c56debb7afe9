import { describe, expect, it } from 'vitest';
import { buildExtractiveAnswer } from '../../../server/answer/extractive-answer.js';
import { brewingRetriever } from './fixtures/brewing-guide.js';

async function answer(question: string) {
  const retriever = await brewingRetriever();
  const search = await retriever.search(question, { limit: 5 });
  return buildExtractiveAnswer({
    question,
    results: search.results,
    answerable: search.answerable,
    section: (id) => retriever.section(id),
  });
}

/** The answer's first line after the "from the corpus" lead-in. */
function leadOf(text: string): string {
  return text.split('\n')[2] ?? '';
}

describe('a search-mode answer states the answer first', () => {
  it('a "which is most…" question leads with the heading that answers it, in bold, and its cited bullet', async () => {
    const result = await answer('哪种冲煮方式上手最容易？');

    expect(leadOf(result.text)).toBe('**法压壶（French Press）** — 上手难度：最容易 [1]');
    expect(result.citations[0]?.headings.at(-1)).toBe('上手难度');
  });

  it('works the same in English, and cites the section the lead quotes', async () => {
    const result = await answer('Which hive is cheapest?');

    expect(leadOf(result.text)).toBe('**Langstroth Hive** — The cheapest to buy second-hand [1]');
    expect(result.citations[0]?.citedBy).toContain('The cheapest to buy second-hand');
  });

  it('bullets of a sub-section carry the sub-heading as their subject', async () => {
    const result = await answer('哪种冲煮方式上手最容易？');

    expect(result.text).toContain('- 上手难度：几乎不会失败 [1]');
  });

  it('"X 是什么" leads with the sentence that defines X, even when it is not the section\'s first', async () => {
    const result = await answer('萃取率是什么？');

    expect(leadOf(result.text)).toBe('萃取率是指从咖啡粉中溶解到水里的物质占咖啡粉重量的比例。 [1]');
  });

  it('"what is a X" quotes only the defining sentence of a longer paragraph', async () => {
    const result = await answer('What is a nuc?');

    expect(leadOf(result.text)).toBe(
      'A nuc is a small starter colony with a laying queen on five frames. [1]',
    );
  });

  it('a question two sibling sections both answer gets each of them, each under its own subject', async () => {
    const result = await answer('没有磨豆机适合哪种方式？');

    expect(result.text).toContain('- **法压壶（French Press）** — 适合人群：没有磨豆机的人也能用预磨粉 [1]');
    expect(result.text).toContain('- **手冲（Pour Over）** — 适合人群：没有磨豆机的人也能用预磨粉 [2]');
    expect(result.citations.map((citation) => citation.headings.at(-2))).toEqual([
      '1. 法压壶（French Press）',
      '2. 手冲（Pour Over）',
    ]);
  });

  it('a question with one clear best section does not pull in its weaker siblings', async () => {
    const result = await answer('哪种冲煮方式上手最容易？');

    expect(result.citations).toHaveLength(1);
    expect(result.text).not.toContain('最难');
  });

  it('every [n] of the lead points at a citation', async () => {
    for (const question of ['哪种冲煮方式上手最容易？', '萃取率是什么？', '没有磨豆机适合哪种方式？']) {
      const result = await answer(question);
      const markers = [...result.text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
      for (const n of markers) expect(n).toBeLessThanOrEqual(result.citations.length);
    }
  });

  it('a question answered by a few short bullets states them all in one cited line, not only the first', async () => {
    const result = await answer('意式浓缩需要准备哪些器具？');

    expect(leadOf(result.text)).toBe(
      '**意式浓缩（Espresso） › 所需器具** — 意式咖啡机；专业磨豆机；压粉锤 [1]',
    );
    // The lead said them: they are not repeated as bullets below it.
    expect(result.text.match(/压粉锤/gu)).toHaveLength(1);
    expect(result.citations[0]?.citedBy).toHaveLength(3);
  });

  it('a lone bullet is no list: it stays a bullet under its section', async () => {
    const result = await answer('How do I keep a top-bar hive?');

    expect(result.text).toContain('- Easy to build from scrap wood [1]');
    expect(result.text).not.toContain('; ');
  });

  it('a "how" question leads with the sentence that matches it, not with the section\'s opening', () => {
    const text = [
      '## Feeding a Starter',
      '',
      '* A starter is a living culture of flour and water.',
      '* A sluggish starter has usually been kept somewhere too cold.',
      '* To revive a sluggish starter, discard half and feed it twice a day with rye flour.',
      '* A healthy one doubles within six hours of a feed and smells pleasantly sour.',
    ].join('\n');
    const result = buildExtractiveAnswer({
      question: 'How do I revive a sluggish starter?',
      results: [
        {
          id: 'bread#feeding',
          docId: 'bread',
          docTitle: 'Home Bread',
          headings: ['Home Bread', 'Feeding a Starter'],
          anchor: 'feeding',
          text,
          score: 3,
        },
      ],
      answerable: true,
    });

    expect(leadOf(result.text)).toBe(
      'To revive a sluggish starter, discard half and feed it twice a day with rye flour. [1]',
    );
    // The lead said it; the bullet that gives the context follows under the section.
    expect(result.text.match(/rye flour/gu)).toHaveLength(1);
    expect(result.text).toContain('- A sluggish starter has usually been kept somewhere too cold. [1]');
  });
});
