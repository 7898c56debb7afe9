import { randomUUID } from 'node:crypto';
import { type CallToolResult, McpServer } from '@modelcontextprotocol/server';
import { detectLanguage } from '../answer/detect-language.js';
import type { AppDeps } from '../app.js';
import {
  type AskOutput,
  askInputSchema,
  askOutputSchema,
  type GetSectionOutput,
  getSectionInputSchema,
  getSectionOutputSchema,
  type SearchDocsOutput,
  searchDocsInputSchema,
  searchDocsOutputSchema,
} from '../contract.js';
import { answerChunks, chatAnswerInput } from '../http/chat-answer-input.js';
import { collectAnswer } from '../http/chat-completion-shape.js';
import { citationTitle, createCitedMarkdown } from '../http/cited-markdown.js';
import { sectionUrl } from '../http/deep-link.js';
import { followChatAnswer } from '../http/follow-chat-answer.js';

export type McpDeps = Pick<
  AppDeps,
  'retriever' | 'model' | 'config' | 'logger' | 'store' | 'version' | 'drain'
>;

const INSTRUCTIONS =
  'Answers questions about AI product-manager careers from a curated Markdown corpus. Use `ask` for a cited ' +
  'answer, `search_docs` for passages to read yourself, `get_section` for one passage in full. Keep the [n] ' +
  'links when you quote an answer: each opens the section it came from.';

/** A tool result with the same data as readable text (for clients that show only text) and as structure. */
function result<T extends Record<string, unknown>>(text: string, structured: T): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

function searchText(output: SearchDocsOutput): string {
  if (output.results.length === 0) return `No passages match "${output.query}".`;
  const note = output.answerable ? '' : 'The corpus does not cover this well; the closest passages:\n\n';
  const passages = output.results.map(
    (passage) =>
      `## ${passage.headings.join(' › ')}\nid: ${passage.id}\n${passage.url}\n\n${passage.text.trim()}`,
  );
  return note + passages.join('\n\n');
}

async function askQuestion(
  deps: McpDeps,
  base: string,
  question: string,
  signal: AbortSignal,
): Promise<AskOutput> {
  const messages = [{ id: 'q', role: 'user' as const, parts: [{ type: 'text' as const, text: question }] }];
  const answer = followChatAnswer(
    answerChunks(deps, chatAnswerInput(deps, { messages, requestId: randomUUID(), signal })),
  );
  const markdown = createCitedMarkdown({ base, language: detectLanguage(question) });
  await collectAnswer(answer, markdown);
  if (answer.state.error !== null) throw new Error(answer.state.error);
  const { citations, metadata } = answer.state;
  return {
    answer: markdown.content,
    mode: metadata.mode,
    fallbackReason: metadata.fallbackReason ?? null,
    notCovered: citations.notCovered,
    // The sections the answer cites, as its Sources list names them; not every passage the model was shown.
    citations: citations.citations
      .filter((citation) => markdown.cited.has(citation.n))
      .map((citation) => ({
        n: citation.n,
        id: citation.id,
        docTitle: citation.docTitle,
        headings: citation.headings,
        url: sectionUrl(base, citation.id),
        citedBy: citation.citedBy,
      })),
  };
}

const READ_ONLY = { readOnlyHint: true, openWorldHint: false };

function registerSearchDocs(server: McpServer, deps: McpDeps, base: string): void {
  server.registerTool(
    'search_docs',
    {
      title: 'Search the AI PM corpus',
      description: 'Ranked passages for a question, each with its id, heading path and a link that opens it.',
      inputSchema: searchDocsInputSchema,
      outputSchema: searchDocsOutputSchema,
      annotations: READ_ONLY,
    },
    async ({ query, limit }) => {
      const search = await deps.retriever.search(query, { limit });
      const output: SearchDocsOutput = {
        query: search.query,
        answerable: search.answerable,
        results: search.results.map((passage) => ({
          id: passage.id,
          docTitle: passage.docTitle,
          headings: passage.headings,
          url: sectionUrl(base, passage.id),
          text: passage.text,
          score: passage.score,
        })),
      };
      return result(searchText(output), output);
    },
  );
}

function registerGetSection(server: McpServer, deps: McpDeps, base: string): void {
  server.registerTool(
    'get_section',
    {
      title: 'Read one section',
      description:
        'The full text of a passage by id, with its heading path, link, neighbouring sections and the same ' +
        'section in other language editions.',
      inputSchema: getSectionInputSchema,
      outputSchema: getSectionOutputSchema,
      annotations: READ_ONLY,
    },
    async ({ id }) => {
      const section = deps.retriever.section(id);
      if (!section) {
        return { content: [{ type: 'text', text: `No section has the id "${id}".` }], isError: true };
      }
      const neighbour = (entry: typeof section.prev) =>
        entry ? { id: entry.id, headings: entry.headings } : null;
      const output: GetSectionOutput = {
        id: section.id,
        docTitle: section.docTitle,
        headings: section.headings,
        url: sectionUrl(base, section.id),
        text: section.text,
        prev: neighbour(section.prev),
        next: neighbour(section.next),
        editions: section.editions.map((edition) => ({ ...edition, url: sectionUrl(base, edition.id) })),
      };
      return result(`## ${citationTitle(section)}\n${output.url}\n\n${section.text.trim()}`, output);
    },
  );
}

function registerAsk(server: McpServer, deps: McpDeps, base: string): void {
  server.registerTool(
    'ask',
    {
      title: 'Ask with citations',
      description:
        'A cited answer from the corpus: every [n] is a verified citation linking to its section; the ' +
        'citations list says which sentences each one supports.',
      inputSchema: askInputSchema,
      outputSchema: askOutputSchema,
      annotations: READ_ONLY,
    },
    async ({ question }, context) => {
      const output = await askQuestion(deps, base, question, context.mcpReq.signal);
      return result(output.answer, output);
    },
  );
}

/**
 * The MCP server: `search_docs`, `get_section` and `ask` over the app's own retriever and answer pipeline,
 * with every link built for `base` (where the web UI is). One instance serves one HTTP request or one stdio
 * connection.
 */
export function createMcpServer(deps: McpDeps, base: string): McpServer {
  const server = new McpServer({ name: 'aipm-guide', version: deps.version }, { instructions: INSTRUCTIONS });
  registerSearchDocs(server, deps, base);
  registerGetSection(server, deps, base);
  registerAsk(server, deps, base);
  return server;
}
