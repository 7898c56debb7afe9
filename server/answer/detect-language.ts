export type AnswerLanguage = 'zh' | 'en';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/gi;

/** How many Han characters and Latin words a text has: the two scripts questions here are written in. */
export function scriptCounts(text: string): { han: number; latinWords: number } {
  return { han: text.match(HAN)?.length ?? 0, latinWords: text.match(LATIN_WORD)?.length ?? 0 };
}

/**
 * The language to answer in. A question counts as Chinese when its Han characters are at least as many as
 * its Latin words, so "French Press 需要什么器具" is Chinese and "What does 法压壶 do?" is English.
 */
export function detectLanguage(text: string): AnswerLanguage {
  const { han, latinWords } = scriptCounts(text);
  return han > 0 && han >= latinWords ? 'zh' : 'en';
}
