// A TCP load balancer for tests: each connection goes to the first backend that accepts it, as a balancer whose health
// checks took a dead relay out would send it. No sticky sessions.
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  port: number;
  wsUrl: string;
  stop(): Promise<void>;
}

export async function startBalancer(backendPorts: () => number[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const tryBackend = (ports: number[]) => {
      const [port, ...rest] = ports;
      if (port === undefined) return client.destroy();
      const backend = createConnection({ port, host: '127.0.0.1' });
      let connected = false;
      backend.once('error', () => (connected ? client.destroy() : tryBackend(rest)));
      backend.once('connect', () => {
        connected = true;
        open.add(backend);
        backend.once('close', () => {
          open.delete(backend);
          client.destroy();
        });
        client.once('close', () => backend.destroy());
        client.on('error', () => backend.destroy());
        client.pipe(backend).pipe(client);
        client.resume();
      });
    };
    tryBackend(backendPorts());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    stop: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}
