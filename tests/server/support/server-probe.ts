import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerProcess } from './start-server-process.js';

/** A small synthetic corpus, so that a server process starts in a moment. */
export function writeTinyCorpus(dir: string): string {
  const corpusDir = path.join(dir, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  writeFileSync(
    path.join(corpusDir, 'guide.md'),
    [
      '# Product guide',
      '',
      '## Evaluation metrics',
      '',
      'Offline evaluation uses labelled sets; online evaluation uses experiments on live traffic.',
      '',
      '## Shipping features',
      '',
      'Ship behind a flag, watch the metrics, then widen the rollout.',
      '',
    ].join('\n'),
  );
  return corpusDir;
}

export interface Reply {
  status: number;
  text: string;
  json: unknown;
}

/** One request against a server process; the body is read whole. */
export async function request(server: ServerProcess, route: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(`http://127.0.0.1:${server.port}${route}`, init);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Streams (chat) are not JSON.
  }
  return { status: response.status, text, json };
}

export const postJson = (server: ServerProcess, route: string, body: unknown) =>
  request(server, route, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

export const aChatRequest = (question: string) => ({
  messages: [{ id: 'user-1', role: 'user', parts: [{ type: 'text', text: question }] }],
});

/** True when any log line or body carries a JavaScript stack frame. */
export const hasStackTrace = (texts: string[]) => texts.some((text) => /\n\s+at |\\n\s+at /.test(text));

/** SIGTERM, then SIGKILL if it has not exited within 10 s: a test never leaves a server behind. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
