export type AnswerLanguage = 'zh' | 'en';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/gi;

/**
 * The language to answer in. A question counts as Chinese when its Han characters are at least as many as
 * its Latin words, so "Model PM 需要什么能力" is Chinese and "What does 模型型 PM do?" is English.
 */
export function detectLanguage(text: string): AnswerLanguage {
  const hanCount = text.match(HAN)?.length ?? 0;
  const latinWordCount = text.match(LATIN_WORD)?.length ?? 0;
  return hanCount > 0 && hanCount >= latinWordCount ? 'zh' : 'en';
}
