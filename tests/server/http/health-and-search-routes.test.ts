import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, HealthResponse, SearchResponse, SectionResponse } from '../../../server/contract.js';
import { CORPUS_DIR } from '../support/corpus-retrieval.js';
import { createTestApp } from '../support/create-test-app.js';

let testApp: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

const get = (path: string) => testApp.app.request(path);

describe('GET /api/health', () => {
  it('tells a keyless client it is in search mode and how much it knows', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthResponse;
    const documents = (await readdir(CORPUS_DIR)).filter((name) => name.endsWith('.md'));
    expect(body).toMatchObject({ status: 'ok', mode: 'search', model: null, docs: documents.length });
    expect(body.chunks).toBeGreaterThan(20);
  });
});

describe('GET /api/search', () => {
  it('finds the section about the highest-demand role for a Chinese question', async () => {
    const response = await get(`/api/search?q=${encodeURIComponent('哪类 AI 产品经理需求量最高？')}&limit=3`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SearchResponse;
    expect(body.answerable).toBe(true);
    expect(body.results).toHaveLength(3);
    expect(body.results.some((result) => result.text.includes('最高'))).toBe(true);
    const [first] = body.results;
    expect(first).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        docId: 'ai-pm-roles.zh',
        docTitle: expect.stringContaining('AI 产品经理'),
        headings: expect.any(Array),
        anchor: expect.any(String),
        text: expect.any(String),
        score: expect.any(Number),
      }),
    );
    expect(body.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('reaches Chinese sections from an English question', async () => {
    const response = await get(
      `/api/search?q=${encodeURIComponent('What does an AI platform PM care about?')}`,
    );
    const body = (await response.json()) as SearchResponse;
    expect(body.answerable).toBe(true);
    expect(body.results.slice(0, 3).some((result) => result.headings.join(' ').includes('Platform PM'))).toBe(
      true,
    );
  });

  it('judges an off-topic question not covered', async () => {
    const response = await get(`/api/search?q=${encodeURIComponent('How do I bake sourdough bread?')}`);
    const body = (await response.json()) as SearchResponse;
    expect(body.answerable).toBe(false);
  });

  it.each([
    ['a missing q', '/api/search'],
    ['an empty q', '/api/search?q='],
    ['a blank q', '/api/search?q=%20%20'],
    ['an over-long q', `/api/search?q=${'a'.repeat(501)}`],
    ['a limit that is not a number', '/api/search?q=PM&limit=lots'],
    ['a limit out of range', '/api/search?q=PM&limit=1000'],
  ])('answers 400 with a JSON error for %s', async (_case, path) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toEqual(expect.any(String));
  });
});

describe('GET /api/sections/:id', () => {
  it('returns a cited section with its document context', async () => {
    const search = (await (
      await get(`/api/search?q=${encodeURIComponent('数据闭环')}`)
    ).json()) as SearchResponse;
    const hit = search.results[0];
    expect(hit).toBeDefined();
    const response = await get(`/api/sections/${encodeURIComponent(hit?.id ?? '')}`);
    expect(response.status).toBe(200);
    const section = (await response.json()) as SectionResponse;
    expect(section).toMatchObject({ id: hit?.id, text: hit?.text, headings: hit?.headings });
    expect(section.end - section.start).toBe(section.text.length);
    expect(section.document.outline.some((entry) => entry.id === section.id)).toBe(true);
  });

  it('lists the same section in the other editions, each of which lists it back', async () => {
    const search = (await (
      await get(`/api/search?q=${encodeURIComponent('数据闭环')}`)
    ).json()) as SearchResponse;
    const section = (await (
      await get(`/api/sections/${encodeURIComponent(search.results[0]?.id ?? '')}`)
    ).json()) as SectionResponse;
    expect(section.editions.length).toBeGreaterThan(0);
    for (const edition of section.editions) {
      const response = await get(`/api/sections/${encodeURIComponent(edition.id)}`);
      expect(response.status).toBe(200);
      const other = (await response.json()) as SectionResponse;
      expect(other.docId).not.toBe(section.docId);
      expect(other.editions).toContainEqual({ lang: expect.any(String), id: section.id });
    }
  });

  it('answers 404 for an unknown section and 400 for an absurd id', async () => {
    expect((await get('/api/sections/no-such-section')).status).toBe(404);
    expect((await get(`/api/sections/${'x'.repeat(400)}`)).status).toBe(400);
  });
});

describe('unknown routes', () => {
  it('answers a JSON 404', async () => {
    const response = await get('/api/nope');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
  });
});
