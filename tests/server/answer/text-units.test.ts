import { describe, expect, it } from 'vitest';
import { parseTextUnits, plainText, type TextUnit } from '../../../server/answer/markdown-units.js';
import { chunkDocument } from '../../../server/retrieval/chunk-markdown.js';

/** What a reader would see highlighted for each unit: the passage's own characters at its span. */
function quoted(text: string): string[] {
  return parseTextUnits(text).map((unit) => text.slice(unit.start, unit.end));
}

function plains(text: string): string[] {
  return parseTextUnits(text).map((unit) => unit.plain);
}

/** Every unit's span is trimmed, inside the passage, and reads back as the unit's words. */
function expectExactSpans(text: string, units: TextUnit[]): void {
  for (const unit of units) {
    const slice = text.slice(unit.start, unit.end);
    expect(unit.start).toBeLessThan(unit.end);
    expect(slice).toBe(slice.trim());
    if (unit.kind !== 'row') expect(plainText(slice)).toBe(unit.plain);
  }
}

describe('quotable units of a passage', () => {
  it('reads a table as rows with their cells and the header, the separator and header row left out', () => {
    const text =
      '## Tools\n\n| Tool | Use \\| note |\n|:---|---:|\n| `saw` | cuts [wood](https://x.test) |\n| drill | makes holes |\n';
    const rows = parseTextUnits(text);
    expect(rows.map((row) => row.kind)).toEqual(['row', 'row']);
    expect(rows[0]?.header).toEqual(['Tool', 'Use | note']);
    expect(rows[0]?.cells).toEqual(['saw', 'cuts wood']);
    expect(rows[0]?.plain).toBe('saw cuts wood');
    expect(quoted(text)).toEqual(['| `saw` | cuts [wood](https://x.test) |', '| drill | makes holes |']);
  });

  it('gives a nested list item its own unit and keeps its parent to the parent’s words', () => {
    const text =
      '- Prepare the soil\n  before planting.\n  - Add compost\n  - Add grit\n- Water weekly\n\n1. First\n2. [x] Second\n';
    expect(plains(text)).toEqual([
      'Prepare the soil before planting.',
      'Add compost',
      'Add grit',
      'Water weekly',
      'First',
      'Second',
    ]);
    expect(quoted(text)[0]).toBe('Prepare the soil\n  before planting.');
    expectExactSpans(text, parseTextUnits(text));
  });

  it('quotes sentences and bullets inside a block quote without the quote marks', () => {
    const text = '> Keep the roots moist! Never let them dry.\n> - Mulch in spring\n';
    expect(quoted(text)).toEqual(['Keep the roots moist!', 'Never let them dry.', 'Mulch in spring']);
  });

  it('cuts Chinese text at its own sentence marks, with exact spans', () => {
    const text = '### 采摘\n\n春茶最嫩，清明前采摘。夏茶味苦？秋茶香高；冬季休眠\n';
    expect(quoted(text)).toEqual(['春茶最嫩，清明前采摘。', '夏茶味苦？', '秋茶香高；', '冬季休眠']);
    expectExactSpans(text, parseTextUnits(text));
  });

  it('drops inline markup from the words and keeps the marks inside the highlighted span', () => {
    const text = 'Use **strong** shears, `oil` them and read [the guide](https://x.test/a?b=1;c). See [3].\n';
    const [unit] = parseTextUnits(text);
    expect(unit?.plain).toBe('Use strong shears, oil them and read the guide. See (3).');
    expect(quoted(text)).toEqual([text.trim()]);
  });

  it('starts and ends a sentence at the marks of the emphasis it opens or closes', () => {
    const text = '**挑选健康的苗木。** 根系要完整。\n';
    expect(quoted(text)).toEqual(['**挑选健康的苗木。**', '根系要完整。']);
  });

  it('reads a wrapped paragraph as one flow, and a hard line break as a cut', () => {
    const wrapped = 'Prune in late winter while the tree\nsleeps and the sap is low\n';
    expect(plains(wrapped)).toEqual(['Prune in late winter while the tree sleeps and the sap is low']);
    const broken = '**Rule one**  \nNever prune in frost\n';
    expect(quoted(broken)).toEqual(['**Rule one**', 'Never prune in frost']);
  });

  it('keeps exact spans in a passage with Windows line endings', () => {
    const text =
      '## Soil\r\n\r\n- Loam drains\r\n  after rain\r\n- Clay holds water\r\n\r\nMix in grit；then plant.\r\n';
    const units = parseTextUnits(text);
    expect(units.map((unit) => unit.plain)).toEqual([
      'Loam drains after rain',
      'Clay holds water',
      'Mix in grit；',
      'then plant.',
    ]);
    expectExactSpans(text, units);
  });

  it('leaves out headings, rules, code, raw HTML and images, and reads a setext heading as prose', () => {
    const text =
      '## Heading\n\n---\n\n```text\nsummarize this\n```\n\n<div>raw</div>\n\n![a tree](tree.png)\n\nA note\n---\n';
    expect(plains(text)).toEqual(['A note']);
  });

  it('gives a passage cut from the middle of a document spans into the passage itself', () => {
    const document =
      '# Orchard\n\nIntro line.\n\n## Pears\n\n- Pears like **clay**\n- Thin the fruit。Keep one per spur。\n';
    const [, pears] = chunkDocument({ id: 'orchard', title: 'Orchard', path: 'orchard.md', text: document });
    expect(pears?.start).toBeGreaterThan(0);
    const units = parseTextUnits(pears?.text ?? '');
    expect(
      units.map((unit) => document.slice((pears?.start ?? 0) + unit.start, (pears?.start ?? 0) + unit.end)),
    ).toEqual(['Pears like **clay**', 'Thin the fruit。Keep one per spur。']);
  });

  it('returns the same units for the same passage every time it is asked', () => {
    const text = '- one\n- two\n';
    expect(parseTextUnits(text)).toBe(parseTextUnits(text));
  });
});

describe('plain text of a Markdown snippet', () => {
  it.each([
    ['Soil and water', 'Soil and water'],
    ['**Soil** & `water`', 'Soil & water'],
    ['[Pruning](#pruning) tips', 'Pruning tips'],
    ['C# for R&D', 'C# for R&D'],
    ['Cost [2]', 'Cost (2)'],
    ['a &amp; b', 'a & b'],
  ])('%s → %s', (markdown, plain) => {
    expect(plainText(markdown)).toBe(plain);
  });
});
