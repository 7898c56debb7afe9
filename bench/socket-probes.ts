/**
 * Probe 12, sockets that never finish a request: a body sent one byte a second, beside 1,200 sockets (600
 * silent, 600 with partial headers), and how long the server's timeouts and connection cap take to close them.
 */
import { connect, type Socket } from 'node:net';
import type { Running } from './launch-server.js';
import { DEFAULTS, health, type ProbeRow, seconds, sleep, waitFor } from './probe-kit.js';
import { rawRequest } from './raw-request.js';
import { percentile } from './timed-chat.js';

interface Held {
  socket: Socket;
  openedAt: number;
  closedAt: number | null;
  received: string;
}

function hold(port: number, firstBytes: string): Held {
  const held: Held = {
    socket: connect(port, '127.0.0.1'),
    openedAt: performance.now(),
    closedAt: null,
    received: '',
  };
  held.socket.setEncoding('utf8');
  held.socket.on('data', (data: string) => (held.received += data));
  held.socket.on('error', () => undefined);
  held.socket.on('close', () => (held.closedAt = performance.now()));
  if (firstBytes) held.socket.write(firstBytes);
  return held;
}

const heldFor = (group: Held[]) => {
  const times = group.flatMap((held) => (held.closedAt === null ? [] : [held.closedAt - held.openedAt]));
  return `closed ${times.length}/${group.length}, median ${seconds(percentile(times, 0.5))}, max ${seconds(Math.max(0, ...times))}`;
};

export async function socketProbe(server: Running): Promise<ProbeRow> {
  const slow = hold(
    server.port,
    'POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
  );
  const trickle = setInterval(() => slow.socket.writable && slow.socket.write(' '), 1_000);
  await sleep(200);
  const silent = Array.from({ length: 600 }, () => hold(server.port, ''));
  const partial = Array.from({ length: 600 }, () =>
    hold(server.port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'),
  );
  await sleep(2_000);
  const dropped = [...silent, ...partial].filter((held) => held.closedAt !== null).length;
  const during = await rawRequest(server.port, { path: '/api/health' });
  const everything = [slow, ...silent, ...partial];
  await waitFor(() => everything.every((held) => held.closedAt !== null), 75_000);
  clearInterval(trickle);
  const leftOpen = everything.filter((held) => held.closedAt === null).length;
  for (const held of everything) held.socket.destroy();
  return {
    probe: '12 slow body + 1,200 half-open sockets',
    tried: everything.length,
    statuses: `slow body answered: ${slow.received.split('\r\n')[0] || 'nothing'}`,
    serving: `${await health(server.base)}; a new connection while held: ${during.status}`,
    figures: `slow body cut after ${slow.closedAt ? seconds(slow.closedAt - slow.openedAt) : '> 75 s'} (HTTP_REQUEST_TIMEOUT_MS ${DEFAULTS.http.requestTimeoutMs}); closed within 2 s (over HTTP_MAX_CONNECTIONS ${DEFAULTS.http.maxConnections}): ${dropped}; silent: ${heldFor(silent)}; partial headers: ${heldFor(partial)}; still open after 75 s: ${leftOpen}`,
  };
}
