import { describe, expect, it } from 'vitest';
import type { GuideDocument, GuideOutlineEntry } from '../../../server/contract.js';
import { filterOutline, readerDocuments, topicOf } from '../../../web/lib/guide-outline.js';
import { formatGuideRoute, parseGuideRoute } from '../../../web/lib/guide-route.js';
import { pageFor, shareIdFor } from '../../../web/lib/page-route.js';
import { suggestFollowUps } from '../../../web/lib/suggest-follow-ups.js';

function entry(docId: string, headings: string[], key: string, hasText = true): GuideOutlineEntry {
  const anchor = headings.at(-1)?.toLowerCase().replace(/\s+/g, '-') ?? '';
  return {
    id: `${docId}#${anchor}${key.replace(/\W/g, '')}`,
    headings,
    anchor,
    depth: headings.length,
    key,
    hasText,
  };
}

/** A two-edition outline: a guide to teas, three kinds each with Brewing and Taste. */
function teaGuide(docId: string, lang: 'en' | 'zh', words: Record<string, string>): GuideDocument {
  const root = [words.title ?? ''];
  const kinds = [...root, words.kinds ?? ''];
  const outline: GuideOutlineEntry[] = [
    entry(docId, root, 'tea#1', false),
    entry(docId, kinds, 'tea#1.1', false),
  ];
  for (const [at, kind] of ['green', 'black', 'oolong'].entries()) {
    const kindPath = [...kinds, words[kind] ?? ''];
    outline.push(entry(docId, kindPath, `tea#1.1.${at + 1}`, false));
    outline.push(entry(docId, [...kindPath, words.brewing ?? ''], `tea#1.1.${at + 1}.1`));
    outline.push(entry(docId, [...kindPath, words.taste ?? ''], `tea#1.1.${at + 1}.2`));
  }
  return { id: docId, title: words.title ?? '', lang, outline };
}

const english = teaGuide('tea.en', 'en', {
  title: 'Tea',
  kinds: 'Kinds',
  green: '1. Green',
  black: '2. Black',
  oolong: '3. Oolong',
  brewing: 'Brewing',
  taste: 'Taste',
});
const chinese = teaGuide('tea.zh', 'zh', {
  title: '茶',
  kinds: '种类',
  green: '1. 绿茶',
  black: '2. 红茶',
  oolong: '3. 乌龙',
  brewing: '冲泡',
  taste: '口味',
});

describe('the guide outline in the browser', () => {
  it('shows one edition per document, the reader’s language when it has one', () => {
    expect(readerDocuments([english, chinese], 'zh').map((document) => document.id)).toEqual(['tea.zh']);
    expect(readerDocuments([english, chinese], 'en').map((document) => document.id)).toEqual(['tea.en']);
  });

  it('filters headings as you type, keeping the matches’ ancestors as context', () => {
    const filtered = filterOutline(english.outline, 'brew');
    expect(filtered.filter((item) => item.matched).map((item) => item.headings.at(-1))).toEqual([
      'Brewing',
      'Brewing',
      'Brewing',
    ]);
    expect(filtered.find((item) => item.headings.at(-1) === '2. Black')?.matched).toBe(false);
    expect(filtered.some((item) => item.headings.at(-1) === 'Taste')).toBe(false);
  });

  it('names a generic sub-heading together with its parent, without the numbering', () => {
    expect(topicOf(['Tea', 'Kinds', '2. Black', 'Taste'])).toBe('Black · Taste');
    expect(topicOf(['Tea', 'Kinds'])).toBe('Kinds');
  });
});

describe('suggested follow-ups', () => {
  it('come from the siblings and the same sub-heading of neighbouring sections, never the cited one', () => {
    const cited = english.outline.find((item) => item.headings.join('/') === 'Tea/Kinds/2. Black/Brewing');
    const followUps = suggestFollowUps([cited?.id ?? ''], [english, chinese], 'en');
    expect(followUps.map((followUp) => followUp.topic)).toEqual([
      'Black · Taste',
      'Green · Brewing',
      'Oolong · Brewing',
    ]);
  });

  it('are named in the reader’s language even when the cited section is in the other edition', () => {
    const cited = english.outline.find((item) => item.headings.join('/') === 'Tea/Kinds/2. Black/Brewing');
    const followUps = suggestFollowUps([cited?.id ?? ''], [english, chinese], 'zh');
    expect(followUps[0]).toMatchObject({ topic: '红茶 · 口味' });
    expect(followUps[0]?.sectionId.startsWith('tea.zh#')).toBe(true);
  });

  it('are none for a section the outline does not know', () => {
    expect(suggestFollowUps(['nowhere#x'], [english], 'en')).toEqual([]);
  });
});

describe('links', () => {
  it('carry the conversation, the guide view and the open section, keeping other parameters', () => {
    const route = { conversationId: 'c1', guide: 'contents' as const, sectionId: 'tea.en#taste' };
    const search = formatGuideRoute(route, '?utm=x');
    expect(parseGuideRoute(search)).toEqual(route);
    expect(new URLSearchParams(search).get('utm')).toBe('x');
    expect(parseGuideRoute('?guide=contents&s=tea.en%23taste').sectionId).toBe('tea.en#taste');
    expect(parseGuideRoute('?guide=compare&s=tea.en%23taste').sectionId).toBeNull();
    expect(parseGuideRoute('?c=c1')).toEqual({ conversationId: 'c1', guide: null, sectionId: null });
  });

  it('carry the section open beside the chat as `s` without a guide view', () => {
    const route = { conversationId: 'c1', guide: null, sectionId: 'tea.en#taste' };
    expect(formatGuideRoute(route)).toBe('?c=c1&s=tea.en%23taste');
    expect(parseGuideRoute('?c=c1&s=tea.en%23taste')).toEqual(route);
  });

  it('read a link handed out by the other channels (`?section=`) as that section, written back as `s`', () => {
    const route = parseGuideRoute('?section=tea.en%23taste');
    expect(route).toEqual({ conversationId: null, guide: null, sectionId: 'tea.en#taste' });
    expect(formatGuideRoute({ ...route, conversationId: 'c1' }, '?section=tea.en%23taste')).toBe(
      '?c=c1&s=tea.en%23taste',
    );
  });

  it('send /s/<id> to the share page', () => {
    expect(pageFor('/s/AbCdEfGhIjKlMnOpQrStUv')).toBe('share');
    expect(shareIdFor('/s/AbCdEfGhIjKlMnOpQrStUv')).toBe('AbCdEfGhIjKlMnOpQrStUv');
    expect(pageFor('/s/')).toBe('chat');
  });
});
