import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as mandarinStopwords } from '@orama/stopwords/mandarin';

const STOPWORDS = new Set<string>([
  ...englishStopwords,
  ...mandarinStopwords,
  '呢',
  '吗',
  '吧',
  '啊',
  '请问',
  'tell',
  'about',
  'please',
]);

/** Words every passage of an AI-PM corpus shares: they should barely move a score. */
const GENERIC_TERMS = new Set(['产品', '经理', '品经', 'pm', 'ai', 'product', 'manager', 'managers', 'pms']);
const GENERIC_WEIGHT = 0.25;

const HAN_ONLY = /^\p{Script=Han}+$/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Scoring terms of a text: lowercased words without stopwords, plus CJK bigrams over runs of consecutive
 * content words (ICU splits domain words such as 评测 into single characters, bigrams put them back).
 */
export function answerTerms(text: string): Set<string> {
  const terms = new Set<string>();
  let hanRun = '';
  const flushRun = () => {
    for (let index = 0; index + 2 <= hanRun.length; index += 1) terms.add(hanRun.slice(index, index + 2));
    hanRun = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(text.toLowerCase())) {
    if (!isWordLike || STOPWORDS.has(segment)) {
      flushRun();
      continue;
    }
    if (HAN_ONLY.test(segment)) {
      hanRun += segment;
      if (segment.length > 1) terms.add(segment);
      continue;
    }
    flushRun();
    if (segment.length > 1 || /\d/.test(segment)) terms.add(segment);
  }
  flushRun();
  return terms;
}

/** How strongly a term speaks for relevance. */
export function termWeight(term: string): number {
  return GENERIC_TERMS.has(term) ? GENERIC_WEIGHT : 1;
}

/** Weighted overlap of the query terms with a text's terms. */
export function overlapScore(queryTerms: Set<string>, textTerms: Set<string>): number {
  let score = 0;
  for (const term of queryTerms) if (textTerms.has(term)) score += termWeight(term);
  return score;
}
