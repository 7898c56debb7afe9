import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../../server/retrieval/types.js';
import { topResultId } from './fixtures/top-result.js';

/** A terse FAQ of one-line answers. */
const FAQ: SourceDocument = {
  id: 'bike-faq.en',
  title: 'Bike FAQ',
  path: 'bike-faq.en.md',
  text: `# Bike FAQ

## Tyres

Pump them to the pressure printed on the sidewall.

## Chain

Oil it weekly, or rust sets in.

## Brakes

Replace the pads when the groove is gone.

## Saddle

Level, at hip height.

## Lights

White in front, red behind.

## Bell

One ring is enough.
`,
};

const filler =
  'Ride a short loop afterwards and listen for anything new; small noises are easy to fix early and costly later. ';

/** A tutorial written at length, one long section per season. */
const TUTORIAL: SourceDocument = {
  id: 'bike-seasons.en',
  title: 'Looking After a Bike Through the Year',
  path: 'bike-seasons.en.md',
  text: `# Looking After a Bike Through the Year

## Spring Service

${filler.repeat(6)}Check the frame for cracks and true the wheels.

## Winter Care

Salt on winter roads eats a chain in weeks. After every winter ride, rinse the chain with warm water, dry it
and oil it again, so rust cannot take hold; a chain that squeaks already has rust in its rollers. ${filler.repeat(5)}

## Summer Touring

${filler.repeat(6)}Carry a spare tube and a pump.
`,
};

function topFor(question: string, documentLengths: boolean): Promise<string | undefined> {
  return topResultId([FAQ, TUTORIAL], question, { documentLengths });
}

describe('documents written at different lengths, side by side', () => {
  const question = 'How do I keep my chain from rusting in winter?';

  it("finds the tutorial's long section that answers the question, not the FAQ's one line that shares two words", async () => {
    expect(await topFor(question, true)).toBe('bike-seasons.en#winter-care');
  });

  it('would let the terse document crowd the long one out if every section were measured against the corpus mean', async () => {
    expect(await topFor(question, false)).toBe('bike-faq.en#chain');
  });
});
