import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../server/retrieval/analyze-query.js';
import { compileGlossary } from '../../../server/retrieval/compile-glossary.js';
import { type Glossary, type GlossaryMatcher, loadGlossary } from '../../../server/retrieval/glossary.js';
import { EXPANSION_WEIGHT } from '../../../server/retrieval/query-concept.js';

const glossaryFile = fileURLToPath(new URL('../../../corpus/glossary.json', import.meta.url));
let glossary: Glossary;
let matcher: GlossaryMatcher;

beforeAll(async () => {
  glossary = await loadGlossary(path.resolve(glossaryFile));
  matcher = compileGlossary(glossary);
});

function concept(query: string, label: string) {
  return analyzeQuery(query, matcher).concepts.find((entry) => entry.label.split('|').includes(label));
}

function expands(query: string, label: string): string[] {
  return concept(query, label)?.alternatives.map((alternative) => alternative.term) ?? [];
}

describe('the AI-PM glossary', () => {
  it('is broad: 150+ synonym sets of general AI/ML/PM vocabulary', () => {
    expect(glossary.entries.length).toBeGreaterThanOrEqual(150);
  });

  it('takes an English question to the Chinese section words', () => {
    expect(expands('What is a data flywheel?', 'data-flywheel')).toEqual(
      expect.arrayContaining(['数据闭环', '数据飞轮']),
    );
    expect(expands('Which role is most in demand?', 'demand')).toContain('需求量');
    expect(expands('What deliverables does it produce?', 'deliverables')).toContain('产出内容');
    expect(expands('day-to-day work of a vertical PM', 'daily-work')).toContain('日常工作');
    expect(expands('people from a non-CS background', 'non-cs')).toEqual(
      expect.arrayContaining(['非科班', '非 cs']),
    );
  });

  it('maps Chinese synonyms onto each other', () => {
    expect(expands('数据飞轮怎么做', 'data-flywheel')).toContain('数据闭环');
    expect(expands('哪类最缺人', 'demand')).toContain('需求量');
  });

  it('weighs expanded synonyms below the words the user typed', () => {
    const flywheel = concept('数据飞轮', 'data-flywheel');
    expect(flywheel?.alternatives.find((alternative) => alternative.term === '数据飞轮')?.weight).toBe(1);
    expect(flywheel?.alternatives.find((alternative) => alternative.term === '数据闭环')?.weight).toBe(
      EXPANSION_WEIGHT,
    );
    expect(EXPANSION_WEIGHT).toBeLessThan(1);
  });

  it('prefers the longest term at a position: `hiring demand` is one concept, `non-technical` keeps its `non`', () => {
    expect(analyzeQuery('hiring demand', matcher).concepts.map((entry) => entry.label)).toEqual(['demand']);
    const labels = analyzeQuery('a non-technical background', matcher).concepts.map((entry) => entry.label);
    expect(labels).toContain('non-cs');
    expect(labels).not.toContain('technical');
  });

  it('expands an ambiguous word to every sense it has', () => {
    const outputs = concept('What outputs does a vertical PM create?', 'deliverables');
    const terms = outputs?.alternatives.map((alternative) => alternative.term) ?? [];
    expect(terms).toEqual(expect.arrayContaining(['产出内容', '输出']));
  });

  it('tells AI/PM vocabulary from everyday words', () => {
    expect(concept('model evaluation', 'evaluation')?.scope).toBe('domain');
    expect(concept('a good morning routine', 'daily-work')?.scope).toBe('general');
  });

  it('marks domain-generic words generic and drops question filler', () => {
    const concepts = analyzeQuery('请问 AI 产品经理的日常工作', matcher).concepts;
    expect(concepts.find((entry) => entry.label.includes('pm'))?.kind).toBe('generic');
    expect(concepts.map((entry) => entry.label)).not.toContain('请问');
  });
});
