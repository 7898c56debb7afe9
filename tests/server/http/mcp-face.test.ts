import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskOutput, GetSectionOutput, SearchDocsOutput } from '../../../server/contract.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../e2e/support/fake-openai-server.js';
import { fakeModelEnv, serveTestApp } from '../support/serve-test-app.js';
import { serverEnv } from '../support/start-server-process.js';

const QUESTION = '做 AI 基础设施平台的产品经理主要盯哪些方面';

let fake: FakeOpenAiServer;
let served: Awaited<ReturnType<typeof serveTestApp>>;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  served = await serveTestApp(fakeModelEnv(fake.baseUrl));
});
afterAll(async () => {
  await served.close();
  await fake.close();
});

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'contract-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

function sectionIdOf(url: string): string {
  return new URL(url).searchParams.get('section') ?? '';
}

describe('MCP over Streamable HTTP at /mcp, through the MCP SDK client', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(`${served.baseUrl}/mcp`);
  });
  afterAll(() => client.close());

  it('lists the three tools with their input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'get_section', 'search_docs']);
    const search = tools.find((tool) => tool.name === 'search_docs');
    expect(search?.inputSchema.required).toEqual(['query']);
    expect(search?.annotations?.readOnlyHint).toBe(true);
  });

  it('search_docs returns passages with ids, heading paths and links that open them; get_section reads one', async () => {
    const found = await client.callTool({ name: 'search_docs', arguments: { query: QUESTION, limit: 3 } });
    const output = found.structuredContent as SearchDocsOutput;
    expect(output.answerable).toBe(true);
    expect(output.results.length).toBeGreaterThan(0);
    expect(output.results.length).toBeLessThanOrEqual(3);
    for (const passage of output.results) {
      expect(sectionIdOf(passage.url)).toBe(passage.id);
      expect(passage.url.startsWith(`${served.baseUrl}/?section=`)).toBe(true);
      expect(passage.headings.length).toBeGreaterThan(0);
    }
    const first = output.results[0];
    if (!first) throw new Error('no passage');
    expect(JSON.stringify(found.content)).toContain(first.id);

    const read = await client.callTool({ name: 'get_section', arguments: { id: first.id } });
    const section = read.structuredContent as GetSectionOutput;
    expect(read.isError).toBeFalsy();
    expect(section).toMatchObject({
      id: first.id,
      text: first.text,
      headings: first.headings,
      url: first.url,
    });
  });

  it('get_section names the same section in the other language editions, each readable and pointing back', async () => {
    const found = await client.callTool({ name: 'search_docs', arguments: { query: QUESTION, limit: 1 } });
    const first = (found.structuredContent as SearchDocsOutput).results[0];
    if (!first) throw new Error('no passage');
    const read = await client.callTool({ name: 'get_section', arguments: { id: first.id } });
    const { editions } = read.structuredContent as GetSectionOutput;
    expect(editions.length).toBeGreaterThan(0);
    for (const edition of editions) {
      expect(sectionIdOf(edition.url)).toBe(edition.id);
      const other = await client.callTool({ name: 'get_section', arguments: { id: edition.id } });
      const otherSection = other.structuredContent as GetSectionOutput;
      expect(otherSection.editions.map((back) => back.id)).toContain(first.id);
      expect(otherSection.editions.find((back) => back.id === first.id)?.lang).not.toBe(edition.lang);
    }
  });

  it('get_section says so when no section has the id', async () => {
    const read = await client.callTool({ name: 'get_section', arguments: { id: 'no-such-doc#nowhere' } });
    expect(read.isError).toBe(true);
    expect(JSON.stringify(read.content)).toContain('no-such-doc#nowhere');
  });

  it('ask returns the cited answer and its citations, every [n] linked to a listed section', async () => {
    const asked = await client.callTool({ name: 'ask', arguments: { question: QUESTION } });
    const output = asked.structuredContent as AskOutput;
    expect(output.mode).toBe('llm');
    expect(output.fallbackReason).toBeNull();
    const linked = [...output.answer.matchAll(/\[\[(\d+)\]\]\(([^)]+)\)/g)];
    expect(linked.length).toBeGreaterThan(0);
    for (const [, n, url] of linked) {
      const citation = output.citations.find((candidate) => candidate.n === Number(n));
      expect(citation?.url).toBe(url);
      expect(served.deps.retriever.section(sectionIdOf(url ?? ''))).toBeDefined();
    }
    expect(JSON.stringify(asked.content)).toContain('**来源**');
    const linkedNumbers = new Set(linked.map(([, n]) => Number(n)));
    expect(output.citations.map((citation) => citation.n).sort()).toEqual([...linkedNumbers].sort());
  });

  it('refuses arguments past the limits as a tool error naming each one', async () => {
    const result = await client.callTool({ name: 'search_docs', arguments: { query: '', limit: 99 } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/query[\s\S]*limit/);
  });
});

describe('/mcp guards', () => {
  const initialize = (headers: Record<string, string>) =>
    fetch(`${served.baseUrl}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'page', version: '1' },
        },
      }),
    });

  it('refuses a web page of another origin, and serves one on this machine', async () => {
    const foreign = await initialize({ origin: 'http://attacker.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
    expect((await initialize({ origin: 'http://localhost:5173' })).status).toBe(200);
  });

  it('requires a listed bearer key when API_KEYS is set', async () => {
    const KEY = 'test-key-8d41f0a2c3e9';
    const keyed = await serveTestApp({ API_KEYS: KEY });
    try {
      await expect(connect(`${keyed.baseUrl}/mcp`)).rejects.toThrow();
      const client = await connect(`${keyed.baseUrl}/mcp`, { authorization: `Bearer ${KEY}` });
      expect((await client.listTools()).tools).toHaveLength(3);
      await client.close();
    } finally {
      await keyed.close();
    }
  });
});

describe('MCP over stdio (npm run mcp), as desktop clients start it', () => {
  it('serves the tools on stdout, logs on stderr, and exits when the client closes its stdin', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aipm-mcp-stdio-'));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'server/mcp-stdio.ts'],
      env: serverEnv(dataDir, { PUBLIC_BASE_URL: 'https://guide.example' }) as Record<string, string>,
      cwd: process.cwd(),
      stderr: 'pipe',
    });
    const logs: string[] = [];
    transport.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    const client = new Client({ name: 'desktop-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      expect((await client.listTools()).tools).toHaveLength(3);
      const found = await client.callTool({ name: 'search_docs', arguments: { query: QUESTION, limit: 2 } });
      const output = found.structuredContent as SearchDocsOutput;
      expect(output.results[0]?.url).toMatch(/^https:\/\/guide\.example\/\?section=/);
      const asked = await client.callTool({ name: 'ask', arguments: { question: QUESTION } });
      expect((asked.structuredContent as AskOutput).mode).toBe('search');
    } finally {
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(logs.join('')).toContain('"event":"mcp_stdio_ready"');
    expect(logs.join('')).toContain('"reason":"stdin closed"');
  }, 30_000);
});
