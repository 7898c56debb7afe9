import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const WEB_INDEX = path.join(ROOT_DIR, 'dist/web/index.html');
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface RunningApp {
  baseUrl: string;
  /** Every line the server wrote to stdout or stderr, in order. */
  logs: string[];
  /** The JSON log lines, parsed; non-JSON lines are skipped. */
  events(name?: string): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** Extra environment, e.g. the OPENAI_* variables for LLM mode. */
  env?: Record<string, string>;
}

function newestModificationMs(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const fullPath = path.join(directory, entry.name);
    const modifiedMs = entry.isDirectory() ? newestModificationMs(fullPath) : statSync(fullPath).mtimeMs;
    newest = Math.max(newest, modifiedMs);
  }
  return newest;
}

/** CI runs `npm run build` first; locally a missing or stale UI build would test yesterday's page. */
export function ensureWebBuild(): void {
  const builtMs = existsSync(WEB_INDEX) ? statSync(WEB_INDEX).mtimeMs : 0;
  const sourceMs = Math.max(
    newestModificationMs(path.join(ROOT_DIR, 'web')),
    statSync(path.join(ROOT_DIR, 'server/contract.ts')).mtimeMs,
  );
  if (builtMs >= sourceMs) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT_DIR, encoding: 'utf8', env });
  if (build.status !== 0) {
    throw new Error(`vite build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
}

function parseJsonLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function collectLines(child: ChildProcess, logs: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      logs.push(...lines.filter((line) => line.trim() !== ''));
    });
    stream?.on('end', () => {
      if (pending.trim() !== '') logs.push(pending);
    });
  }
}

function waitForPort(child: ChildProcess, logs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`${reason}\n--- server output ---\n${logs.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`server did not log server_ready within ${STARTUP_TIMEOUT_MS} ms`),
      STARTUP_TIMEOUT_MS,
    );
    const poll = setInterval(() => {
      const events = logs.map(parseJsonLine);
      const listening = events.find((line) => line?.event === 'server_listening');
      // The server listens while its index warms; the page is driven once it is ready.
      const ready = events.some((line) => line?.event === 'server_ready');
      if (ready && typeof listening?.port === 'number') {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(listening.port);
      }
    }, 50);
    child.once('exit', (code, signal) =>
      fail(`server exited during startup (code ${code}, signal ${signal})`),
    );
  });
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const groupId = child.pid;
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => {
      try {
        process.kill(-groupId, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    }, STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    try {
      process.kill(-groupId, 'SIGTERM');
    } catch {
      clearTimeout(killTimer);
      resolve();
    }
  });
}

/** Starts the real server entry (`server/index.ts`) on a free port with a throwaway data directory. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aipm-e2e-data-'));
  // The child must not see this runner's LLM settings or its VITEST* flags: it runs as it would in production.
  const inheritedEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(OPENAI_|LLM_|VITEST)/.test(name)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT_DIR,
    // Its own process group, so stop() also reaches anything the server spawned.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inheritedEnv,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      // Empty means "no key" to loadConfig and stops a developer's .env from switching on LLM mode.
      OPENAI_API_KEY: '',
      ...options.env,
    },
  });
  const logs: string[] = [];
  collectLines(child, logs);
  const stop = async () => {
    await stopProcessGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await waitForPort(child, logs);
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      logs,
      events: (name) =>
        logs
          .map(parseJsonLine)
          .filter((line): line is Record<string, unknown> => line !== null)
          .filter((line) => name === undefined || line.event === name),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
