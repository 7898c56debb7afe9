import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../server/contract.js';
import { aTempDir } from './store/feedback-fixtures.js';
import { groupAlive } from './support/group-alive.js';
import { serverEnv } from './support/start-server-process.js';

const temp = aTempDir('aipm-npm-start');
afterAll(() => temp.remove());

describe('npm start', () => {
  it('builds, serves with plain node in search mode, and SIGTERM to npm leaves no process behind', async () => {
    const npm = spawn('npm', ['start'], {
      env: { ...serverEnv(temp.dir), WEB_DIST_DIR: 'dist/web' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const groupId = npm.pid ?? 0;
    let output = '';
    const listening = new Promise<number>((resolve, reject) => {
      const read = (data: Buffer) => {
        output += data.toString('utf8');
        const port = /"event":"server_listening".*?"port":(\d+)/.exec(output)?.[1];
        if (port && output.includes('"event":"server_ready"')) resolve(Number(port));
      };
      npm.stdout?.on('data', read);
      npm.stderr?.on('data', read);
      npm.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    try {
      const port = await listening;
      const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as HealthResponse;
      expect(health).toMatchObject({ status: 'ok', mode: 'search' });
      expect(output).not.toContain('tsx');

      const exited = once(npm, 'exit');
      npm.kill('SIGTERM');
      await exited;
      for (let wait = 0; wait < 100 && groupAlive(groupId); wait += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      expect(groupAlive(groupId)).toBe(false);
      expect(output).toContain('"event":"server_stopped"');
    } finally {
      if (groupAlive(groupId)) process.kill(-groupId, 'SIGKILL');
    }
  }, 120_000);
});
