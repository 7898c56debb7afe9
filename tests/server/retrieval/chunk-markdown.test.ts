import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { chunkDocument, isEmptySection, slugifyHeading } from '../../../server/retrieval/chunk-markdown.js';
import { loadCorpus } from '../../../server/retrieval/load-corpus.js';
import type { SourceDocument } from '../../../server/retrieval/types.js';
import { CORPUS_DIR } from '../support/corpus-retrieval.js';
import { ORCHARD_DOC, TEA_DOC } from './fixtures/synthetic-corpus.js';

function doc(text: string, id = 'notes'): SourceDocument {
  return { id, title: id, path: `${id}.md`, text };
}

describe('chunkDocument on a guide with repeated sub-headings', () => {
  const chunks = chunkDocument(ORCHARD_DOC);

  it('cites exact text: every chunk is the document slice between its offsets', () => {
    for (const chunk of chunks) expect(ORCHARD_DOC.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
  });

  it('gives the same ids on every run, unique within the document', () => {
    const again = chunkDocument({ ...ORCHARD_DOC });
    expect(again.map((chunk) => chunk.id)).toEqual(chunks.map((chunk) => chunk.id));
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
  });

  it('makes each sub-section its own chunk, carrying its parents in its heading path', () => {
    const pearSoil = chunks.find((chunk) => chunk.id === 'orchard.en#soil-2');
    expect(pearSoil).toMatchObject({ headings: ['Keeping a Home Orchard', 'Pear Trees', 'Soil'], depth: 3 });
    expect(pearSoil?.text.startsWith('### Soil\n\nPears tolerate')).toBe(true);
    expect(pearSoil?.text).not.toContain('Pruning');
  });

  it('numbers repeated headings -2, -3 … so each variety keeps its own', () => {
    const anchors = chunkDocument(TEA_DOC)
      .filter((chunk) => chunk.headings.at(-1) === '采摘')
      .map((chunk) => chunk.anchor);
    expect(anchors).toEqual(['采摘', '采摘-2']);
  });

  it('keeps heading-only sections as outline entries and flags them empty', () => {
    const apples = chunks.find((chunk) => chunk.headings.at(-1) === 'Apple Trees');
    expect(apples && isEmptySection(apples)).toBe(true);
    const pests = chunks.find((chunk) => chunk.headings.at(-1) === 'Pests and Diseases');
    expect(pests && isEmptySection(pests)).toBe(false);
  });

  it('keeps a table whole in one chunk', () => {
    const table = '| Fruit | Month |\n| ----- | ----- |\n| Pear  | Sep   |\n| Apple | Oct   |';
    const [calendar] = chunkDocument(doc(`## Picking calendar\n\n${table}\n\n## Notes\n\nx`));
    expect(calendar?.text).toContain(table);
  });

  it('drops trailing --- separators from a section', () => {
    const [first] = chunkDocument(doc('## Mulch\n\nSpread it thin.\n\n---\n\n## Water\n\nDeeply, rarely.'));
    expect(first?.text).toBe('## Mulch\n\nSpread it thin.');
  });
});

describe('chunkDocument on the real corpus', () => {
  it('cites exact text and gives unique ids in every document', async () => {
    const documents = await loadCorpus({ dir: CORPUS_DIR, logger: createMemoryLogger() });
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      const chunks = chunkDocument(document);
      expect(chunks.length, document.id).toBeGreaterThan(0);
      expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
      for (const chunk of chunks) expect(document.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
  });
});

describe('chunkDocument on a loaded document', () => {
  it('chunks by the headings the load found, and reads a copy with other text anew', async () => {
    const [loaded] = await loadCorpus({ dir: CORPUS_DIR, logger: createMemoryLogger() });
    if (!loaded) throw new Error('the corpus has documents');
    const fresh = chunkDocument({ id: loaded.id, title: loaded.title, path: loaded.path, text: loaded.text });
    expect(chunkDocument(loaded)).toEqual(fresh);
    const edited = chunkDocument({ ...loaded, text: '# Only heading\n\nNew text.' });
    expect(edited.map((chunk) => chunk.text)).toEqual(['# Only heading\n\nNew text.']);
  });
});

describe('chunkDocument on unusual Markdown', () => {
  it('ignores # lines inside fenced code', () => {
    const chunks = chunkDocument(doc('# Title\n\n```bash\n# not a heading\n```\n\n## Real\n\ntext'));
    expect(chunks.map((chunk) => chunk.headings.at(-1))).toEqual(['Title', 'Real']);
    expect(chunks[0]?.text).toContain('# not a heading');
  });

  it('turns text before the first heading into a preamble chunk', () => {
    const chunks = chunkDocument(doc('Intro line.\n\n# Title\n\nbody'));
    expect(chunks[0]).toMatchObject({ id: 'notes#preamble', depth: 0, headings: [], text: 'Intro line.' });
  });

  it('makes a file without headings one chunk', () => {
    const chunks = chunkDocument(doc('\n\nJust some prose.\nTwo lines.\n'));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toBe('Just some prose.\nTwo lines.');
  });

  it('yields nothing for an empty document', () => {
    expect(chunkDocument(doc(''))).toEqual([]);
    expect(chunkDocument(doc('\n  \n---\n'))).toEqual([]);
  });

  it('does not let a heading literally named like a suffix collide', () => {
    const chunks = chunkDocument(doc('## A\n\nx\n\n## A-2\n\ny\n\n## A\n\nz'));
    expect(chunks.map((chunk) => chunk.anchor)).toEqual(['a', 'a-2', 'a-3']);
  });
});

describe('slugifyHeading', () => {
  it('keeps CJK, lowercases Latin, drops punctuation and turns spaces into -', () => {
    expect(slugifyHeading('2. 病虫害（Pests / Diseases）')).toBe('2-病虫害pests--diseases');
    expect(slugifyHeading('三、绿茶 vs 红茶')).toBe('三绿茶-vs-红茶');
    expect(slugifyHeading('Harvest & Storage')).toBe('harvest--storage');
    expect(slugifyHeading('？！')).toBe('section');
  });
});
