// Every TCP connection the server holds, so that a relay told to stop can end those that would keep it up: a connection
// that never sends its request keeps `server.close()` waiting up to Node's headersTimeout, and one that trickles it in
// longer still (docs/decisions/0021).
import type { Socket } from 'node:net';

export class OpenSockets {
  private readonly sockets = new Set<Socket>();

  /** For the server's `connection` event. */
  readonly track = (socket: Socket): void => {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  };

  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}
