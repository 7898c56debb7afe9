import { scriptCounts } from '../retrieval/text.js';

export type AnswerLanguage = 'zh' | 'en';

/** How many Han characters and Latin words a text has, as the text layer counts them. */
export { scriptCounts };

/**
 * The language to answer in. A question counts as Chinese when its Han characters are at least as many as
 * its Latin words, so "French Press 需要什么器具" is Chinese and "What does 法压壶 do?" is English.
 */
export function detectLanguage(text: string): AnswerLanguage {
  const { han, latinWords } = scriptCounts(text);
  return han > 0 && han >= latinWords ? 'zh' : 'en';
}
