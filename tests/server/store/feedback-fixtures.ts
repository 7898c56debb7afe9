import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  CitationFlagsRequest,
  FeedbackRequest,
  SectionResponse,
  ShareRequest,
} from '../../../server/contract.js';
import type { Retriever } from '../../../server/retrieval/types.js';

/** A valid 👎 feedback body as the web client sends it; override what the story is about. */
export function aFeedback(overrides: Partial<FeedbackRequest> = {}): FeedbackRequest {
  return {
    id: randomUUID(),
    messageId: `message-${randomUUID()}`,
    rating: 'down',
    reasons: ['wrong'],
    comment: 'The salary range is outdated',
    question: 'What does an AI PM do day to day?',
    answer: 'An AI PM defines evaluation criteria [1] and ships model features [2].',
    mode: 'search',
    citations: [
      { n: 1, id: 'ai-pm-roles.zh#evaluation' },
      { n: 2, id: 'ai-pm-roles.zh#shipping' },
    ],
    ...overrides,
  };
}

/** The golden-set candidate line a 👎 on an English `aFeedback()` becomes: its cited sections are expected. */
export function aFeedbackCandidate(feedback: FeedbackRequest, note: unknown) {
  return {
    id: `fb-${feedback.id}`,
    question: feedback.question,
    lang: 'en',
    expected: ['ai-pm-roles.zh#evaluation', 'ai-pm-roles.zh#shipping'],
    offTopic: false,
    reviewed: false,
    source: 'feedback',
    note,
  };
}

/** A fresh directory under the OS temp dir, removed by the returned cleanup. */
export function aTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock that moves one second per call, so rows get distinct, ordered timestamps without sleeping. */
export function aSteppingClock(start = '2026-01-01T00:00:00.000Z'): () => Date {
  let tick = 0;
  return () => new Date(Date.parse(start) + 1000 * tick++);
}

/** A two-section retriever: enough for routes that only resolve cited ids to their heading paths. */
export function aTwoSectionRetriever(): Retriever {
  const sections: Record<string, string[]> = {
    'ai-pm-roles.zh#evaluation': ['AI 产品经理', '评测 (Evaluation)'],
    'ai-pm-roles.zh#shipping': ['AI 产品经理', '上线 (Shipping)'],
  };
  const outline = Object.entries(sections).map(([id, headings]) => ({
    id,
    headings,
    anchor: id.split('#')[1] ?? id,
    depth: headings.length,
  }));
  return {
    stats: { docs: 1, chunks: outline.length },
    async search(query) {
      return { query, answerable: false, results: [], tookMs: 0 };
    },
    section(id): SectionResponse | undefined {
      const entry = outline.find((candidate) => candidate.id === id);
      if (!entry) return undefined;
      const text = `## ${entry.headings.at(-1)}\n\nSection text.`;
      return {
        id,
        docId: 'ai-pm-roles.zh',
        docTitle: 'AI 产品经理',
        headings: entry.headings,
        anchor: entry.anchor,
        text,
        start: 0,
        end: text.length,
        document: { id: 'ai-pm-roles.zh', title: 'AI 产品经理', outline },
        prev: null,
        next: null,
        editions: [],
      };
    },
  };
}

/** A flag report on `aFeedback()`'s answer: citation 1 does not support the first sentence. */
export function aFlagReport(overrides: Partial<CitationFlagsRequest> = {}): CitationFlagsRequest {
  return {
    messageId: `message-${randomUUID()}`,
    question: 'What does an AI PM do day to day?',
    mode: 'llm',
    model: 'gpt-4o-mini',
    citations: [
      { n: 1, id: 'ai-pm-roles.zh#evaluation' },
      { n: 2, id: 'ai-pm-roles.zh#shipping' },
    ],
    flags: [{ n: 1, sentence: 'An AI PM defines evaluation criteria [1].' }],
    ...overrides,
  };
}

/** A section as a shared answer carries it, with every field the chat stream gave it. */
function aSharedSection(n: number, id: string) {
  return {
    id,
    docId: 'ai-pm-roles.zh',
    docTitle: 'AI 产品经理',
    headings: ['AI 产品经理', `Section ${n}`],
    anchor: id.split('#')[1] ?? id,
    text: `## Section ${n}\n\nWhat the section says, "quoted", with a comma.`,
    score: 1.5 / n,
  };
}

function aSharedCitation(n: number, id: string) {
  return {
    ...aSharedSection(n, id),
    n,
    highlights: [{ start: 0, end: 12 }],
    citedBy: [`Sentence citing [${n}].`],
  };
}

/** A two-turn conversation as `POST /api/shares` takes it. */
export function aShareSnapshot(overrides: Partial<ShareRequest> = {}): ShareRequest {
  return {
    title: 'Evaluation and shipping',
    turns: [
      {
        question: 'What does an AI PM do day to day?',
        answer: 'An AI PM defines evaluation criteria [1] and ships model features [2].',
        mode: 'llm',
        model: 'gpt-4o-mini',
        citations: [
          aSharedCitation(1, 'ai-pm-roles.zh#evaluation'),
          aSharedCitation(2, 'ai-pm-roles.zh#shipping'),
        ],
      },
      {
        question: '火星上的 AI PM 薪资？',
        answer: 'The guide does not cover this.',
        mode: 'search',
        notCovered: true,
        citations: [],
        nearest: [aSharedSection(3, 'ai-pm-roles.zh#salary')],
      },
    ],
    ...overrides,
  };
}

/** A clock that returns the given instants in order, one per stored row; running out is a test bug. */
export function aScriptedClock(instants: string[]): () => Date {
  const queue = [...instants];
  return () => {
    const next = queue.shift();
    if (!next) throw new Error('the scripted clock ran out of instants');
    return new Date(next);
  };
}
