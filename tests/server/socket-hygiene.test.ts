import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTempDir } from './store/feedback-fixtures.js';
import { request, stopServer, writeTinyCorpus } from './support/server-probe.js';
import { type ServerProcess, startServerProcess } from './support/start-server-process.js';

const temp = aTempDir('aipm-sockets');
let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(temp.dir, {
    CORPUS_DIR: writeTinyCorpus(temp.dir),
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: '2000',
    HTTP_MAX_CONNECTIONS: '4',
  });
}, 60_000);
afterAll(async () => {
  await stopServer(server);
  temp.remove();
});

/** A raw connection, resolved once it is open; `ended` says how it ended and what the server sent. */
function openSocket(): Promise<{ socket: Socket; ended: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      received += data;
    });
    const ended = new Promise<string>((settle) => socket.once('close', () => settle(received)));
    socket.once('connect', () => resolve({ socket, ended }));
    socket.once('error', reject);
  });
}

describe('socket hygiene, against the real server process', () => {
  it('cuts a request whose headers never finish, instead of holding the socket for minutes', async () => {
    const { socket, ended } = await openSocket();
    socket.write('POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');

    const reply = await ended;

    expect(reply).toMatch(/^HTTP\/1\.1 408|^$/);
    expect((await request(server, '/api/health')).status).toBe(200);
  }, 20_000);

  it('cuts a body that trickles in past the request timeout', async () => {
    const { socket, ended } = await openSocket();
    socket.write(
      'POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
    );
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);

    await ended;
    clearInterval(trickle);

    expect(socket.destroyed).toBe(true);
  }, 20_000);

  it('holds at most HTTP_MAX_CONNECTIONS connections at once', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, openSocket));
    const extra = await openSocket();

    const reply = await extra.ended;

    expect(reply).toBe('');
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map(({ ended }) => ended));
    expect((await request(server, '/api/health')).status).toBe(200);
  }, 20_000);
});
