/** Raw HTTP for the probes: any Host header, a fresh socket per request, a body that can stop halfway. */
import { request as httpRequest } from 'node:http';
import { text as readBody } from 'node:stream/consumers';
import { aFeedback } from '../tests/server/store/feedback-fixtures.js';
import type { Running } from './launch-server.js';
import { failureName } from './timed-chat.js';

export interface RawReply {
  status: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawInit {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * One request over its own socket (no keep-alive: a socket the server closed after refusing a body is never
 * reused), any header allowed (fetch will not send a foreign Host).
 */
export function rawRequest(
  port: number,
  init: RawInit,
  /** When given, the body's first half is sent at once and the rest once this settles. */
  restOfBody?: Promise<unknown>,
): Promise<RawReply> {
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: init.method ?? 'GET',
        path: init.path,
        headers: init.headers,
        agent: false,
      },
      (response) => {
        void readBody(response).then(
          (text) => resolve({ status: String(response.statusCode), headers: response.headers, text }),
          (error: unknown) =>
            resolve({ status: `${response.statusCode} cut (${failureName(error)})`, headers: {}, text: '' }),
        );
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: `network:${error.code ?? error.message}`, headers: {}, text: '' }),
    );
    if (!restOfBody || init.body === undefined) return request.end(init.body);
    const half = Math.floor(init.body.length / 2);
    request.write(init.body.slice(0, half));
    void restOfBody.then(() => request.end(init.body?.slice(half)));
  });
}

/** One valid feedback with its Content-Length declared, so that a half-sent body is known to be unfinished. */
export const postFeedback = (server: Running, restOfBody?: Promise<unknown>) => {
  const body = JSON.stringify(aFeedback());
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  return rawRequest(server.port, { method: 'POST', path: '/api/feedback', headers, body }, restOfBody);
};
