/**
 * Probe 13, about 260 requests no client should send (bad JSON, wrong types, huge fields, odd paths and
 * methods) with the rate limits off, so that every one reaches its route: none may give a 5xx or a stack trace.
 */
import { hasStackTrace } from '../tests/server/support/server-probe.js';
import { launchServer, remove, stop } from './launch-server.js';
import { health, type ProbeRow } from './probe-kit.js';
import { type RawInit, rawRequest } from './raw-request.js';
import { tally } from './timed-chat.js';

const JSON_ROUTES = [
  '/api/chat',
  '/api/feedback',
  '/api/feedback/flags',
  '/api/shares',
  '/v1/chat/completions',
  '/mcp',
];
const id = '00000000-0000-4000-8000-000000000000';
const BODIES: Array<string | Buffer> = [
  '',
  '{',
  '}',
  '[]',
  'null',
  '1',
  '"x"',
  'true',
  '{"messages":',
  '{"messages":"hi"}',
  '{"messages":[1]}',
  '{"messages":{}}',
  '{"messages":[]}',
  '{"messages":[{"role":"robot"}]}',
  '{"messages":[{"id":1,"role":"user","parts":"x"}]}',
  '{"messages":[{"id":"a","role":"user","parts":[{"type":"image","url":"x"}]}]}',
  '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28]),
  '{"messages":[{"id":"a","role":"user","parts":[{"type":"text","text":"\\u0000\\ud800"}]}]}',
  `{"messages":[{"id":"${'x'.repeat(200_000)}","role":"user","parts":[]}]}`,
  `{"messages":[${Array.from({ length: 5_000 }, () => '{}').join(',')}]}`,
  `{"id":"${id}","messageId":"m","rating":"sideways","question":1,"answer":null,"mode":"x","citations":"all"}`,
  `{"id":"${id}","messageId":"m","rating":"up","question":"q","answer":"a","mode":"search","citations":[{"n":-1,"id":""}]}`,
  `{"id":"${id}","messageId":"m","rating":"up","question":"${'q'.repeat(300_000)}"}`,
  JSON.stringify({
    model: 7,
    messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }],
    stream: 'yes',
  }),
  JSON.stringify({
    messages: [{ id: 'a', role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
    context: 'x',
  }),
  JSON.stringify({
    messages: Array.from({ length: 41 }, (_, n) => ({
      id: `m${n}`,
      role: n % 2 ? 'assistant' : 'user',
      parts: [{ type: 'text', text: 'hi' }],
    })),
  }),
];
const CONTENT_TYPES = [
  '',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
];
const GETS = [
  '/api/search',
  '/api/search?q=',
  `/api/search?q=${'a'.repeat(20_000)}`,
  '/api/search?q[]=a&q[]=b',
  '/api/search?q=%ZZ',
  '/api/search?q=%00',
  '/api/sections/%00',
  '/api/sections/..%2F..%2Fetc%2Fpasswd',
  '/api/sections/%E0%A4%A',
  `/api/sections/${'s'.repeat(5_000)}`,
  '/api/shares/%ff',
  '/api/shares/x',
  '/api/shares/',
  '/api/insights?from=notadate',
  '/api/insights?from=2026-13-45&to=1',
  '/api/insights?from=2026-02-01&to=2026-01-01',
  '/api/feedback/export?format=xml',
  '/api/insights/export?x=%',
  '/api/outline?x=1',
  '/api/compare?a=%ZZ',
  '/v1/models/%00',
  '/v1/models/..',
  '/v1/nope',
  '/mcp',
  '/nope',
  '/api/nope',
  '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/api/health?x=%',
  '/api/chat',
  '/api//health',
  '/API/HEALTH',
  '/api/health/',
  '/index.html',
  '/favicon.ico',
  '/api/feedback',
  '/insights',
];
const METHODS = ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** About 260 requests no client should send: bad JSON, wrong types, huge fields, odd paths and methods. */
function junkRequests(): RawInit[] {
  const json = { 'content-type': 'application/json' };
  return [
    ...JSON_ROUTES.flatMap((route) =>
      BODIES.map((body) => ({ method: 'POST', path: route, headers: json, body })),
    ),
    ...JSON_ROUTES.flatMap((route) =>
      CONTENT_TYPES.map((type) => ({
        method: 'POST',
        path: route,
        headers: type ? { 'content-type': type } : {},
        body: 'a=1',
      })),
    ),
    ...JSON_ROUTES.map((route) => ({
      method: 'POST',
      path: route,
      headers: { ...json, 'content-encoding': 'gzip' },
      body: 'not gzip',
    })),
    ...JSON_ROUTES.map((route) => ({
      method: 'POST',
      path: route,
      headers: { ...json, authorization: `Bearer ${'k'.repeat(8_000)}` },
      body: '{}',
    })),
    ...GETS.map((route) => ({ path: route })),
    ...['/api/chat', '/api/feedback', '/api/health', '/api/shares/x', '/v1/chat/completions'].flatMap(
      (route) => METHODS.map((method) => ({ method, path: route })),
    ),
    { method: 'DELETE', path: '/api/shares/abc', headers: { authorization: 'Bearer nope' } },
  ];
}

export async function malformedRequests(): Promise<ProbeRow> {
  const server = await launchServer(
    Object.fromEntries(
      ['CHAT', 'FEEDBACK', 'SEARCH', 'SHARES', 'OPENAI', 'MCP'].map((name) => [`RATE_LIMIT_${name}`, '0']),
    ),
  );
  const requests = junkRequests();
  const replies = [];
  for (const init of requests) replies.push(await rawRequest(server.port, init));
  const statuses = replies.map((reply) => reply.status);
  const fivexx = statuses.filter((status) => status.startsWith('5')).length;
  const stacks = hasStackTrace([...replies.map((reply) => reply.text), ...server.output]);
  const row: ProbeRow = {
    probe: '13 malformed requests (rate limits off)',
    tried: requests.length,
    statuses: tally(statuses),
    serving: await health(server.base),
    figures: `5xx: ${fivexx}; stack traces in bodies or logs: ${stacks ? 'yes' : 'no'}`,
  };
  await stop(server);
  remove(server);
  return row;
}
