import { mkdirSync } from 'node:fs';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { LoadedConfig } from './config.js';
import { Engine } from './engine/engine.js';
import { createHttpServer } from './http/server.js';
import { PlanRunner } from './planning/runner.js';
import { smsGateway, type SmsGateway } from '@luot/sms';
import { HubPrinters } from './printing/hub-printers.js';
import { openStorage } from './storage/index.js';
import type { Store } from './storage/store.js';
import { DeviceSockets } from './transport/sockets.js';
import { Uplink } from './uplink/uplink.js';
import { BookingService } from './bookings/service.js';
import { BookingStore } from './bookings/store.js';
import { OtpHasher } from './bookings/otp.js';
import { BookingJobs } from './bookings/jobs.js';

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
  store: Store;
  printers: HubPrinters;
  /** Text messages to citizens' phones (the hub file's `sms`: the log by default). */
  sms: SmsGateway;
  /** Where staffing plans are made (a worker thread each). */
  planner: PlanRunner;
  /** Online numbers (docs/bookings.md). */
  bookings: BookingService;
  /** Their daily jobs: no-shows, reminders, retention. */
  bookingJobs: BookingJobs;
  sockets: DeviceSockets;
  /** The uplink to the city service, when the configuration names one. */
  uplink: Uplink | null;
  http: FastifyInstance;
  close(): Promise<void>;
}

/** The first LAN IPv4 address, so QR codes printed by a hub listening everywhere reach phones. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

/**
 * Start the hub: storage (SQLite), the engine (the only writer), devices' sockets and HTTP on one
 * port, and the printers it drives for browser kiosks.
 */
export async function startHub(opts: HubOptions): Promise<Hub> {
  const logger = opts.logger ?? pino({ name: 'luot-hub' });
  const clock = opts.clock ?? Date.now;
  const config = opts.config;
  mkdirSync(opts.dataDir, { recursive: true });
  const storage = openStorage(join(opts.dataDir, 'luot.sqlite'));
  const { store, reports } = storage;
  let baseUrl = '';
  const publicUrl = () => config.hub.publicUrl?.replace(/\/$/, '') ?? baseUrl;

  const printers = new HubPrinters(config.hub.printers, config.hub.printerTimeoutMs, logger, {
    pollMs: config.hub.printerPollMs,
    // `engine` is assigned before polling starts; it logs and broadcasts only changes.
    onStatus: (device, s) =>
      engine.recordPrinter(device, { ok: s.fault === null, fault: s.fault, paperNearEnd: s.paperNearEnd }),
  });
  const sms = smsGateway(config.hub.sms, (entry, message) => logger.info(entry, message));
  const bookingStore = new BookingStore(store.db);
  const bookings: BookingService = new BookingService({
    store: bookingStore,
    office: config.office,
    clock,
    // `engine` is assigned below, before any request can reach this.
    level: () => engine.state.level,
    sms,
    otp: OtpHasher.fromFile(join(opts.dataDir, 'otp.key')),
    ticket: (id) => engine.state.tickets[id] ?? null,
    publicUrl,
    ticketUrl: (id) => {
      const token = bookingStore.tokenOf(id);
      return token ? `${publicUrl()}/t/${token}` : null;
    },
    logger: logger.child({ component: 'bookings' }),
  });
  // Assigned below: the engine broadcasts through the sockets, the sockets submit to the engine.
  let sockets: DeviceSockets | null = null;
  const uplink = config.hub.city
    ? new Uplink({
        url: config.hub.city.url,
        officeToken: config.hub.city.officeToken,
        log: store,
        office: config.office,
        logger: logger.child({ component: 'uplink' }),
        minBackoffMs: config.hub.city.retryMinMs,
        maxBackoffMs: config.hub.city.retryMaxMs,
        batchSize: config.hub.city.batchSize,
      })
    : null;
  const engine: Engine = new Engine({
    office: config.office,
    hub: config.hub,
    store,
    clock,
    logger,
    services: {
      publicUrl,
      print: (device, issued, locale) => printers.print(device, config.office, issued, locale),
      bookings,
    },
    onCommitted: (events, touched) => {
      sockets?.broadcast(events, touched);
      uplink?.notify();
    },
  });
  engine.start();
  await printers.start();
  printers.startPolling();

  // Staffing plans run in worker threads, one at a time: the engine's thread stays free for the office.
  const planner = new PlanRunner({ logger });
  const http = await createHttpServer({
    engine,
    store,
    reports,
    config,
    planner,
    sms,
    bookings,
    startedAt: Date.now(),
    uplinkStatus: () => uplink?.status() ?? null,
    logger,
  });
  // Every open connection, so shutting down never waits on a client that went silent (a cut network).
  const connections = new Set<NetSocket>();
  http.server.on('connection', (c: NetSocket) => {
    connections.add(c);
    c.once('close', () => connections.delete(c));
  });
  sockets = new DeviceSockets(http.server, engine, store, config, logger);

  const rollover = setInterval(() => engine.tick(), 30_000);
  rollover.unref();
  // No-shows, reminders and retention: once now (a hub off for a week erases on start), then each
  // minute. Not awaited: the database work is done before the pass's first await (jobs.ts), and
  // the hub must not wait on an SMS provider to start.
  const bookingJobs = new BookingJobs({ bookings, hub: config.hub, office: config.office, clock, logger });
  void bookingJobs.run();
  bookingJobs.start();

  const host = opts.host ?? '127.0.0.1';
  await http.listen({ port: opts.port ?? 0, host });
  const port = (http.server.address() as AddressInfo).port;
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

  uplink?.start();

  let closing: Promise<void> | null = null;
  const devices = sockets;
  return {
    url: baseUrl,
    port,
    engine,
    store,
    printers,
    sms,
    planner,
    bookings,
    bookingJobs,
    sockets: devices,
    uplink,
    http,
    close() {
      closing ??= (async () => {
        clearInterval(rollover);
        bookingJobs.stop();
        uplink?.close();
        printers.stopPolling();
        engine.close();
        const closed = devices.close();
        // Acknowledged work is already on disk: connections still open now are only waiting for clients.
        for (const c of connections) c.destroy();
        await closed;
        await http.close().catch(() => undefined);
        await planner.close();
        await printers.close();
        storage.close();
        logger.info('hub stopped');
      })();
      return closing;
    },
  };
}
