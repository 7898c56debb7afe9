import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { alignEditions, parseEdition } from '../../../server/retrieval/align-editions.js';
import { chunkDocument } from '../../../server/retrieval/chunk-markdown.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import type { SourceDocument } from '../../../server/retrieval/types.js';
import { HIVES_EN_DOC, HIVES_ZH_DOC, HIVES_ZH_DRIFTED_DOC, POTTERY_DOC } from './fixtures/edition-pair.js';

function aligned(documents: SourceDocument[], logger = createMemoryLogger()) {
  return alignEditions(documents, documents.flatMap(chunkDocument), logger);
}

function keyOf(chunks: ReturnType<typeof aligned>, docId: string, heading: string): string | undefined {
  return chunks.find((chunk) => chunk.docId === docId && chunk.headings.at(-1) === heading)?.sectionKey;
}

describe('editions of one document', () => {
  it('reads the document name and language from <name>.<lang>', () => {
    expect(parseEdition('guides/hives.zh-CN')).toEqual({ name: 'guides/hives', lang: 'zh-cn' });
    expect(parseEdition('hives.en')).toEqual({ name: 'hives', lang: 'en' });
    expect(parseEdition('hives')).toBeUndefined();
    expect(parseEdition('notes.draft')).toBeUndefined();
  });

  it('gives sections at the same place in the heading tree one shared key', () => {
    const chunks = aligned([HIVES_EN_DOC, HIVES_ZH_DOC, POTTERY_DOC]);
    expect(keyOf(chunks, 'hives.en', 'Top-Bar Hive')).toBe('hives#1.1.2');
    expect(keyOf(chunks, 'hives.zh', '卧式蜂箱')).toBe('hives#1.1.2');
    expect(keyOf(chunks, 'hives.zh', '冬季')).toBe(keyOf(chunks, 'hives.en', 'Winter'));
  });

  it('leaves a document without editions keyed by its own id', () => {
    const chunks = aligned([HIVES_EN_DOC, POTTERY_DOC]);
    expect(keyOf(chunks, 'pottery.en', 'Glazes')).toBe('pottery.en#1.1');
    expect(keyOf(chunks, 'hives.en', 'Winter')).toBe('hives.en#1.2.1');
  });

  it('aligns only the matching prefix of trees that drifted apart, and says so', () => {
    const logger = createMemoryLogger();
    const chunks = aligned([HIVES_EN_DOC, HIVES_ZH_DRIFTED_DOC], logger);
    expect(keyOf(chunks, 'hives.zh', '卧式蜂箱')).toBe(keyOf(chunks, 'hives.en', 'Top-Bar Hive'));
    expect(keyOf(chunks, 'hives.zh', '冬季')).not.toBe(keyOf(chunks, 'hives.en', 'Winter'));
    const warning = logger.lines.find((line) => line.event === 'edition_outline_mismatch');
    // Title, one H2 and its two H3s, and the next H2 (same shape, whatever its words): five sections.
    expect(warning).toMatchObject({ level: 'warn', document: 'hives', aligned: 5 });
  });
});

describe('searching a corpus with editions', () => {
  async function retriever(documents = [HIVES_EN_DOC, HIVES_ZH_DOC, POTTERY_DOC]) {
    return createRetriever({ documents, logger: createMemoryLogger() });
  }

  it('answers an English question from the English edition, citing each section once', async () => {
    const { results } = await (await retriever()).search('top-bar hive comb 卧式蜂箱');
    const docs = results.map((result) => result.docId);
    expect(docs[0]).toBe('hives.en');
    expect(results.filter((result) => result.headings.at(-1) === '卧式蜂箱')).toEqual([]);
  });

  it('answers a Chinese question from the Chinese edition', async () => {
    const { results } = await (await retriever()).search('冬季怎样防止老鼠进入蜂箱？');
    expect(results[0]).toMatchObject({ docId: 'hives.zh', headings: ['养蜂入门', '季节管理', '冬季'] });
    expect(results.some((result) => result.headings.at(-1) === 'Winter')).toBe(false);
  });

  it('lets the panel switch a section to its other editions', async () => {
    const search = await retriever();
    const english = search.section('hives.en#winter');
    expect(english?.editions).toEqual([{ lang: 'zh', id: 'hives.zh#冬季' }]);
    expect(search.section('hives.zh#冬季')?.editions).toEqual([{ lang: 'en', id: 'hives.en#winter' }]);
    expect(search.section('pottery.en#glazes')?.editions).toEqual([]);
  });

  it('still loads editions whose heading trees differ', async () => {
    const search = await retriever([HIVES_EN_DOC, HIVES_ZH_DRIFTED_DOC]);
    expect(search.section('hives.en#winter')?.editions).toEqual([]);
    expect((await search.search('朗氏蜂箱')).results[0]?.docId).toBe('hives.zh');
  });
});

describe('a second edition leaves the words of the first as telling as before', () => {
  it('weighs a Chinese word the same with or without the English edition beside it', async () => {
    const alone = await createRetriever({ documents: [HIVES_ZH_DOC], logger: createMemoryLogger() });
    const both = await createRetriever({
      documents: [HIVES_EN_DOC, HIVES_ZH_DOC],
      logger: createMemoryLogger(),
    });
    const importance = (explained: { concepts: Array<{ importance: number }> }) =>
      explained.concepts.map((concept) => concept.importance);
    expect(importance(both.explain('蜂箱 冬季'))).toEqual(importance(alone.explain('蜂箱 冬季')));
  });

  it('does not "correct" an everyday English word into a corpus word one letter away', async () => {
    const search = await createRetriever({ documents: [HIVES_EN_DOC], logger: createMemoryLogger() });
    const sources = search.explain('nice hive').concepts.flatMap((concept) => concept.alternatives);
    expect(sources.some((alternative) => alternative.source === 'spelling')).toBe(false);
    const typo = search.explain('langstrth').concepts.flatMap((concept) => concept.alternatives);
    expect(typo).toContainEqual(expect.objectContaining({ text: 'langstroth', source: 'spelling' }));
  });
});
