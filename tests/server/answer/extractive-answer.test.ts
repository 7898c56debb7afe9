import { describe, expect, it } from 'vitest';
import { buildExtractiveAnswer } from '../../../server/answer/extractive-answer.js';
import { citedNumbers } from '../support/ui-stream.js';
import { passage, ranked } from './fixtures/corpus-passages.js';

describe('the search-mode (extractive) answer', () => {
  it('quotes the bullets of the section that answers a Chinese question, each cited, under a section label', () => {
    const answer = buildExtractiveAnswer({
      question: '模型型产品经理的日常工作是什么？',
      results: ranked(
        passage('模型型', '日常工作'),
        passage('平台', '日常工作'),
        passage('应用产品', '日常工作'),
      ),
      answerable: true,
    });

    expect(answer.text.split('\n')[0]).toBe('根据资料库（搜索模式，未调用大模型）：');
    expect(answer.text).toContain('**模型型 / 算法产品经理（Model PM） › 日常工作**');
    // Every role has a 日常工作 section, so each short bullet carries it as its subject.
    for (const bullet of ['对齐模型目标', '设计实验与评测方案', '分析评测结果', '决策模型是否上线或回滚']) {
      expect(answer.text).toContain(`- 日常工作：${bullet} [1]`);
    }
    // Other roles' daily work is not what was asked.
    expect(answer.text).not.toContain('降本增效');
    expect(answer.citations).toHaveLength(1);
    expect(answer.notCovered).toBe(false);
  });

  it('highlights exactly the quoted units in the cited passage', () => {
    const answer = buildExtractiveAnswer({
      question: '评测指标有哪些？',
      results: ranked(passage('模型型', '核心关注点'), passage('评估体系')),
      answerable: true,
    });

    const [citation] = answer.citations;
    expect(citation?.n).toBe(1);
    const quoted = citation?.highlights.map((span) => citation.text.slice(span.start, span.end));
    expect(quoted).toEqual(['评测指标（Accuracy / Recall / BLEU / Win-rate / ELO 等）']);
    expect(citation?.citedBy).toEqual(['评测指标（Accuracy / Recall / BLEU / Win-rate / ELO 等）']);
  });

  it('answers an English question with an English lead-in that says the quotes are Chinese', () => {
    const answer = buildExtractiveAnswer({
      question: 'What does an application PM do day to day?',
      results: ranked(passage('应用产品', '日常工作')),
      answerable: true,
    });

    expect(answer.text.split('\n')[0]).toBe(
      'From the corpus (search mode, no LLM), quoted in the original Chinese:',
    );
    // A handful of short bullets is stated in one cited line.
    expect(answer.text).toMatch(/调整 Prompt 与策略[^\n]*\[1\]/u);
  });

  it('renders the relevant table row readably, without Markdown pipes', () => {
    const answer = buildExtractiveAnswer({
      question: 'AI PM 和传统 PM 在验收方式上有什么不同？',
      results: ranked(passage('二、AI 产品经理 vs')),
      answerable: true,
    });

    expect(answer.text).toContain('- 验收方式 — 传统 PM：是否实现；AI PM：效果分布是否可接受 [1]');
    expect(answer.text).not.toContain('|');
    const [citation] = answer.citations;
    const [span] = citation?.highlights ?? [];
    expect(citation?.text.slice(span?.start, span?.end)).toMatch(/^\| 验收方式 .*\|$/);
  });

  it('numbers citations 1..k in order of first use, strips emphasis, and keeps every marker in range', () => {
    const answer = buildExtractiveAnswer({
      question: '模型和产品是什么关系？',
      results: ranked(passage('正确关系'), passage('一句话总结')),
      answerable: true,
    });

    expect(answer.citations.map((citation) => citation.n)).toEqual([1, 2]);
    expect(answer.text.indexOf('[1]')).toBeLessThan(answer.text.indexOf('[2]'));
    // The bold line and the line under it are one paragraph: a soft line break reads as a space.
    expect(answer.text).toContain('- 模型 ≠ 产品 模型是能力原料，产品是价值组织方式。 [2]');
    expect(answer.text).not.toContain('**模型 ≠ 产品**');
    for (const n of citedNumbers(answer.text)) expect(n).toBeLessThanOrEqual(answer.citations.length);
  });

  it('says honestly that the corpus does not cover the question, listing the 3 nearest sections uncited', () => {
    const results = ranked(
      passage('类比理解'),
      passage('常见误区'),
      passage('正确关系'),
      passage('一句话总结'),
    );

    const zh = buildExtractiveAnswer({ question: '红烧肉怎么做？', results, answerable: false });
    const en = buildExtractiveAnswer({
      question: 'How do I cook red-braised pork?',
      results,
      answerable: false,
    });

    expect(zh.notCovered).toBe(true);
    expect(zh.text).toContain('资料库中没有能回答这个问题的内容');
    expect(zh.text).toContain('- 模型和产品的关系 › 类比理解');
    expect(citedNumbers(zh.text)).toEqual([]);
    expect(zh.citations).toEqual([]);
    expect(zh.nearest.map((result) => result.id)).toEqual(results.slice(0, 3).map((result) => result.id));
    expect(en.text).toContain('The corpus does not cover this question');
    expect(citedNumbers(en.text)).toEqual([]);
  });

  it('never lets corpus text that looks like a marker pass as a citation', () => {
    const source = passage('模型型', '日常工作');
    const tricky = { ...source, text: '#### 日常工作\n\n* 对齐模型目标 [7]\n* 参考 [2, 3] 的评测方案\n' };

    const answer = buildExtractiveAnswer({ question: '日常工作', results: [tricky], answerable: true });

    expect(citedNumbers(answer.text).every((n) => n === 1)).toBe(true);
    expect(answer.text).toMatch(/对齐模型目标 \(7\)[^\n]*\[1\]/u);
  });

  it('quotes what a matching "… is:" sentence announces, not the colon alone', () => {
    const text = [
      '## Pruning Apple Trees',
      '',
      'Winter is the usual season for it.',
      '',
      'The main difference from pear trees is:',
      '',
      'Apples fruit on two-year-old spurs, so the spurs are kept.',
      '',
      'Cuts heal faster on a dry day.',
      '',
      'Burn the prunings to stop canker spreading.',
    ].join('\n');
    const answer = buildExtractiveAnswer({
      question: 'How does pruning apples differ from pear trees?',
      results: [
        {
          id: 'orchard#pruning',
          docId: 'orchard',
          docTitle: 'Orchard Notes',
          headings: ['Orchard Notes', 'Pruning Apple Trees'],
          anchor: 'pruning',
          text,
          score: 4,
        },
      ],
      answerable: true,
    });

    expect(answer.text).toContain('The main difference from pear trees is:');
    expect(answer.text).toContain('Apples fruit on two-year-old spurs, so the spurs are kept. [1]');
    expect(answer.text).not.toContain('canker');
  });

  it('lets a lower-scored section in when it matches clearly more of the question than the first one', () => {
    const section = (parent: string, text: string, score: number) => ({
      id: `orchard#${parent}`,
      docId: 'orchard',
      docTitle: 'Orchard Notes',
      headings: ['Orchard Notes', parent, 'Pruning'],
      anchor: parent,
      text: `#### Pruning\n\n${text}\n`,
      score,
    });
    const results = [
      section('Apple Trees', '* Cut back a third of each leader every winter.', 10),
      section('Quince Trees', '* Quince trees need very little pruning once shaped.', 6.2),
    ];

    const answer = buildExtractiveAnswer({
      question: 'Does a quince tree need much pruning?',
      results,
      answerable: true,
    });
    const unrelated = buildExtractiveAnswer({
      question: 'How much pruning does a fruit tree need?',
      results,
      answerable: true,
    });

    expect(answer.citations.map((citation) => citation.anchor)).toEqual(['Apple Trees', 'Quince Trees']);
    expect(answer.text).toContain('need very little pruning');
    // Neither names more of this question: the retriever's first stays alone.
    expect(unrelated.citations).toHaveLength(1);
  });
});
