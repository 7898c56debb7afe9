import { describe, expect, test } from 'vitest';
import { mergeSpans, resolveHighlights, splitAtHighlights } from '../../../web/lib/highlight-ranges.js';
import { parseMarkdownBlocks } from '../../../web/lib/markdown-blocks.js';
import { APPLICATION_PM_TEXT, spanOf } from '../fixtures.js';

describe('highlight spans', () => {
  test('offsets are used as is when the section text is the cited text', () => {
    const span = spanOf(APPLICATION_PM_TEXT, '没有烘焙学历也能入门');
    expect(resolveHighlights(APPLICATION_PM_TEXT, APPLICATION_PM_TEXT, [span])).toEqual([span]);
  });

  test('when the corpus changed since the answer, the cited passage is found by its text', () => {
    const span = spanOf(APPLICATION_PM_TEXT, '没有烘焙学历也能入门');
    const edited = `> 新增一行\n\n${APPLICATION_PM_TEXT}`;
    const [moved] = resolveHighlights(APPLICATION_PM_TEXT, edited, [span]);
    expect(moved && edited.slice(moved.start, moved.end)).toBe('没有烘焙学历也能入门');
    expect(resolveHighlights(APPLICATION_PM_TEXT, '完全不同的文本', [span])).toEqual([]);
  });

  test('overlapping spans merge and empty ones are dropped', () => {
    expect(
      mergeSpans([
        { start: 5, end: 9 },
        { start: 0, end: 3 },
        { start: 7, end: 12 },
        { start: 4, end: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 12 },
    ]);
  });

  test('a range splits into marked and unmarked pieces at highlight boundaries', () => {
    expect(
      splitAtHighlights(0, 10, [
        { start: 2, end: 4 },
        { start: 8, end: 20 },
      ]),
    ).toEqual([
      { start: 0, end: 2, marked: false },
      { start: 2, end: 4, marked: true },
      { start: 4, end: 8, marked: false },
      { start: 8, end: 10, marked: true },
    ]);
  });
});

describe('section Markdown read line by line', () => {
  test('every inline run points at its own characters in the source', () => {
    const text = `${APPLICATION_PM_TEXT}\n\n| 维度 | 传统 PM | AI PM |\n| --- | --- | --- |\n| 验收方式 | 是否实现 | 效果分布是否可接受 |\n\n---\n\n代码 \`eval\` 结束`;
    const runs = parseMarkdownBlocks(text).flatMap((block) => {
      if ('runs' in block) return block.runs;
      if (block.kind === 'table-row') return block.cells.flat();
      return [];
    });
    const visible = runs.map((run) => text.slice(run.start, run.end));

    expect(visible).toContain('3. 酸面包师（Sourdough Baker）');
    expect(visible).toContain('订单最多、手艺最杂');
    expect(visible).toContain('社区面包房、连锁咖啡馆、酒店后厨大量需要');
    expect(visible).toContain('效果分布是否可接受');
    expect(visible).toContain('eval');
    // Markup characters are never part of what is shown (and marked).
    expect(visible.filter((piece) => /\*\*|`|^\||^#|^\* |^>/.test(piece))).toEqual([]);
  });

  test('lines are classified as headings, bullets, quotes, table rows and rules', () => {
    const kinds = parseMarkdownBlocks(
      '## 标题\n\n* 条目\n  * 子条目\n> 引用\n| a | b |\n| - | - |\n| 1 | 2 |\n---\n正文',
    ).map((block) => block.kind);
    expect(kinds).toEqual([
      'heading',
      'blank',
      'bullet',
      'bullet',
      'quote',
      'table-row',
      'table-row',
      'rule',
      'paragraph',
    ]);
  });
});
