/**
 * Reads a run of Chinese characters as the fewest dictionary words. ICU's segmenter cuts words it does not
 * know at odd places (满意度问卷 → 满意|度问卷), and the translator can only gloss words a dictionary holds, so
 * the question is read with the same dictionary the translator uses.
 */

/** Longer dictionary entries are idioms and set phrases; a question's words are shorter, and the DP stays linear. */
export const MAX_WORD_CHARS = 8;

/** The best reading of a prefix: how many words, how many of them single characters, and where its last word starts. */
interface Step {
  words: number;
  singles: number;
  from: number;
}

/** Fewer words, then fewer single characters, then longer words first (参数|量, not 参|数量), as people read. */
function better(candidate: Step, current: Step | undefined): boolean {
  if (!current) return true;
  if (candidate.words !== current.words) return candidate.words < current.words;
  if (candidate.singles !== current.singles) return candidate.singles < current.singles;
  return candidate.from > current.from;
}

/**
 * The words of a Chinese run, left to right: the segmentation with the fewest words (ties: fewest single
 * characters), where a word is a single character or a text `isWord` accepts of 2 to MAX_WORD_CHARS
 * characters. Dynamic programming over character positions: O(length × MAX_WORD_CHARS) lookups.
 */
export function segmentWords(run: string, isWord: (word: string) => boolean): string[] {
  const characters = [...run];
  const best: Array<Step | undefined> = [{ words: 0, singles: 0, from: 0 }];
  for (let end = 1; end <= characters.length; end++) {
    for (let start = Math.max(0, end - MAX_WORD_CHARS); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const single = end - start === 1;
      if (!single && !isWord(characters.slice(start, end).join(''))) continue;
      const candidate = {
        words: before.words + 1,
        singles: before.singles + (single ? 1 : 0),
        from: start,
      };
      if (better(candidate, best[end])) best[end] = candidate;
    }
  }
  const words: string[] = [];
  for (let end = characters.length; end > 0; ) {
    const from = best[end]?.from ?? end - 1;
    words.unshift(characters.slice(from, end).join(''));
    end = from;
  }
  return words;
}
