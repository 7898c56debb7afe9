import { describe, expect, it } from 'vitest';
import { createTokenizer, tokenize } from '../../../server/retrieval/tokenizer.js';

describe('tokenize', () => {
  it('recovers Chinese domain words ICU splits, through bigrams', () => {
    // ICU segments 评测 as 评|测 and 闭环 as 闭|环.
    expect(tokenize('评测指标')).toEqual(expect.arrayContaining(['评测', '指标']));
    expect(tokenize('数据闭环')).toEqual(expect.arrayContaining(['数据', '闭环']));
  });

  it('keeps ICU words of three characters and more as well', () => {
    expect(tokenize('需求量最高')).toEqual(expect.arrayContaining(['需求量', '需求', '最高']));
  });

  it('keeps 产品经理 whole so that "product" questions do not match every PM heading', () => {
    expect(tokenize('产品经理与模型工程师')).toContain('产品经理');
    expect(tokenize('产品经理与模型工程师')).not.toContain('产品');
    expect(tokenize('模型和产品的关系')).toContain('产品');
  });

  it('finds English terms case-insensitively, as words and as a phrase', () => {
    expect(tokenize('Model PM')).toEqual(['model', 'pm', 'model pm']);
    expect(tokenize('model pm')).toEqual(tokenize('MODEL PM'));
  });

  it('keeps acronyms and joined terms whole', () => {
    expect(tokenize('LUI × GUI')).toEqual(expect.arrayContaining(['lui', 'gui']));
    expect(tokenize('BLEU / Win-rate')).toEqual(expect.arrayContaining(['bleu', 'win-rate', 'win', 'rate']));
    expect(tokenize('A/B 实验方案')).toEqual(expect.arrayContaining(['a/b', '实验']));
    expect(tokenize('Token 成本')).toEqual(expect.arrayContaining(['token', '成本']));
  });

  it('folds full-width letters and English plurals', () => {
    expect(tokenize('ＡＰＩ')).toEqual(['api']);
    expect(tokenize('deliverables')).toEqual(tokenize('deliverable'));
  });

  it('drops Chinese and English stopwords and glue pairs', () => {
    const tokens = tokenize('What is the 数据闭环 是什么的');
    expect(tokens).not.toEqual(expect.arrayContaining(['what']));
    expect(tokens).not.toContain('the');
    expect(tokens).not.toContain('什么');
    expect(tokens).not.toContain('么的');
  });

  it('is the tokenizer Orama uses', () => {
    const tokenizer = createTokenizer();
    expect(tokenizer.tokenize('非 CS 背景')).toEqual(tokenize('非 CS 背景'));
  });
});
