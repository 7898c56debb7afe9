import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../server/answer/detect-language.js';
import { parseTextUnits, plainText } from '../../../server/answer/markdown-units.js';
import { corpusPassages, passage } from './fixtures/corpus-passages.js';

describe('quotable units of a passage', () => {
  it('gives every unit of every corpus section an exact, trimmed span without Markdown markers', () => {
    for (const section of corpusPassages) {
      for (const unit of parseTextUnits(section.text)) {
        const quoted = section.text.slice(unit.start, unit.end);
        expect(quoted).toBe(quoted.trim());
        expect(quoted).not.toMatch(/^(#|\* |- |> )/);
        if (unit.kind !== 'row') expect(plainText(quoted)).toBe(unit.plain);
      }
    }
  });

  it('joins a bullet with its indented continuation line', () => {
    const units = parseTextUnits(passage('类比理解').text);
    expect(units.map((unit) => unit.plain)).toContain(
      '模型（Model）是发动机 决定动力上限，例如推理能力、知识覆盖面。',
    );
  });

  it('keeps table rows with their header and skips the separator', () => {
    const rows = parseTextUnits(passage('二、AI 产品经理 vs').text).filter((unit) => unit.kind === 'row');
    expect(rows).toHaveLength(6);
    expect(rows[0]?.header).toEqual(['维度', '传统 PM', 'AI PM']);
    expect(rows[0]?.cells).toEqual(['核心不确定性', '用户需求', '模型能力 + 用户需求']);
  });
});

describe('the language of a question', () => {
  it.each([
    ['模型型产品经理的日常工作是什么？', 'zh'],
    ['Model PM 需要什么能力', 'zh'],
    ['What does a model PM do?', 'en'],
    ['What does 模型型 PM do day to day?', 'en'],
    ['?', 'en'],
  ] as const)('%s → %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });
});
