import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  CommandAck,
  DeviceInfo,
  IssueResult,
  ServerToClientEvents,
  StreamEvent,
} from '@luot/protocol';
import { protocolError } from '@luot/protocol';
import { sha256 } from './auth.js';
import type { DeviceConfig, LoadedConfig } from './config.js';
import { openDatabase } from './db.js';
import { Engine } from './engine.js';
import { broadcastEvents } from './fanout.js';
import { api } from './api.js';
import { HubPrinters } from './printing.js';
import { Store } from './store.js';
import { webApps } from './web.js';

export interface HubOptions {
  config: LoadedConfig;
  dataDir: string;
  port?: number;
  host?: string;
  clock?: () => number;
  logger?: Logger;
}

export interface Hub {
  url: string;
  port: number;
  engine: Engine;
  printers: HubPrinters;
  io: Server;
  close(): Promise<void>;
}

type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
interface SocketData {
  device?: DeviceConfig;
  ticketId?: string;
}

/** `LUOT_FANOUT=socket.io` leaves every broadcast to Socket.IO (see fanout.ts): to compare, or if an upgrade misbehaves. */
const FANOUT_SHORT_PATH = process.env.LUOT_FANOUT !== 'socket.io';

/** The first LAN IPv4 address, so QR codes printed by a hub listening everywhere reach phones. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

/** Start the hub: database, queue engine, Socket.IO and HTTP on one port. */
export async function startHub(opts: HubOptions): Promise<Hub> {
  const logger = opts.logger ?? pino({ name: 'luot-hub' });
  const clock = opts.clock ?? Date.now;
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, 'luot.sqlite'));
  const store = new Store(db);
  const config = opts.config;
  let baseUrl = '';
  const publicUrl = () => config.hub.publicUrl?.replace(/\/$/, '') ?? baseUrl;

  /** Phone pages: sockets per watched ticket, and what each was last sent. */
  const watchers = new Map<string, { sockets: number; last: string }>();
  const MAX_SOCKETS_PER_TICKET = 5;

  /** Re-send a watched ticket's view only when a change could move it, and only if it did move. */
  function updateWatchers(touched: Set<string>): void {
    if (watchers.size === 0) return;
    const lines = new Set<string>();
    for (const id of touched) {
      const t = engine.state.tickets[id];
      if (t) lines.add(t.service).add(`zone:${t.zone}`);
    }
    for (const [id, w] of watchers) {
      const t = engine.state.tickets[id];
      if (!t || (!touched.has(id) && !lines.has(t.service) && !lines.has(`zone:${t.zone}`))) continue;
      const view = engine.watch(id);
      const json = JSON.stringify(view);
      if (!view || json === w.last) continue;
      w.last = json;
      io.to(`t:${id}`).emit('ticket', view);
    }
  }
  // Requests are routed by a function declared below: the API needs the engine, the engine needs io.
  const server = createServer(route);
  // Every open connection, so shutting down never waits on a client that went silent (a cut network).
  const connections = new Set<NetSocket>();
  server.on('connection', (c) => {
    connections.add(c);
    c.once('close', () => connections.delete(c));
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    server,
    {
      serveClient: false,
      cors: { origin: true },
      maxHttpBufferSize: 64 * 1024,
    },
  );
  const engine = new Engine({
    office: config.office,
    hub: config.hub,
    store,
    clock,
    logger,
    publicUrl,
    onCommitted: (events: StreamEvent[], touched: Set<string>) => {
      broadcastEvents(io.of('/'), 'devices', events, { shortPath: FANOUT_SHORT_PATH });
      updateWatchers(touched);
    },
  });
  engine.start();

  const printers = new HubPrinters(config.hub.printers, config.hub.printerTimeoutMs, logger);
  await printers.start();

  const startedAt = Date.now();
  const apiHandler = api(engine, store, config, startedAt);
  const web = webApps();
  function route(req: IncomingMessage, res: ServerResponse): void {
    try {
      if (apiHandler(req, res) || web(req, res)) return;
      if (req.url === '/' || req.url === '') {
        res.writeHead(302, { location: '/display' }).end();
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found');
    } catch (e) {
      logger.error({ err: e, url: req.url }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500).end();
    }
  }

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; ticketToken?: unknown };
    if (typeof auth.token === 'string') {
      const device = config.devicesByTokenHash.get(sha256(auth.token));
      if (device) {
        socket.data.device = device;
        return next();
      }
    } else if (typeof auth.ticketToken === 'string') {
      const id = store.ticketOfToken(auth.ticketToken);
      if (id && (watchers.get(id)?.sockets ?? 0) >= MAX_SOCKETS_PER_TICKET) {
        const err = new Error('TOO_MANY_ATTEMPTS') as Error & { data: unknown };
        err.data = protocolError('TOO_MANY_ATTEMPTS');
        return next(err);
      }
      if (id) {
        socket.data.ticketId = id;
        return next();
      }
    }
    const err = new Error('UNAUTHORIZED') as Error & { data: unknown };
    err.data = protocolError('UNAUTHORIZED');
    next(err);
  });

  io.on('connection', (socket: HubSocket) => {
    const { device, ticketId } = socket.data;
    if (ticketId) {
      // A phone page sees its own ticket and nothing else.
      void socket.join(`t:${ticketId}`);
      const view = engine.watch(ticketId);
      const w = watchers.get(ticketId) ?? { sockets: 0, last: JSON.stringify(view) };
      w.sockets += 1;
      watchers.set(ticketId, w);
      if (view) socket.emit('ticket', view);
      socket.on('disconnect', () => {
        w.sockets -= 1;
        if (w.sockets <= 0) watchers.delete(ticketId);
      });
      return;
    }
    if (!device) return socket.disconnect(true);
    logger.info({ device: device.id, role: device.role }, 'device connected');
    void socket.join('devices');

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
      const last = (req as { lastSeq?: unknown } | null)?.lastSeq;
      ack(engine.sync(typeof last === 'number' && Number.isInteger(last) ? last : null));
    });
    socket.on('command', (raw, ack) => {
      if (typeof ack !== 'function') return;
      void engine
        .submit(device, raw)
        .then((reply) => printIfAsked(device, raw, reply))
        .then(ack, (e: unknown) => {
          logger.error({ err: e }, 'command handler failed');
          ack({ ok: false, error: protocolError('INTERNAL') });
        });
    });
    socket.on('disconnect', (reason) => logger.info({ device: device.id, reason }, 'device disconnected'));
  });

  /** Browser kiosks ask the hub to print; the ticket is committed first, whatever the printer does. */
  async function printIfAsked(device: DeviceConfig, raw: unknown, reply: CommandAck): Promise<CommandAck> {
    const cmd = raw as { type?: string; print?: boolean; locale?: 'vi' | 'en' };
    if (!reply.ok || reply.replayed || cmd.type !== 'ticket.issue' || cmd.print !== true) return reply;
    const issued = reply.result as IssueResult;
    const printed = await printers.print(device.id, config.office, issued, cmd.locale === 'en' ? 'en' : 'vi');
    try {
      engine.recordPrinter(device.id, {
        ok: printed.ok,
        fault: printed.ok ? null : printed.fault,
        paperNearEnd: printed.ok ? printed.paperNearEnd : false,
      });
    } catch (e) {
      // The ticket is committed: a failure to note the printer's state must not turn it into an error.
      logger.error({ err: e, device: device.id }, 'could not record the printer state');
    }
    return { ...reply, result: { ...issued, printed } };
  }

  const rollover = setInterval(() => engine.tick(), 30_000);
  rollover.unref();

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host === '0.0.0.0' || host === '::' ? lanAddress() : host}:${port}`;
  if (!config.hub.publicUrl) {
    logger.warn(
      { url: baseUrl },
      'publicUrl is not set: QR codes point to this address; set publicUrl to what phones can reach',
    );
  }
  logger.info(
    { url: baseUrl, dataDir: opts.dataDir, day: engine.state.day, seq: engine.seq },
    'hub listening',
  );

  let closing: Promise<void> | null = null;
  return {
    url: baseUrl,
    port,
    engine,
    printers,
    io,
    close() {
      closing ??= (async () => {
        clearInterval(rollover);
        engine.close();
        const closed = new Promise<void>((resolve) => io.close(() => resolve()));
        // Acknowledged work is already on disk: connections still open now are only waiting for clients.
        for (const c of connections) c.destroy();
        await closed;
        await printers.close();
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
        logger.info('hub stopped');
      })();
      return closing;
    },
  };
}
