import type { Alternative } from './analyze-query.js';
import type { Translator } from './cross-lingual.js';
import { hasHan, tokenize } from './text.js';

/** How translations are weighed, and whether a gloss word may be read as a derived form (rule `derivedForms`). */
export interface TranslationOptions {
  weight: number;
  derive: boolean;
}

/**
 * A word's dictionary translations as ways of saying it (`options.weight` is the translation weight). They are one
 * concept said several ways (a structured query): a word the corpus could mean in several senses is a weaker
 * guess in each, so each counts `weight / √n` and is as certain as its share of the senses. `known` are the
 * concept's other alternatives: a translation that says the same tokens adds nothing.
 */
export function translationAlternatives(
  word: string,
  translator: Pick<Translator, 'toEnglish' | 'toChinese'>,
  options: TranslationOptions,
  known: Alternative[] = [],
): Alternative[] {
  const { weight, derive } = options;
  const seen = new Set(known.map(({ tokens }) => tokens.join(' ')));
  const found = (hasHan(word) ? translator.toEnglish(word, { derive }) : translator.toChinese(word))
    .map((translation) => ({ ...translation, tokens: [...new Set(tokenize(translation.text))] }))
    .filter(({ tokens }) => !seen.has(tokens.join(' ')));
  const ambiguity = Math.sqrt(Math.max(1, found.length));
  return found.map(({ text, tokens, share }) => ({
    text,
    tokens,
    source: 'translation',
    weight: weight / ambiguity,
    certainty: share,
  }));
}

/**
 * The dictionary's translations of a Chinese vocabulary term, beside the vocabulary's own English names: a
 * vocabulary names a concept the way its field does (上线 → `launch`), while a Chinese word often says more
 * than that one name (上线: go online, put into production), and an English document may say it any of those
 * ways. Only Chinese terms: reading a Chinese headword's own glosses says what it means, whereas an English
 * term's way into Chinese is every headword whose glosses mention it (`ai` → 智能体, "(AI) agent"), which is
 * what the vocabulary's curated Chinese names are there to avoid.
 */
export function termTranslations(
  term: string,
  translator: Pick<Translator, 'toEnglish' | 'toChinese'>,
  options: TranslationOptions,
  known: Alternative[],
): Alternative[] {
  return hasHan(term) ? translationAlternatives(term, translator, options, known) : [];
}
