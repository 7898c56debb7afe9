import { describe, expect, it } from 'vitest';
import type { Citation, CitationsData } from '../../../server/contract.js';
import { createCitedMarkdown, plainAnswerText } from '../../../server/http/cited-markdown.js';
import { sectionUrl } from '../../../server/http/deep-link.js';
import { toChatMessages } from '../../../server/http/openai-messages.js';

const BASE = 'https://guide.example';

function citation(n: number, id: string, heading: string): Citation {
  return {
    n,
    id,
    docId: 'garden',
    docTitle: 'Garden notes',
    headings: ['Garden notes', heading],
    anchor: id,
    text: `## ${heading}\n\nSome text.`,
    score: 1,
    highlights: [],
    citedBy: [],
  };
}

const SOIL = citation(1, 'garden#soil', 'Soil');
const WATER = citation(2, 'garden#water & light', 'Water [and] light');
const final = (citations: Citation[], extra: Partial<CitationsData> = {}): CitationsData => ({
  citations,
  notCovered: false,
  nearest: [],
  ...extra,
});

describe('sectionUrl', () => {
  it('opens the section in the web UI, the id encoded whole', () => {
    expect(sectionUrl(`${BASE}/`, 'garden#water & light')).toBe(
      `${BASE}/?section=garden%23water%20%26%20light`,
    );
  });
});

describe('an answer rewritten as cited Markdown', () => {
  it('links every marker, even one split across deltas, and annotates exactly the link', () => {
    const markdown = createCitedMarkdown({ base: BASE, language: 'en' });
    const citations = [SOIL, WATER];
    const sent = [
      markdown.push('Loosen the soil [', citations),
      markdown.push('1] and water deeply [1, 2].', citations),
      markdown.finish(final(citations)),
    ].join('');

    expect(sent).toBe(markdown.content);
    expect(sent).toContain(`Loosen the soil [[1]](${sectionUrl(BASE, SOIL.id)})`);
    expect(sent).toContain(`[[1]](${sectionUrl(BASE, SOIL.id)})[[2]](${sectionUrl(BASE, WATER.id)}).`);
    expect(markdown.annotations).toHaveLength(3);
    for (const { url_citation: link } of markdown.annotations) {
      expect(sent.slice(link.start_index, link.end_index)).toBe(
        `[[${link.url === sectionUrl(BASE, SOIL.id) ? 1 : 2}]](${link.url})`,
      );
    }
    expect(markdown.annotations[2]?.url_citation.title).toBe('Water [and] light');
  });

  it('ends with a Sources list of the cited sections only, in the answer language', () => {
    const markdown = createCitedMarkdown({ base: BASE, language: 'zh' });
    markdown.push('只需松土 [2]。', [SOIL, WATER]);
    const tail = markdown.finish(final([SOIL, WATER]));

    expect(tail).toBe(
      `\n\n---\n**来源**\n- [[2]](${sectionUrl(BASE, WATER.id)}) Water [and] light · Garden notes\n`,
    );
  });

  it('leaves a marker with no matching citation as plain text', () => {
    const markdown = createCitedMarkdown({ base: BASE, language: 'en' });
    expect(markdown.push('See [7].', [SOIL])).toBe('See [7].');
    expect(markdown.annotations).toEqual([]);
  });

  it('lists the closest sections, links escaped, when the corpus does not cover the question', () => {
    const markdown = createCitedMarkdown({ base: BASE, language: 'en' });
    markdown.push('Not covered.', []);
    const tail = markdown.finish(final([], { notCovered: true, nearest: [WATER] }));
    expect(tail).toContain('**Closest sections**');
    expect(tail).toContain(`- [Water \\[and\\] light](${sectionUrl(BASE, WATER.id)})`);
  });

  it('turns back into plain [n] text when a client sends it as history', () => {
    const markdown = createCitedMarkdown({ base: BASE, language: 'en' });
    markdown.push('Loosen the soil [1].', [SOIL]);
    markdown.finish(final([SOIL]));
    expect(plainAnswerText(markdown.content)).toBe('Loosen the soil [1].');
  });
});

describe('OpenAI messages as the answer layer reads them', () => {
  it('keeps user and assistant text only, drops system prompts, tools and images', () => {
    const messages = toChatMessages([
      { role: 'system', content: 'You are a pirate.' },
      { role: 'user', content: [{ type: 'text', text: 'How deep?' }, { type: 'image_url' }] },
      {
        role: 'assistant',
        content: `Deep [[1]](${BASE}/?section=a)\n\n---\n**Sources**\n- [[1]](${BASE}/?section=a) A\n`,
      },
      { role: 'tool', content: 'tool output' },
      { role: 'user', content: 'And how often?' },
    ]);
    expect(messages).toEqual([
      { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'How deep?' }] },
      { id: 'm2', role: 'assistant', parts: [{ type: 'text', text: 'Deep [1]' }] },
      { id: 'm4', role: 'user', parts: [{ type: 'text', text: 'And how often?' }] },
    ]);
  });
});
