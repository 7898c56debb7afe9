import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoopbackListener {
  port: number;
  /** Destroys the sockets still open first: a stream the client left hanging would keep `close` waiting. */
  close(): Promise<void>;
}

/** Listens on a free 127.0.0.1 port and keeps track of every socket, so that `close` can end them all. */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
