import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  const watchers = new Map<string, number>();
  // Requests are routed by a function declared below: the API needs the engine, the engine needs io.
  const server = createServer(route);
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
    onCommitted: (events: StreamEvent[]) => {
      io.to('devices').emit('events', events);
      // Phone pages: every watched ticket's place in line may have moved.
      for (const id of watchers.keys()) {
        const w = engine.watch(id);
        if (w) io.to(`t:${id}`).emit('ticket', w);
      }
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
      watchers.set(ticketId, (watchers.get(ticketId) ?? 0) + 1);
      const w = engine.watch(ticketId);
      if (w) socket.emit('ticket', w);
      socket.on('disconnect', () => {
        const n = (watchers.get(ticketId) ?? 1) - 1;
        if (n <= 0) watchers.delete(ticketId);
        else watchers.set(ticketId, n);
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
    engine.recordPrinter(device.id, {
      ok: printed.ok,
      fault: printed.ok ? null : printed.fault,
      paperNearEnd: printed.ok ? printed.paperNearEnd : false,
    });
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
  baseUrl = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
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
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await printers.close();
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
        logger.info('hub stopped');
      })();
      return closing;
    },
  };
}
