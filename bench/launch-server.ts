/**
 * The real server process for a probe: spawned as the tests spawn it, with stdout and stderr both captured, so
 * that a probe can grep everything the server printed; stopped so that it never outlives the bench.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type SlowModelOptions, startSlowModelServer } from '../tests/server/support/slow-model-server.js';
import { serverEnv } from '../tests/server/support/start-server-process.js';
import { root } from './bench-root.js';

export interface Running {
  child: ChildProcess;
  port: number;
  base: string;
  dataDir: string;
  /** Every line the server wrote, stdout and stderr together. */
  output: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

export const freshDataDir = () => mkdtempSync(path.join(tmpdir(), 'aipm-probe-'));

/** Starts `server/index.ts` and resolves once it logs `server_ready` (or exits first: then it rejects). */
export async function launchServer(
  env: Record<string, string> = {},
  dataDir = freshDataDir(),
): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: serverEnv(dataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  let port = 0;
  const ready = new Promise<void>((resolve, reject) => {
    void exited.then((end) => reject(new Error(`server exited (${end.code}) before ready`)));
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        port = Number(/"event":"server_listening".*?"port":(\d+)/.exec(line)?.[1] ?? port);
        if (line.includes('"event":"server_ready"') && port !== 0) resolve();
      });
    }
  });
  await ready;
  return { child, port, base: `http://127.0.0.1:${port}`, dataDir, output, exited };
}

/** A loopback fake model that streams slowly, and a server whose LLM mode calls it. */
export async function launchWithSlowModel(options: SlowModelOptions, env: Record<string, string>) {
  const model = await startSlowModelServer(options);
  const server = await launchServer({ OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'slow-model', ...env });
  return { model, server };
}

/** SIGTERM, then SIGKILL after 30 s: a probe never leaves a server behind. */
export async function stop(server: Running): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  server.child.kill('SIGTERM');
  await server.exited;
  clearTimeout(timer);
}

/** Deletes the server's temporary DATA_DIR (once it has stopped, or been killed). */
export const remove = (server: Pick<Running, 'dataDir'>) =>
  rmSync(server.dataDir, { recursive: true, force: true });

/** Counts the log lines carrying `"event":"<event>"`. */
export const logged = (server: Running, event: string) =>
  server.output.filter((line) => line.includes(`"event":"${event}"`)).length;
