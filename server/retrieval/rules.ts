/**
 * The mechanisms of retrieval that can be switched off one by one, so the eval can show what each is worth
 * (`npm run eval -- --ablate`). The product always runs with all of them on.
 */
export interface RetrievalRules {
  /** Vocabulary terms matched whole and expanded to their synonyms in both languages. */
  vocabulary: boolean;
  /** Latin vocabulary terms found in any inflection (`metrics`, `prompting`), not only as listed. */
  inflections: boolean;
  /** Dictionary translations of words the vocabulary lacks (English ↔ Chinese). */
  translation: boolean;
  /** Chinese read as the fewest dictionary and vocabulary words (segment-words.ts) rather than ICU's words. */
  segmentation: boolean;
  /** Same-language synonyms reached through the dictionary's other language (pivot-synonyms.ts). */
  pivotSynonyms: boolean;
  /** Edit-distance-1 corrections of Latin words the corpus lacks. */
  spelling: boolean;
  /** Everyday words count less than rare ones. */
  commonness: boolean;
  /** The second pass that favours sections whose own heading the question names. */
  headings: boolean;
  /** Length normalisation against a verbose document's own mean section length (length-norms.ts). */
  documentLengths: boolean;
}

export const ALL_RULES: RetrievalRules = {
  vocabulary: true,
  inflections: true,
  translation: true,
  segmentation: true,
  pivotSynonyms: true,
  spelling: true,
  commonness: true,
  headings: true,
  documentLengths: true,
};

export const RULE_NAMES = Object.keys(ALL_RULES) as Array<keyof RetrievalRules>;
