/**
 * `npx tsx bench/guide-load.ts` (after `npm run build`): how long Chromium takes from navigation start to an
 * interactive guide browser (the contents listed, the filter box enabled) at `/?guide=contents`, and to the
 * empty chat for comparison — 5 cold loads each (fresh context, no cache) at 1440×900 and 390×844, over the
 * real corpus in search mode. Also prints the initial JavaScript (gzip) of the chat page. Prints only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/support/browser.js';
import { startApp } from '../tests/e2e/support/start-app.js';
import { root } from './bench-root.js';

const RUNS = 5;
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The chat page's JS loaded before it can render: the entry, its static imports and the chat chunk's. */
function initialJsGzip(): number {
  const dist = path.join(root, 'dist/web');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1] ?? '';
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["']/g))
      visit(`assets/${match[1]}`);
    // The entry awaits the chat page chunk before rendering: it is initial too.
    const chat = /["'`]\.\/(chat-page-[\w-]+\.js)["'`]/.exec(code)?.[1];
    if (chat) visit(`assets/${chat}`);
  };
  visit(entry.replace(/^\//, ''));
  return [...seen].reduce((total, file) => total + gzipSync(readFileSync(path.join(dist, file))).length, 0);
}

const [app, browser] = await Promise.all([startApp(), launchBrowser()]);
try {
  for (const viewport of VIEWPORTS) {
    const times: Record<string, number[]> = { guide: [], chat: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [name, url, ready] of [
        ['guide', '/?guide=contents', '.guide-entry'],
        ['chat', '/', '.starter'],
      ] as const) {
        const context = await browser.newContext({ baseURL: app.baseUrl, viewport });
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'commit' });
        await page.locator(ready).first().waitFor();
        await page.locator(name === 'guide' ? '.guide-filter' : 'textarea').waitFor();
        times[name]?.push(await page.evaluate(() => performance.now()));
        await context.close();
      }
    }
    for (const [name, values] of Object.entries(times)) {
      console.log(
        `${viewport.width}×${viewport.height} ${name} interactive: median ${Math.round(median(values))} ms (${values.map(Math.round).join(', ')})`,
      );
    }
  }
  console.log(`initial JS of the chat page (gzip): ${(initialJsGzip() / 1024).toFixed(1)} kB`);
} finally {
  await browser.close();
  await app.stop();
}
