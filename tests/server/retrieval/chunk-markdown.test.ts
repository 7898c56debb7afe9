import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkDocument, isEmptySection, slugifyHeading } from '../../../server/retrieval/chunk-markdown.js';
import type { SourceDocument } from '../../../server/retrieval/types.js';

const corpusText = readFileSync(new URL('../../../corpus/ai-pm-roles.zh.md', import.meta.url), 'utf8');
const roles: SourceDocument = {
  id: 'ai-pm-roles.zh',
  title: 'AI 产品经理',
  path: 'ai-pm-roles.zh.md',
  text: corpusText,
};

function doc(text: string, id = 'notes'): SourceDocument {
  return { id, title: id, path: `${id}.md`, text };
}

describe('chunkDocument on the founding corpus', () => {
  const chunks = chunkDocument(roles);

  it('cites exact text: every chunk is the document slice between its offsets', () => {
    for (const chunk of chunks) expect(roles.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
  });

  it('gives the same ids on every run, unique within the document', () => {
    const again = chunkDocument({ ...roles });
    expect(again.map((chunk) => chunk.id)).toEqual(chunks.map((chunk) => chunk.id));
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
  });

  it('makes the three-bullet 需求量 of the Model PM its own chunk, carrying the role in its heading path', () => {
    const demand = chunks.find((chunk) => chunk.id === 'ai-pm-roles.zh#需求量');
    expect(demand?.headings).toEqual([
      'AI 产品经理做什么？他们和模型的关系是什么？',
      '一、AI 产品经理的主要分类（业内常见 5 类）',
      '1. 模型型 / 算法产品经理（Model PM）',
      '需求量',
    ]);
    expect(demand?.depth).toBe(4);
    expect(demand?.text).toBe(
      '#### 需求量\n\n* 中等偏低\n* 主要集中在大模型公司、算法驱动型团队\n* 门槛较高，非科班背景进入成本较高',
    );
  });

  it('numbers repeated headings -2, -3 … so each role keeps its own 定义', () => {
    const definitions = chunks
      .filter((chunk) => chunk.headings.at(-1) === '定义')
      .map((chunk) => chunk.anchor);
    expect(definitions).toEqual(['定义', '定义-2', '定义-3', '定义-4', '定义-5']);
    const third = chunks.find((chunk) => chunk.anchor === '定义-3');
    expect(third?.headings[2]).toBe('3. AI 应用产品经理（Application PM）');
  });

  it('keeps the comparison table whole in one chunk', () => {
    const versus = chunks.find((chunk) => chunk.headings.at(-1) === '二、AI 产品经理 vs 传统产品经理');
    expect(versus?.text).toContain('| 维度     | 传统 PM      | AI PM           |');
    expect(versus?.text).toContain('| 核心交付物  | PRD 中的静态逻辑 | 评测集、数据标注标准、反馈闭环 |');
  });

  it('keeps heading-only sections as outline entries and flags them empty', () => {
    const role = chunks.find((chunk) => chunk.headings.at(-1) === '1. 模型型 / 算法产品经理（Model PM）');
    expect(role && isEmptySection(role)).toBe(true);
    const application = chunks.find(
      (chunk) => chunk.headings.at(-1) === '3. AI 应用产品经理（Application PM）',
    );
    expect(application && isEmptySection(application)).toBe(false);
  });

  it('drops trailing --- separators from a section', () => {
    const growthDemand = chunks.find((chunk) => chunk.anchor === '需求量-5');
    expect(growthDemand?.text.endsWith('在产品进入成熟阶段后尤为关键')).toBe(true);
  });
});

describe('chunkDocument on unusual Markdown', () => {
  it('ignores # lines inside fenced code', () => {
    const chunks = chunkDocument(doc('# Title\n\n```bash\n# not a heading\n```\n\n## Real\n\ntext'));
    expect(chunks.map((chunk) => chunk.headings.at(-1))).toEqual(['Title', 'Real']);
    expect(chunks[0]?.text).toContain('# not a heading');
  });

  it('turns text before the first heading into a preamble chunk', () => {
    const chunks = chunkDocument(doc('Intro line.\n\n# Title\n\nbody'));
    expect(chunks[0]).toMatchObject({ id: 'notes#preamble', depth: 0, headings: [], text: 'Intro line.' });
  });

  it('makes a file without headings one chunk', () => {
    const chunks = chunkDocument(doc('\n\nJust some prose.\nTwo lines.\n'));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toBe('Just some prose.\nTwo lines.');
  });

  it('yields nothing for an empty document', () => {
    expect(chunkDocument(doc(''))).toEqual([]);
    expect(chunkDocument(doc('\n  \n---\n'))).toEqual([]);
  });

  it('does not let a heading literally named like a suffix collide', () => {
    const chunks = chunkDocument(doc('## A\n\nx\n\n## A-2\n\ny\n\n## A\n\nz'));
    expect(chunks.map((chunk) => chunk.anchor)).toEqual(['a', 'a-2', 'a-3']);
  });
});

describe('slugifyHeading', () => {
  it('keeps CJK, lowercases Latin, drops punctuation and turns spaces into -', () => {
    expect(slugifyHeading('1. 模型型 / 算法产品经理（Model PM）')).toBe('1-模型型--算法产品经理model-pm');
    expect(slugifyHeading('4. 人机交互新范式（LUI × GUI）')).toBe('4-人机交互新范式lui--gui');
    expect(slugifyHeading('二、AI 产品经理 vs 传统产品经理')).toBe('二ai-产品经理-vs-传统产品经理');
    expect(slugifyHeading('？！')).toBe('section');
  });
});
