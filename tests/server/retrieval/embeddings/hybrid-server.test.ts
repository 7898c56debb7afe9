import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../../server/contract.js';
import { type ServerProcess, serverEnv, startServerProcess } from '../../support/start-server-process.js';
import { type FakeEmbeddingsServer, startFakeEmbeddingsServer } from '../fixtures/fake-embeddings-server.js';
import { HYBRID_CONCEPTS, HYBRID_DOCUMENTS, WAX_QUESTION, WAX_SECTION } from '../fixtures/hybrid-corpus.js';

let fake: FakeEmbeddingsServer;
let folder: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  fake = await startFakeEmbeddingsServer(HYBRID_CONCEPTS);
  folder = await mkdtemp(path.join(tmpdir(), 'aipm-hybrid-server-'));
  await mkdir(path.join(folder, 'corpus'));
  for (const document of HYBRID_DOCUMENTS)
    await writeFile(path.join(folder, 'corpus', document.path), document.text);
});
afterEach(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});
afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the server with EMBEDDING_MODEL set', () => {
  it('embeds the corpus into DATA_DIR at startup and answers by meaning', async () => {
    const dataDir = path.join(folder, 'data');
    server = await startServerProcess(dataDir, {
      CORPUS_DIR: path.join(folder, 'corpus'),
      EMBEDDING_MODEL: 'fake-embed',
      EMBEDDING_BASE_URL: fake.baseUrl,
    });

    const response = await fetch(
      `http://127.0.0.1:${server.port}/api/search?q=${encodeURIComponent(WAX_QUESTION)}`,
    );
    const search = (await response.json()) as SearchResponse;

    expect(search.results[0]?.headings.at(-1)).toBe(WAX_SECTION);
    expect(existsSync(path.join(dataDir, 'embeddings'))).toBe(true);
  }, 60_000);

  it('refuses to start with a bad EMBEDDING_BASE_URL, saying which variable and why', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: serverEnv(path.join(folder, 'data'), {
        EMBEDDING_MODEL: 'bge-m3',
        EMBEDDING_BASE_URL: 'localhost:11434/v1',
      }),
      encoding: 'utf8',
      timeout: 30_000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('EMBEDDING_BASE_URL: must be an http:// or https:// URL');
  }, 60_000);
});
