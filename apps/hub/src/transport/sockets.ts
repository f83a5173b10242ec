import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import {
  protocolError,
  type ClientToServerEvents,
  type CommandAck,
  type DeviceInfo,
  type ServerToClientEvents,
  type StreamEvent,
} from '@luot/protocol';
import { sha256 } from '../auth.js';
import type { DeviceConfig, LoadedConfig } from '../config.js';
import type { Engine } from '../engine/engine.js';
import type { Store } from '../storage/store.js';
import { ticketWatch } from './phone.js';
import { Presence } from './presence.js';
import { SnapshotLimit } from './snapshot-limit.js';

type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
interface SocketData {
  device?: DeviceConfig;
  ticketId?: string;
}

/** How many phones may follow one ticket at once (a ticket's token is not a broadcast channel). */
const MAX_SOCKETS_PER_TICKET = 5;

/**
 * The devices' connection to the hub. A device authenticates with its token and then sends
 * commands, asks for what it missed (`sync`) and receives every change; a citizen's phone
 * authenticates with its ticket's token and sees that ticket only.
 */
export class DeviceSockets {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  /** Phone pages: sockets per watched ticket, and what each was last sent. */
  private readonly watchers = new Map<string, { sockets: number; last: string }>();
  /**
   * Devices whose answer is still waiting in Engine.IO's write buffer, with the events held back
   * for them meanwhile (see `answer`).
   */
  private readonly held = new Map<HubSocket, StreamEvent[][]>();
  /** Which devices are connected, for the supervisors' console. */
  private readonly presence: Presence;
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whole-day snapshots per device (docs/hub.md, "Snapshots"). */
  private readonly snapshots: SnapshotLimit;
  /** Devices being refused snapshots now: logged once per run of refusals, not once per request. */
  private readonly flooding = new Set<string>();

  constructor(
    server: HttpServer,
    private readonly engine: Engine,
    private readonly store: Store,
    private readonly config: LoadedConfig,
    private readonly logger: Logger,
  ) {
    this.snapshots = new SnapshotLimit(config.hub.snapshotLimit.burst, config.hub.snapshotLimit.intervalMs);
    this.presence = new Presence([...config.devicesByTokenHash.values()], () => engine.now());
    this.io = new Server(server, {
      serveClient: false,
      cors: { origin: true },
      maxHttpBufferSize: 64 * 1024,
    });
    this.io.use((socket, next) => this.authenticate(socket, next));
    this.io.on('connection', (socket) => this.connected(socket));
  }

  /**
   * A committed batch: every device gets the events (Socket.IO encodes the frame once for all of
   * them), and a phone page gets its ticket's view when the change could have moved it.
   */
  broadcast(events: StreamEvent[], touched: Set<string>): void {
    if (this.held.size === 0) this.io.to('devices').emit('events', events);
    else {
      this.io
        .to('devices')
        .except([...this.held.keys()].map((s) => s.id))
        .emit('events', events);
      for (const queue of this.held.values()) queue.push(events);
    }
    // A counter signing in, out, pausing or closing, or a new level, moves every estimate it serves
    // without touching a ticket: the phone pages must hear it too (their views are compared below, so
    // only those that changed are sent).
    const counters = events.some(
      (e) => e.event.type.startsWith('counter.') || e.event.type === 'level.changed',
    );
    this.updateWatchers(touched, counters);
  }

  /**
   * Answer a device's command. The answer goes out before the change it caused (docs/hub.md). On a
   * busy connection Engine.IO keeps the answer in its write buffer; events broadcast meanwhile would
   * join it in the same write and reach the device's code in the same instant as the answer. So the
   * device's events wait until the buffer is handed to the socket ('drain'), then follow in order.
   */
  private answer(socket: HubSocket, ack: (reply: CommandAck) => void, reply: CommandAck): void {
    // Writable now: the answer leaves at once, in a write of its own. Otherwise it waits in the buffer
    // until Engine.IO's next flush, which emits 'drain' (the buffer is not empty, so it will).
    const buffered = !socket.conn.transport.writable;
    ack(reply);
    if (!buffered || this.held.has(socket)) return;
    this.held.set(socket, []);
    const release = () => {
      const queue = this.held.get(socket);
      this.held.delete(socket);
      socket.conn.off('drain', release);
      socket.conn.off('close', release);
      if (socket.connected) for (const events of queue ?? []) socket.emit('events', events);
    };
    socket.conn.once('drain', release);
    socket.conn.once('close', release);
  }

  close(): Promise<void> {
    clearTimeout(this.presenceTimer);
    return new Promise((resolve) => this.io.close(() => resolve()));
  }

  /**
   * Tell the supervisors which devices are connected. Changes within 100 ms go out as one message:
   * when the hub restarts, forty screens reconnect at once.
   */
  private presenceChanged(): void {
    if (this.presenceTimer !== undefined) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined;
      this.io.to('supervisors').emit('presence', this.presence.list());
    }, 100);
  }

  private authenticate(socket: HubSocket, next: (err?: Error) => void): void {
    const auth = socket.handshake.auth as { token?: unknown; ticketToken?: unknown };
    if (typeof auth.token === 'string') {
      const device = this.config.devicesByTokenHash.get(sha256(auth.token));
      if (device) {
        socket.data.device = device;
        return next();
      }
    } else if (typeof auth.ticketToken === 'string') {
      const id = this.store.ticketOfToken(auth.ticketToken);
      if (id && (this.watchers.get(id)?.sockets ?? 0) >= MAX_SOCKETS_PER_TICKET) {
        return next(refusal('TOO_MANY_ATTEMPTS'));
      }
      if (id) {
        socket.data.ticketId = id;
        return next();
      }
    }
    next(refusal('UNAUTHORIZED'));
  }

  private connected(socket: HubSocket): void {
    const { device, ticketId } = socket.data;
    if (ticketId) return this.phoneConnected(socket, ticketId);
    if (!device) return void socket.disconnect(true);
    this.logger.info({ device: device.id, role: device.role }, 'device connected');
    void socket.join('devices');
    if (this.presence.connected(device.id)) this.presenceChanged();
    if (device.role === 'supervisor') {
      void socket.join('supervisors');
      socket.emit('presence', this.presence.list());
    }

    socket.on('whoami', (ack) => {
      if (typeof ack !== 'function') return;
      const info: DeviceInfo = {
        id: device.id,
        role: device.role,
        counter: device.counter ?? null,
        name: device.name ?? device.id,
      };
      ack(info);
    });
    socket.on('sync', (req, ack) => {
      if (typeof ack !== 'function') return;
      const raw = (req as { lastSeq?: unknown } | null)?.lastSeq;
      const last = typeof raw === 'number' && Number.isInteger(raw) ? raw : null;
      // Events are cheap to replay; the whole day is not, so a device gets only so many of it.
      if (this.engine.needsSnapshot(last)) {
        const retryAfterMs = this.snapshots.take(device.id);
        if (retryAfterMs === 0) this.flooding.delete(device.id);
        else {
          if (!this.flooding.has(device.id))
            this.logger.warn({ device: device.id, retryAfterMs }, 'snapshots refused: asked too often');
          this.flooding.add(device.id);
          return ack({ ok: false, error: protocolError('TOO_MANY_SNAPSHOTS', { retryAfterMs }) });
        }
      }
      this.engine.sync(last).then(ack, (e: unknown) => {
        this.logger.error({ err: e }, 'sync failed');
        ack({ ok: false, error: protocolError('INTERNAL') });
      });
    });
    socket.on('command', (raw, ack) => {
      if (typeof ack !== 'function') return;
      this.engine.submit(device, raw).then(
        (reply) => this.answer(socket, ack, reply),
        (e: unknown) => {
          this.logger.error({ err: e }, 'command handler failed');
          ack({ ok: false, error: protocolError('INTERNAL') });
        },
      );
    });
    socket.on('disconnect', (reason) => {
      this.logger.info({ device: device.id, reason }, 'device disconnected');
      if (this.presence.disconnected(device.id)) this.presenceChanged();
    });
  }

  /** A phone page sees its own ticket and nothing else. */
  private phoneConnected(socket: HubSocket, ticketId: string): void {
    void socket.join(`t:${ticketId}`);
    const view = ticketWatch(this.engine.config, this.engine.state, ticketId);
    const w = this.watchers.get(ticketId) ?? { sockets: 0, last: JSON.stringify(view) };
    w.sockets += 1;
    this.watchers.set(ticketId, w);
    if (view) socket.emit('ticket', view);
    socket.on('disconnect', () => {
      w.sockets -= 1;
      if (w.sockets <= 0) this.watchers.delete(ticketId);
    });
  }

  /** Re-send a watched ticket's view only when a change could move it, and only if it did move. */
  private updateWatchers(touched: Set<string>, all = false): void {
    if (this.watchers.size === 0) return;
    const state = this.engine.state;
    const lines = new Set<string>();
    for (const id of touched) {
      const t = state.tickets[id];
      if (t) lines.add(t.service).add(`zone:${t.zone}`);
    }
    for (const [id, w] of this.watchers) {
      const t = state.tickets[id];
      if (!t || (!all && !touched.has(id) && !lines.has(t.service) && !lines.has(`zone:${t.zone}`))) continue;
      const view = ticketWatch(this.engine.config, state, id);
      const json = JSON.stringify(view);
      if (!view || json === w.last) continue;
      w.last = json;
      this.io.to(`t:${id}`).emit('ticket', view);
    }
  }
}

/** A refused connection, with the code and message the client shows. */
function refusal(code: 'UNAUTHORIZED' | 'TOO_MANY_ATTEMPTS'): Error {
  const err = new Error(code) as Error & { data: unknown };
  err.data = protocolError(code);
  return err;
}
