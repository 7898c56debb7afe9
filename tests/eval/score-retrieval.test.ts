import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse, SearchResult } from '../../server/contract.js';
import { createMemoryLogger } from '../../server/logger.js';
import { buildRetriever } from '../../server/retrieval/build-retriever.js';
import type { Retriever } from '../../server/retrieval/types.js';
import type { EvalItem } from './eval-set.js';
import { isWithinExpected, type LocateSection, outcomeOf, scoreRetrieval } from './score-retrieval.js';

const corpusDir = fileURLToPath(new URL('../../corpus', import.meta.url));
const doc = 'ai-pm-roles.zh#';
const APPLICATION_ROLE = `${doc}3-ai-应用产品经理application-pm`;
const CHAPTER_ROLES = `${doc}一ai-产品经理的主要分类业内常见-5-类`;
let retriever: Retriever;
let locate: LocateSection;

beforeAll(async () => {
  retriever = await buildRetriever({ corpusDir, logger: createMemoryLogger() });
  locate = (id) => retriever.section(id);
});

/** The search result for a section of the real corpus, as search would return it. */
function resultFor(id: string, score = 1): SearchResult {
  const section = retriever.section(id);
  if (!section) throw new Error(`no section ${id}`);
  const { docId, docTitle, headings, anchor, text } = section;
  return { id, docId, docTitle, headings, anchor, text, score };
}

function item(expected: string[], overrides: Partial<EvalItem> = {}): EvalItem {
  return {
    id: 'q',
    question: 'Which AI PM role is most in demand?',
    lang: 'en',
    expected,
    offTopic: false,
    ...overrides,
  };
}

function response(ids: string[], answerable = true): SearchResponse {
  return { query: 'q', answerable, results: ids.map((id) => resultFor(id)), tookMs: 1 };
}

describe('an expected section includes its subsections', () => {
  it('counts the expected section itself as a hit', () => {
    expect(isWithinExpected(resultFor(`${doc}需求量-3`), [`${doc}需求量-3`], locate)).toBe(true);
  });

  it('counts any subsection of an expected role as a hit, since the role heading itself is empty', () => {
    expect(isWithinExpected(resultFor(`${doc}需求量-3`), [APPLICATION_ROLE], locate)).toBe(true);
    expect(isWithinExpected(resultFor(`${doc}定义-3`), [APPLICATION_ROLE], locate)).toBe(true);
  });

  it('does not count a sibling role, the intro of the parent chapter or an unrelated section', () => {
    expect(isWithinExpected(resultFor(`${doc}需求量-2`), [APPLICATION_ROLE], locate)).toBe(false);
    expect(isWithinExpected(resultFor(`${doc}正确关系`), [APPLICATION_ROLE], locate)).toBe(false);
    expect(isWithinExpected(resultFor(CHAPTER_ROLES), [APPLICATION_ROLE], locate)).toBe(false);
    expect(isWithinExpected(resultFor(`${doc}需求量-3`), [`${doc}需求量-4`], locate)).toBe(false);
  });

  it('counts every section of an expected chapter, however deep', () => {
    expect(isWithinExpected(resultFor(`${doc}需求量-3`), [CHAPTER_ROLES], locate)).toBe(true);
    expect(isWithinExpected(resultFor(`${doc}典型协作闭环`), [CHAPTER_ROLES], locate)).toBe(false);
  });

  it('does not match a section of another document with the same heading path', () => {
    const elsewhere = { ...resultFor(`${doc}需求量-3`), id: 'other-doc#需求量', docId: 'other-doc' };
    expect(isWithinExpected(elsewhere, [APPLICATION_ROLE], locate)).toBe(false);
  });

  it('counts the aligned section of another edition as the expected one, and only that section', () => {
    const translated = (id: string) => retriever.section(id)?.editions[0]?.id ?? '';
    const demandInOtherEdition = translated(`${doc}需求量-3`);
    expect(demandInOtherEdition).not.toBe('');
    expect(isWithinExpected(resultFor(demandInOtherEdition), [APPLICATION_ROLE], locate)).toBe(true);
    expect(isWithinExpected(resultFor(translated(`${doc}需求量-2`)), [APPLICATION_ROLE], locate)).toBe(false);
  });

  it('reports a question by the edition in its own language when the expected section has one', () => {
    expect(outcomeOf(item([APPLICATION_ROLE]), response([]), locate).direction).toBe('en→en');
    expect(outcomeOf(item([APPLICATION_ROLE], { lang: 'zh' }), response([]), locate).direction).toBe('zh→zh');
  });

  it('ranks a question by the first result inside an expected section', () => {
    const outcome = outcomeOf(
      item([APPLICATION_ROLE]),
      response([`${doc}需求量`, `${doc}需求量-3`, `${doc}定义-3`]),
      locate,
    );
    expect(outcome.rank).toBe(2);
  });

  it('scores a subsection hit into R@1 and MRR, and a "not covered" verdict as a miss', () => {
    const hit = outcomeOf(item([APPLICATION_ROLE]), response([`${doc}需求量-3`]), locate);
    const judgedNotCovered = outcomeOf(item([APPLICATION_ROLE]), response([`${doc}需求量-3`], false), locate);
    const metrics = scoreRetrieval([hit, judgedNotCovered]);
    expect(metrics.byLanguage.en).toMatchObject({
      questions: 2,
      recallAt1: 0.5,
      mrr: 0.5,
      falseNotCovered: 1,
    });
  });
});
