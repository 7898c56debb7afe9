import type { CompareResponse, OutlineResponse, SearchResponse, SectionResponse } from '../contract.js';
import type { Alternative } from './analyze-query.js';
import type { CoverageJudgment } from './judge-coverage.js';

/** A Markdown file from the corpus, as loaded. */
export interface SourceDocument {
  /** Stable id: the path under the corpus directory without extension, e.g. `ai-pm-roles.zh`. */
  id: string;
  /** The first H1, or the file name when there is none. */
  title: string;
  /** Path relative to the corpus directory. */
  path: string;
  text: string;
}

/** A heading-bounded slice of a document: the unit that is indexed, retrieved and cited. */
export interface Chunk {
  /** Stable across restarts: derived from doc id + anchor (+ ordinal when anchors repeat). */
  id: string;
  docId: string;
  docTitle: string;
  /** Heading path H1 → Hn, outermost first, without `#` markers. */
  headings: string[];
  /** Depth of the chunk's own heading (1–6); 0 for text before the first heading. */
  depth: number;
  /** URL-safe slug of the chunk's own heading, unique within its document. */
  anchor: string;
  /** The chunk's own Markdown: exactly `document.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Position in the heading tree: sibling ordinals from the outermost heading in, e.g. `1.3.2`; `0` for a preamble. */
  indexPath: string;
  /**
   * Shared by the aligned sections of a document's editions (`guide.en.md`, `guide.zh.md` → `guide#1.3.2`);
   * a section with no aligned counterpart keeps its own `<doc>#<indexPath>`.
   */
  sectionKey: string;
}

export interface SearchOptions {
  limit?: number;
  /** The section the question was asked from: it and its neighbours are favoured (see scope-boost.ts). */
  scopeSectionId?: string;
  /**
   * The question rewritten into the corpus's other languages (by the condensation call): each is searched
   * too and the rankings fused (fuse-forms.ts); results stay in the question's language.
   */
  rewrites?: string[];
  /**
   * The reader's language, when the query is not their own words (a follow-up resolved to a heading, which may
   * be written in both languages): results are shown in this language's edition. Default: the query's.
   */
  language?: 'zh' | 'en';
}

/** Retrieval as the rest of the app sees it: the HTTP routes, the answer layer and the eval all use this. */
export interface Retriever {
  readonly stats: { docs: number; chunks: number };
  /**
   * True while the index is still being built or loaded (see warming-retriever.ts): `search` and `section`
   * would throw. Absent on a retriever that was ready when it was made.
   */
  readonly warming?: boolean;
  /** Ranked passages for a question in Chinese or English, and whether the corpus covers it. */
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** A chunk by id in its document context; undefined when no chunk has that id. */
  section(id: string): SectionResponse | undefined;
  /** Every document's table of contents; absent on retrievers that have no corpus to show (test fakes). */
  outline?(): OutlineResponse;
  /** Sibling sections written to one template, as tables (compare-groups.ts); absent like `outline`. */
  compare?(): CompareResponse;
  /** The languages the corpus is written in; absent like `outline`. */
  languages?(): Array<'zh' | 'en'>;
}

/** Why a search ranked what it did: for the eval's miss reports and the coverage calibration. */
export interface SearchExplanation extends CoverageJudgment {
  language: 'zh' | 'en';
  /** Each concept of the question, its importance (idf) and every way it was searched. */
  concepts: Array<{
    label: string;
    importance: number;
    alternatives: Array<Pick<Alternative, 'text' | 'source' | 'weight'>>;
  }>;
  ranked: Array<{ id: string; score: number; held: string[] }>;
}

/** The retriever this module builds: the `Retriever` contract plus `explain` for tools. */
export interface ExplainableRetriever extends Retriever {
  explain(query: string, options?: SearchOptions): SearchExplanation;
}
