import { describe, expect, it } from 'vitest';
import {
  commonness,
  detectLanguage,
  hanTokens,
  isStopword,
  normalize,
  segmentHan,
  tokenize,
} from '../../../server/retrieval/text.js';

describe('the text layer reads Chinese as words and character pairs', () => {
  it('recovers a word ICU splits into single characters through its bigrams', () => {
    expect(segmentHan('萎凋发酵')).not.toContain('萎凋');
    expect(hanTokens('萎凋发酵')).toContain('萎凋');
    expect(tokenize('茶园施肥')).toEqual(expect.arrayContaining(['茶园', '施肥']));
  });

  it('drops pairs that only glue words together', () => {
    const tokens = tokenize('绿茶的土壤和红茶');
    expect(tokens).toEqual(['绿茶', '土壤', '红茶']);
    expect(tokens.some((token) => token.includes('的') || token.includes('和'))).toBe(false);
  });

  it('drops a "how many" of a question with its measure word: it asks for a count, not about one', () => {
    expect(tokenize('红茶有几种')).toEqual(['红茶']);
    expect(isStopword('几类')).toBe(true);
  });

  it('keeps a lone meaningful character but drops a lone function word', () => {
    expect(tokenize('茶')).toEqual(['茶']);
    expect(tokenize('的')).toEqual([]);
  });
});

describe('the text layer reads English as stemmed words', () => {
  it('folds inflections of one word to one token', () => {
    expect(new Set(tokenize('pruning pruned prunes prune'))).toEqual(new Set(['prune']));
  });

  it('drops stopwords and question words, keeping what the question is about', () => {
    expect(tokenize('What is the best way to prune?')).toEqual(['prune']);
    expect(isStopword('the')).toBe(true);
    expect(isStopword('什么')).toBe(true);
    expect(isStopword('orchard')).toBe(false);
  });

  it('indexes a hyphenated compound whole and by its parts', () => {
    expect(tokenize('frost-hardy')).toEqual(['frost-hardy', 'frost', 'hardi']);
  });

  it('folds full-width letters and curly apostrophes before tokenizing', () => {
    expect(normalize('ＰＥＡＲ’s')).toBe("pear's");
    expect(tokenize('ＰＲＵＮＩＮＧ')).toEqual(tokenize('pruning'));
  });

  it('meets an abbreviation in its plural: a question about CDNs finds a section about the CDN', () => {
    expect(tokenize('CDNs and SDKs')).toEqual(tokenize('CDN and SDK'));
    // A short word with a vowel is a word, not an abbreviation: it keeps its s.
    expect(tokenize('bus gas')).toEqual(['bus', 'gas']);
  });

  it("reads a possessive as its owner: the orchard's soil is about the orchard", () => {
    expect(tokenize("the orchard's soil")).toEqual(tokenize('the orchard soil'));
    expect(tokenize('Bartlett’s pears')).toEqual(['bartlett', 'pear']);
  });

  it('tokenizes mixed text in order: Chinese runs and Latin words side by side', () => {
    expect(tokenize('红茶 pruning')).toEqual(['红茶', 'prune']);
  });
});

describe('commonness and language', () => {
  it('rates everyday words as common and rare words as not', () => {
    expect(commonness('want')).toBeGreaterThan(0.9);
    expect(commonness('codling')).toBe(0);
  });

  it('calls a text Chinese when Chinese characters dominate, even quoting English', () => {
    expect(detectLanguage('绿茶喜欢 acidic 土壤')).toBe('zh');
    expect(detectLanguage('Green tea likes 红壤 soil')).toBe('en');
    expect(detectLanguage('How do pears ripen?')).toBe('en');
    expect(detectLanguage('梨怎么催熟')).toBe('zh');
  });
});
