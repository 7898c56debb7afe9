import { describe, expect, it } from 'vitest';
import type { AnalyzedQuery, Concept } from '../../../server/retrieval/analyze-query.js';
import { chunkDocument } from '../../../server/retrieval/chunk-markdown.js';
import { headingRarity, pathCoverage, sectionHeadingsWork } from '../../../server/retrieval/heading-match.js';
import { runNow } from '../../../server/retrieval/pacer.js';
import type { SourceDocument } from '../../../server/retrieval/types.js';
import { topResultId } from './fixtures/top-result.js';

/**
 * A club handbook written to a template: each sport (the parent heading) has the same sub-headings, and the
 * bodies mention the other sports in passing, as such guides do.
 */
const HANDBOOK: SourceDocument = {
  id: 'club-handbook.en',
  title: 'Rowing Club Handbook',
  path: 'club-handbook.en.md',
  text: `# Rowing Club Handbook

## Sports

Besides rowing, the rowing club offers swimming and cycling, each with its own season.

### Rowing

#### Sessions

Crews meet at dawn on the river, three mornings a week, rowing in eights.

#### Fees

Forty a month, boats included.

### Swimming

#### Sessions

Lanes open every evening; rowing crews use them in winter.

#### Fees

Twenty a month, less for rowing members.

### Cycling

#### Sessions

Group rides leave the boathouse on Sundays, past the rowing course.

#### Fees

Fifteen a month; rowing members ride free.
`,
};

function topFor(question: string, headings: boolean): Promise<string | undefined> {
  return topResultId([HANDBOOK], question, { headings });
}

describe('a guide whose sections share sub-headings', () => {
  const question = 'What are the rowing fees?';

  it('finds the section whose parent heading names the subject and whose own heading names the aspect', async () => {
    expect(await topFor(question, true)).toBe('club-handbook.en#fees');
  });

  it('still finds a section by its body when no heading says what is asked', async () => {
    expect(await topFor('When do the crews meet on the river?', true)).toBe('club-handbook.en#sessions');
  });
});

describe('what the headings say about a question', () => {
  const chunks = chunkDocument(HANDBOOK);
  const headings = runNow(sectionHeadingsWork(chunks));
  const concept = (word: string): Concept => ({
    label: word,
    weight: 1,
    alternatives: [{ text: word, tokens: [word], weight: 1, source: 'typed', certainty: 1 }],
  });
  const query: AnalyzedQuery = { language: 'en', concepts: [concept('row'), concept('fee')] };
  const rarity = query.concepts.map((each) => headingRarity(each, headings));
  const coverage = (parent: string) => {
    const at = chunks.findIndex((chunk) => chunk.headings.join(' > ').endsWith(`${parent} > Fees`));
    return pathCoverage(at, query, rarity, headings, true);
  };

  it('counts a word every text uses as telling when few headings say it', () => {
    expect(rarity[0]).toBeGreaterThan(0.5);
  });

  it('holds the whole question only under the subject it names', () => {
    expect(coverage('Rowing')).toBe(1);
    expect(coverage('Swimming')).toBeLessThan(1);
    expect(coverage('Swimming')).toBeGreaterThan(0);
  });

  it('does not read the document title as any section heading', () => {
    const intro = chunks.findIndex((chunk) => chunk.headings.length === 1);
    expect(headings.own(Math.max(0, intro)).size).toBe(0);
  });
});
