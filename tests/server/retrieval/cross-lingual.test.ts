import { describe, expect, it } from 'vitest';
import { translatorWork } from '../../../server/retrieval/cross-lingual.js';
import { runNow } from '../../../server/retrieval/pacer.js';

/** A translator over a pretend corpus that holds exactly these index tokens and Chinese words. */
function translatorFor(tokens: string[], chineseWords: string[]) {
  const held = new Set(tokens);
  const words = new Set(chineseWords);
  return runNow(
    translatorWork(
      (token) => held.has(token),
      (word) => words.has(word),
    ),
  );
}

describe('dictionary translation between English and Chinese', () => {
  it('reaches a Chinese corpus word from an English word, whatever its inflection', () => {
    const translator = translatorFor(['修剪', '施肥'], ['修剪', '施肥']);
    const texts = (word: string) => translator.toChinese(word).map(({ text }) => text);
    expect(texts('prune')).toContain('修剪');
    expect(texts('pruning')).toContain('修剪');
    expect(texts('fertilize')).toContain('施肥');
  });

  it('ranks a Chinese word by its best gloss when it mentions the English word twice', () => {
    // 瓜果 is "fruit" first and "melons and fruit" after: it is a word for fruit, as 水果 is.
    const translator = translatorFor([], ['瓜果', '水果']);
    expect(translator.toChinese('fruit').map(({ text }) => text)).toEqual(
      expect.arrayContaining(['瓜果', '水果']),
    );
  });

  it('offers nothing when the corpus does not hold the Chinese word', () => {
    const translator = translatorFor(['施肥'], ['施肥']);
    expect(translator.toChinese('prune')).toEqual([]);
  });

  it('reaches English corpus words from a Chinese word, whether or not the corpus holds the Chinese word', () => {
    const texts = (translations: Array<{ text: string }>) => translations.map(({ text }) => text);
    expect(texts(translatorFor(['prune'], ['修剪']).toEnglish('修剪'))).toEqual(['prune']);
    expect(texts(translatorFor(['prune'], []).toEnglish('修剪'))).toEqual(['prune']);
    expect(translatorFor([], ['修剪']).toEnglish('修剪')).toEqual([]);
  });

  it('trusts a translation less when its Chinese word has other senses too', () => {
    // 高度 also means height, elevation and high degree; 修剪 means little but pruning and trimming.
    const translator = translatorFor([], ['高度', '修剪']);
    const share = (word: string, han: string) =>
      translator.toChinese(word).find(({ text }) => text === han)?.share ?? 0;
    expect(share('altitude', '高度')).toBeGreaterThan(0);
    expect(share('altitude', '高度')).toBeLessThan(share('prune', '修剪'));
  });

  it("is surer of a translation when the corpus holds none of the word's other senses", () => {
    // 修剪 means pruning or trimming: a corpus about orchards that never trims anything means pruning.
    const both = translatorFor(['prune', 'trim'], []).toEnglish('修剪');
    const pruneOnly = translatorFor(['prune'], []).toEnglish('修剪');
    const share = (list: Array<{ text: string; share: number }>) =>
      list.find(({ text }) => text === 'prune')?.share ?? 0;
    expect(share(pruneOnly)).toBe(1);
    expect(share(both)).toBeLessThan(1);
  });

  it('knows Chinese headwords, names included, and which ones count things', () => {
    const translator = translatorFor([], []);
    expect(translator.knowsChinese('修剪')).toBe(true);
    expect(translator.knowsChinese('剪修')).toBe(false);
    expect(translator.isClassifier('棵')).toBe(true);
    expect(translator.isClassifier('修剪')).toBe(false);
  });

  it('never offers a measure-word sense as a translation', () => {
    // 棵's one sense is "classifier for trees, cabbages, plants etc": it counts trees, it does not mean them.
    const holdsEverything = runNow(
      translatorWork(
        () => true,
        () => true,
      ),
    );
    expect(holdsEverything.toEnglish('棵')).toEqual([]);
  });

  it('knows a dictionary word from a typo', () => {
    const translator = translatorFor([], []);
    expect(translator.knowsEnglish('altitude')).toBe(true);
    expect(translator.knowsEnglish('altitdue')).toBe(false);
  });

  it('offers at most a few translations per word', () => {
    const translator = translatorFor([], ['修剪', '剪枝', '修整', '剪', '删节', '精简', '修枝']);
    expect(translator.toChinese('prune').length).toBeLessThanOrEqual(3);
  });

  it('finds the corpus word that shares a one-word English sense with an unknown Chinese word', () => {
    const translator = translatorFor(['prune'], ['修剪', '修整']);
    expect(translator.chineseSynonyms('剪枝')).toContain('修剪');
    expect(translatorFor([], []).chineseSynonyms('剪枝')).toEqual([]);
  });
});
