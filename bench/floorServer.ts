// The bench's floor: a "relay" that does nothing but forward each binary message to the room's other sockets, framed
// once (no Yjs, no disk, no auth). No real relay can beat it, so its p99 is what the load generator and the kernel
// cost by themselves, and ours/ref ratios should be read against it. Started by targets.ts as the `floor` target.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { binaryFrame } from '../relay/src/binaryFrame';

const STEP1_EMPTY = Buffer.from([0, 0, 1, 0]); // sync step 1, empty state vector
const STEP2_EMPTY = Buffer.from([0, 1, 2, 0, 0]); // sync step 2, empty update

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_req, res) => res.writeHead(200).end('{"status":"ok"}'));
const wss = new WebSocketServer({ server });

wss.on('connection', (ws, req) => {
  const name = (req.url ?? '/').split('?')[0]!;
  const room = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, room);
  room.add(ws);
  ws.send(STEP1_EMPTY);
  ws.on('message', (data: Buffer) => {
    if (data[0] === 0 && data[1] === 0) return void ws.send(STEP2_EMPTY);
    const out = binaryFrame(data).frame;
    for (const peer of room) {
      // ws's own socket, a private field: the floor writes its ready frame with nothing else in the way.
      if (peer !== ws && peer.readyState === peer.OPEN)
        (peer as unknown as { _socket: { write(b: Buffer): void } })._socket.write(out);
    }
  });
  ws.on('close', () => room.delete(ws));
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
