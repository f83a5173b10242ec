import type { Namespace } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import type { StreamEvent } from '@luot/protocol';

/**
 * Sending a change to every connected device: the frame is built once and written straight to each
 * idle WebSocket.
 *
 * Why not just `io.to(room).emit()`: Socket.IO already encodes the frame once, but then walks each
 * socket through Engine.IO's packet queue (a packet object, several events, a write callback and
 * its drain bookkeeping). With a thousand sockets that walk was about a quarter of the time between
 * a counter's call and the last display seeing it (`npm run bench`; `LUOT_FANOUT=socket.io` turns
 * the short path off). The bytes are the same as Socket.IO's: Engine.IO message "4" + Socket.IO
 * event "2" + the JSON array (events are plain JSON: no binary parts), in one unmasked text frame.
 *
 * Order is kept: a socket takes the short path only when Engine.IO has nothing queued for it and
 * no write in flight, so the frame can only land behind what Engine.IO has already written. The
 * other sockets (long-polling, upgrading, busy, closing) get one ordinary `emit`, which queues.
 */
export function broadcastEvents(
  ns: Namespace,
  room: string,
  events: StreamEvent[],
  opts: { shortPath: boolean } = { shortPath: true },
): { direct: number; queued: number } {
  if (!opts.shortPath || !shortPathFits(ns)) {
    ns.to(room).emit('events', events);
    return { direct: 0, queued: ns.adapter.rooms.get(room)?.size ?? 0 };
  }
  let frame: Buffer | null = null;
  let direct = 0;
  const busy: string[] = [];
  for (const id of ns.adapter.rooms.get(room) ?? []) {
    const socket = ns.sockets.get(id);
    const sender = socket && idleSender(socket.conn as unknown as EngineConnection);
    if (sender) {
      sender.sendFrame([(frame ??= textFrame(`42${JSON.stringify(['events', events])}`))]);
      direct++;
    } else if (socket) busy.push(id);
  }
  // Every socket is in a room named by its id: one emit, encoded once, for all the busy ones.
  if (busy.length > 0) ns.to(busy).emit('events', events);
  return { direct, queued: busy.length };
}

/**
 * The short path writes what Socket.IO's default parser writes for the main namespace, to this
 * process's sockets. With another namespace, parser or adapter (a cluster), or connection-state
 * recovery (which numbers and stores each packet), Socket.IO must do the sending itself.
 */
function shortPathFits(ns: Namespace): boolean {
  const opts = (ns.server as unknown as { opts?: { parser?: unknown; connectionStateRecovery?: unknown } })
    .opts;
  return (
    ns.name === '/' && ns.adapter.constructor === Adapter && !opts?.parser && !opts?.connectionStateRecovery
  );
}

/** The parts of Engine.IO's socket (and the `ws` socket under it) the short path relies on. */
interface EngineConnection {
  readyState: string;
  upgrading?: boolean;
  writeBuffer?: unknown[];
  transport: {
    name: string;
    writable: boolean;
    socket?: { readyState: number; _sender?: { sendFrame?: (list: Buffer[]) => void; _queue?: unknown[] } };
  };
}

/**
 * The `ws` sender of a connection Engine.IO is not using right now, or null. `sendFrame` is the
 * entry point Engine.IO's own pre-encoded broadcasts use (it writes at once, so `ws` must have
 * nothing queued either); if a `ws` release drops it, every socket simply takes the ordinary path.
 */
export function idleSender(conn: EngineConnection): { sendFrame: (list: Buffer[]) => void } | null {
  const t = conn.transport;
  const sender = t.socket?._sender;
  const open =
    conn.readyState === 'open' && !conn.upgrading && t.name === 'websocket' && t.socket?.readyState === 1;
  // Read defensively: a field a library renames must mean "not idle", never an exception.
  const idle = t.writable === true && conn.writeBuffer?.length === 0 && (sender?._queue?.length ?? 0) === 0;
  if (!open || !idle || typeof sender?.sendFrame !== 'function') return null;
  return sender as { sendFrame: (list: Buffer[]) => void };
}

/** One final, unmasked WebSocket text frame (RFC 6455 §5.2), as a server sends it. */
export function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x81; // FIN + text
  if (n < 126) frame[1] = n;
  else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(frame, head);
  return frame;
}
