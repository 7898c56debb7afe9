import { describe, expect, it } from 'vitest';
import { translatorWork } from '../../../server/retrieval/cross-lingual.js';
import { derivedForms } from '../../../server/retrieval/derived-forms.js';
import { runNow } from '../../../server/retrieval/pacer.js';
import { stem } from '../../../server/retrieval/text.js';

/** A translator over an English handbook that holds exactly these words. */
function translatorFor(words: string[]) {
  const held = new Set(words.map(stem));
  return runNow(
    translatorWork(
      (token) => held.has(token),
      () => false,
    ),
  );
}

const texts = (translations: Array<{ text: string }>) => translations.map(({ text }) => text);

describe('English words related by derivation', () => {
  it('pairs a verb with its noun, both ways', () => {
    expect(derivedForms('collect')).toContain('collection');
    expect(derivedForms('deployment')).toContain('deploy');
    expect(derivedForms('failure')).toContain('fail');
  });

  it('pairs an adjective with a noun that changes its vowel', () => {
    expect(derivedForms('depth')).toContain('deep');
    expect(derivedForms('strong')).toContain('strength');
  });

  it('leaves short words alone: they are too often another word with an ending', () => {
    expect(derivedForms('on')).toEqual([]);
    expect(derivedForms('go')).toEqual([]);
  });
});

describe('a Chinese question about a handbook that words it another way', () => {
  it('reaches "deep research" from 深度, which the dictionary glosses as "depth"', () => {
    const translator = translatorFor(['deep', 'research']);
    expect(texts(translator.toEnglish('深度', { derive: true }))).toContain('deep');
  });

  it("keeps to the dictionary's own words when derivation is off", () => {
    const translator = translatorFor(['deep', 'research']);
    expect(translator.toEnglish('深度')).toEqual([]);
  });

  it('prefers the gloss itself when the handbook holds it', () => {
    const translator = translatorFor(['deep', 'depth']);
    expect(texts(translator.toEnglish('深度', { derive: true }))).toEqual(['depth']);
  });

  it('never reads a gloss as a form the dictionary does not know as a word', () => {
    // "gatherion" ends like a noun but is no word: 收集 ("to gather", "to collect") reaches only "collection".
    const translator = translatorFor(['collection', 'gatherion']);
    expect(texts(translator.toEnglish('收集', { derive: true }))).toEqual(['collection']);
  });
});
