/**
 * Probes 5 and 6, requests from where they should not come: cross-site writes and a foreign Host, and the
 * insights routes without ADMIN_TOKEN on loopback and on a server bound beyond this machine.
 */
import { aFeedback } from '../tests/server/store/feedback-fixtures.js';
import { errorSays, turn } from './chat-reply.js';
import { launchServer, logged, type Running, remove, stop } from './launch-server.js';
import { health, type ProbeRow, QUESTION } from './probe-kit.js';
import { type RawInit, rawRequest } from './raw-request.js';
import { tally } from './timed-chat.js';

/** Each request a browser on another site (or a rebinding DNS name) could make, with its label. */
function crossSiteCases(): Array<[string, RawInit]> {
  const json = JSON.stringify(aFeedback());
  const feedback = (headers: Record<string, string>): RawInit => ({
    method: 'POST',
    path: '/api/feedback',
    headers,
    body: json,
  });
  const chatAsHost = {
    method: 'POST',
    path: '/api/chat',
    headers: { host: 'attacker.example', 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [turn('user', QUESTION)] }),
  };
  return [
    ['text/plain; x=application/json', feedback({ 'content-type': 'text/plain; x=application/json' })],
    [
      'Origin https://attacker.example',
      feedback({ 'content-type': 'application/json', origin: 'https://attacker.example' }),
    ],
    [
      'Sec-Fetch-Site cross-site',
      feedback({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
    ],
    ['Host attacker.example (GET health)', { path: '/api/health', headers: { host: 'attacker.example' } }],
    ['Host attacker.example (POST chat)', chatAsHost],
  ];
}

export async function crossSite(server: Running): Promise<ProbeRow> {
  const cases = crossSiteCases();
  const replies = await Promise.all(cases.map(([, init]) => rawRequest(server.port, init)));
  return {
    probe: '5 cross-site writes, foreign Host',
    tried: cases.length,
    statuses: tally(replies.map((reply) => reply.status)),
    serving: await health(server.base),
    figures: cases.map(([label], index) => `${label} → ${replies[index]?.status}`).join('; '),
  };
}

export async function insightsWithoutToken(server: Running): Promise<ProbeRow> {
  const loopback = await rawRequest(server.port, { path: '/api/insights' });
  const wide = await launchServer({ HOST: '0.0.0.0' });
  const beyond = await rawRequest(wide.port, { path: '/api/insights' });
  const warned = logged(wide, 'insights_closed') > 0;
  const serving = `${await health(server.base)}; 0.0.0.0: ${await health(wide.base)}`;
  await stop(wide);
  remove(wide);
  return {
    probe: '6 insights without ADMIN_TOKEN',
    tried: 2,
    statuses: tally([loopback.status, beyond.status]),
    serving,
    figures: `bound to 127.0.0.1, from loopback → ${loopback.status}; bound to 0.0.0.0 → ${beyond.status} (${errorSays(beyond.text)}); insights_closed warning at start: ${warned ? 'yes' : 'no'}`,
  };
}
