/**
 * `node --import tsx bench/hostile-probes.ts`: hostile and heavy-traffic probes against the real server process
 * on loopback (keyless; a loopback fake model where one is needed; no network), each bounded, then one table:
 * probe, requests tried, statuses seen, whether /api/health still answered after it, and its figures. The
 * limits are the defaults unless a probe says otherwise. `PROBES=8,12` runs only those. ~3 minutes, most of
 * it the socket probe waiting for the server's header and request timeouts. Prints only; asserts nothing.
 */
import { loadavg } from 'node:os';
import { crossSite, insightsWithoutToken } from './cross-site-probes.js';
import { chatFlood, feedbackFlood, tokenGuessing } from './flood-probes.js';
import { launchServer, remove, stop } from './launch-server.js';
import { malformedRequests } from './malformed-requests.js';
import { modelProbes } from './model-probes.js';
import { oversizedChats } from './oversized-chats.js';
import { ms, type ProbeRow } from './probe-kit.js';
import { npmStartProbe, shutdownProbe, sigkillProbe } from './shutdown-probes.js';
import { socketProbe } from './socket-probes.js';
import { storageProbe } from './storage-probes.js';

/** `8b` sorts after `8`, `11a` before `11b`. */
const order = (row: ProbeRow) =>
  Number.parseInt(row.probe, 10) + (/^\d+([a-z])/.exec(row.probe)?.[1]?.charCodeAt(0) ?? 96) / 1000;
const cell = (value: string | number) => String(value).replaceAll('|', '\\|');

function table(rows: ProbeRow[]): string {
  const lines = [...rows]
    .sort((left, right) => order(left) - order(right))
    .map(
      (row) => `| ${[row.probe, row.tried, row.statuses, row.serving, row.figures].map(cell).join(' | ')} |`,
    );
  return `| probe | requests | statuses | kept serving (/api/health after) | figures |\n|---|---|---|---|---|\n${lines.join('\n')}\n`;
}

const rows: ProbeRow[] = [];
const shared = await launchServer();
const startedAt = performance.now();
// `PROBES=8,12` runs only those probes. On the shared server, in this order: the feedback flood spends the
// feedback allowance, so it comes after the probes that post feedback.
const only = process.env.PROBES?.split(',').map(Number);
const plan: Array<[number[], () => Promise<ProbeRow | ProbeRow[]>]> = [
  [[1], () => oversizedChats(shared)],
  [[5], () => crossSite(shared)],
  [[6], () => insightsWithoutToken(shared)],
  [[12], () => socketProbe(shared)],
  [[3], () => feedbackFlood(shared)],
  [[2], chatFlood],
  [[4], tokenGuessing],
  [[7, 9, 10], modelProbes],
  [[8], shutdownProbe],
  [[8], npmStartProbe],
  [[11], storageProbe],
  [[13], malformedRequests],
  [[14], sigkillProbe],
];
try {
  for (const [numbers, run] of plan) {
    if (!only || numbers.some((number) => only.includes(number))) rows.push(...[await run()].flat());
  }
} finally {
  await stop(shared);
  remove(shared);
}
process.stdout.write(
  `hostile probes against the real server process on loopback, ${ms(performance.now() - startedAt)}, load average ${loadavg()[0]?.toFixed(1)} at the end\n\n${table(rows)}`,
);
