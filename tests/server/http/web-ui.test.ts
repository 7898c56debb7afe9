import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract.js';
import { serveWebUi } from '../../../server/http/web-ui.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { FROM_ANOTHER_MACHINE, FROM_THIS_MACHINE } from '../store/flywheel-test-app.js';
import { createTestApp } from '../support/create-test-app.js';

let testApp: Awaited<ReturnType<typeof createTestApp>>;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'aipm-guide-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>AIPM Guide</title><div id="root"></div>');
  writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log("app")');
  testApp = await createTestApp();
  serveWebUi(testApp.app, { dir: webDir, logger: createMemoryLogger() });
});
afterAll(() => {
  testApp.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('serving the built web UI next to the API', () => {
  it('serves the page with a strict content security policy', async () => {
    const response = await testApp.app.request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('AIPM Guide');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("img-src 'self' data:");
  });

  it('serves index.html for client-side pages such as /insights, so a reload works', async () => {
    const response = await testApp.app.request('/insights', {}, FROM_THIS_MACHINE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('keeps the insights page to this machine while no ADMIN_TOKEN is set', async () => {
    const response = await testApp.app.request('/insights', {}, FROM_ANOTHER_MACHINE);
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.code).toBe('forbidden');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await testApp.app.request('/assets/app-1234.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps unknown API paths as JSON 404s rather than the page', async () => {
    const response = await testApp.app.request('/api/does-not-exist');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
  });

  it('tags every response with a request id', async () => {
    const response = await testApp.app.request('/api/health');
    expect(response.headers.get('x-request-id')).toEqual(expect.any(String));
  });
});
