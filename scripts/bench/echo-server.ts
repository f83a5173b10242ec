import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

// The substrate of the hub: a Socket.IO server that only acknowledges, and broadcasts when asked.
const server = createServer();
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('command', (_payload: unknown, ack: (r: unknown) => void) => ack({ ok: true }));
  socket.on('broadcast', (seq: number, ack: (r: unknown) => void) => {
    ack({ ok: true, seq });
    // As the hub does: answer, then send a counter's call to everyone on the next turn of the loop.
    const event = { type: 'ticket.called', ticketId: '20261130-A001', counter: 1, officerId: 'cb1' };
    setImmediate(() => io.emit('events', [{ seq, at: Date.now(), event: { ...event, recall: false } }]));
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'echo listening', port: (server.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
