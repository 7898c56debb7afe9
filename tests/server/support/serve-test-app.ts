import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createChatModel } from '../../../server/answer/create-chat-model.js';
import type { AppDeps } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { createTestApp } from './create-test-app.js';

/** LLM mode against the loopback fake model at `baseUrl`: no retries, so a fault shows at once. */
export function fakeModelEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    OPENAI_API_KEY: 'sk-upstream-test',
    OPENAI_BASE_URL: baseUrl,
    OPENAI_MODEL: 'fake-model',
    LLM_MAX_RETRIES: '0',
    ...extra,
  };
}

/**
 * The test app (real retriever, real SQLite) served on a real loopback port, so real clients — the OpenAI
 * SDK, the AI SDK, the MCP SDK — talk to it over HTTP. `env` is read like the process environment; with
 * OPENAI_API_KEY set the app is in LLM mode against OPENAI_BASE_URL; `overrides` replace dependencies (e.g. a
 * retriever over a fixture corpus). Call `close()` when done.
 */
export async function serveTestApp(env: Record<string, string> = {}, overrides: Partial<AppDeps> = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', OPENAI_API_KEY: '', ...env });
  const testApp = await createTestApp({ config, model: createChatModel(config.llm), ...overrides });
  const server = serve({ fetch: testApp.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ...testApp,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      testApp.close();
    },
  };
}
