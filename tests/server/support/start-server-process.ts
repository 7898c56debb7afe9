import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Every stderr line so far: JSON log lines, one event each. */
  logs: string[];
}

/** The environment the real entry gets in tests: a free port, no web build, no model, no developer .env values. */
export function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
    LOG_LEVEL: 'info',
    OPENAI_API_KEY: '',
    DATABASE_URL: '',
    ...extra,
  };
}

export interface StartOptions {
  /** `ready` (default): once the index is ready (`server_ready`); `listening`: as soon as the port is open. */
  waitFor?: 'listening' | 'ready';
}

/**
 * Starts `server/index.ts` as its own process and resolves with the port it logged in `server_listening`,
 * once it has also logged `server_ready` unless `waitFor: 'listening'`.
 */
export async function startServerProcess(
  dataDir: string,
  extra?: Record<string, string>,
  options: StartOptions = {},
): Promise<ServerProcess> {
  const awaited = options.waitFor === 'listening' ? 'server_listening' : 'server_ready';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: process.cwd(),
    env: serverEnv(dataDir, extra),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: string[] = [];
  const stderr = child.stderr;
  if (!stderr) throw new Error('server stderr is not piped');
  const lines = createInterface({ input: stderr });
  let port = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before ${awaited}:\n${logs.join('\n')}`)),
    );
    lines.on('line', (line) => {
      logs.push(line);
      try {
        const entry = JSON.parse(line) as { event?: string; port?: number };
        if (entry.event === 'server_listening' && typeof entry.port === 'number') port = entry.port;
        if (entry.event === awaited && port !== 0) resolve();
      } catch {
        // Not every stderr line is ours (e.g. Node warnings).
      }
    });
  });
  return { child, port, logs };
}
