import { describe, expect, it } from 'vitest';
import { MAX_WORD_CHARS, segmentWords } from '../../../server/retrieval/segment-words.js';

/** A reader who knows exactly these words. */
function reader(words: string[]) {
  const known = new Set(words);
  return (run: string) => segmentWords(run, { isWord: (word) => known.has(word) });
}

describe('reading a Chinese question as dictionary words', () => {
  it('reads a run as the fewest words it knows, not as overlapping pieces', () => {
    const read = reader(['满意', '满意度', '问卷', '意度']);
    expect(read('满意度问卷')).toEqual(['满意度', '问卷']);
  });

  it('keeps characters it cannot place as single characters, in order', () => {
    const read = reader(['悖论']);
    expect(read('甲乙悖论')).toEqual(['甲', '乙', '悖论']);
    expect(reader([])('花园')).toEqual(['花', '园']);
  });

  it('prefers the reading with fewer stray characters when word counts tie', () => {
    // 修剪|枝条 (two words) beats 修|剪枝|条, which has as many pieces but leaves two characters alone.
    const read = reader(['修剪', '枝条', '剪枝']);
    expect(read('修剪枝条')).toEqual(['修剪', '枝条']);
  });

  it('reads the longer word first when two readings are otherwise equal', () => {
    const read = reader(['施肥', '肥量']);
    expect(read('施肥量')).toEqual(['施肥', '量']);
  });

  it('never reads a word longer than its bound, however long the dictionary entry', () => {
    const long = '春'.repeat(MAX_WORD_CHARS + 1);
    const words = reader([long])(long);
    expect(words.every((word) => [...word].length <= MAX_WORD_CHARS)).toBe(true);
    expect(words.join('')).toBe(long);
  });

  it("takes another reader's guess where the dictionary has no word, but not over a dictionary reading", () => {
    const guesses = new Set(['果园除', '草剂', '花园']);
    const dictionary = new Set(['果园', '除草剂']);
    const lexicon = {
      isWord: (word: string) => dictionary.has(word) || guesses.has(word),
      isGuess: (word: string) => guesses.has(word),
    };
    // Nothing in the dictionary reads these two characters: the guess stands.
    expect(segmentWords('花园', lexicon)).toEqual(['花园']);
    // Two readings of two words each: the one made of dictionary words wins over the guessed one.
    expect(segmentWords('果园除草剂', lexicon)).toEqual(['果园', '除草剂']);
  });

  it('between equal readings, takes the one of more everyday words', () => {
    const everyday = new Map([
      ['开花', 0.9],
      ['花期', 0.1],
    ]);
    const lexicon = {
      isWord: (word: string) => everyday.has(word),
      everyday: (word: string) => everyday.get(word) ?? 0,
    };
    expect(segmentWords('开花期', lexicon)).toEqual(['开花', '期']);
  });

  it('reads an empty run as no words', () => {
    expect(reader(['花园'])('')).toEqual([]);
  });
});
