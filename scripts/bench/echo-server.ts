import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

// The substrate of the hub's command path: a Socket.IO server that only acknowledges.
const server = createServer();
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) =>
  socket.on('command', (_payload: unknown, ack: (r: unknown) => void) => ack({ ok: true })),
);
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'echo listening', port: (server.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
