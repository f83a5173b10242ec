/**
 * The city service: Fastify for HTTP (as the hub), the uplink WebSocket at /uplink (`ws`, already
 * in the lockfile, on Fastify's own server), PostgreSQL through a pool. Any number of these may
 * run on the same database: nothing here holds a lock or a queue that another process needs.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  MAX_BATCH_EVENTS,
  parseUplink,
  UplinkFromHubSchema,
  type UplinkFromCity,
  type UplinkFromHub,
} from '@luot/protocol';
import { attachBoard, BOARD_SOCKET_PATH, type BoardFeed, type BoardOptions } from './board/index.js';
import { createPool, type Pool } from './db.js';
import { hello, ingestBatch } from './ingest.js';
import { runMigrations } from './migrations.js';
import { officeByToken } from './offices.js';
import { Projector } from './projector.js';
import { registerReportRoutes } from './reports/routes.js';

export const UPLINK_PATH = '/uplink';
/** Messages one uplink may have waiting for their answer. */
const MAX_PENDING = 8;

export interface CityOptions {
  databaseUrl: string;
  host?: string;
  port?: number;
  logger?: Logger;
  /** Connections in the pool; each uplink's batch holds one for its transaction. */
  poolSize?: number;
  /** How often silent uplinks are pinged; one that missed a ping is dropped. */
  heartbeatMs?: number;
  /** The live board at /city (src/board/); none without a viewer token. */
  board?: BoardOptions;
  /** The clock that says which day is today for reports (tests pin it). */
  now?: () => number;
}

export interface City {
  url: string;
  port: number;
  pool: Pool;
  projector: Projector;
  http: FastifyInstance;
  board: BoardFeed | null;
  /** Uplinks connected to this process now, by office. */
  connectedOffices(): string[];
  /** Resolves once the bookkeeping of every closed connection (offline since) is written. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startCity(opts: CityOptions): Promise<City> {
  const logger = opts.logger ?? pino({ name: 'luot-city' });
  const pool = createPool(opts.databaseUrl, opts.poolSize ?? 10);
  await runMigrations(pool);
  const projector = new Projector();
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, forceCloseConnections: true });
  const board = opts.board
    ? await attachBoard(app, { ...opts.board, pool, databaseUrl: opts.databaseUrl, logger })
    : null;

  app.get('/api/health', async () => {
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM offices');
    return { ok: true, offices: rows[0]?.n ?? 0, uplinks: sockets.size };
  });
  // What the board will read first: every office, online or not, and how far behind.
  app.get('/api/offices', async () => {
    const { rows } = await pool.query(
      `SELECT o.id, o.name, o.province, o.commune, c.last_seq, c.hub_seq, c.connected_at, c.disconnected_at,
              c.last_batch_at
       FROM offices o JOIN office_cursors c ON c.office_id = o.id ORDER BY o.province, o.commune, o.id`,
    );
    return rows;
  });

  // Reports across offices, one office's report as its hub makes it, the ratings export.
  registerReportRoutes(app, pool, { now: opts.now });

  // One uplink per frame: a batch is at most MAX_BATCH_EVENTS events of a few hundred bytes each.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BATCH_EVENTS * 8 * 1024 });
  const sockets = new Map<WebSocket, string>();
  const closings = new Set<Promise<unknown>>();

  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (board && path.startsWith(`${BOARD_SOCKET_PATH}/`)) return; // the board's Socket.IO answers it
    if (path !== UPLINK_PATH) return refuse(socket, 404, 'Not Found');
    const auth = /^Bearer (\S{12,200})$/.exec(req.headers.authorization ?? '');
    if (!auth) return refuse(socket, 401, 'Unauthorized');
    officeByToken(pool, auth[1]!).then(
      (officeId) => {
        if (!officeId) return refuse(socket, 401, 'Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => serveUplink(ws, officeId));
      },
      (err: unknown) => {
        logger.error({ err }, 'uplink authentication failed');
        refuse(socket, 503, 'Service Unavailable');
      },
    );
  });

  function serveUplink(ws: WebSocket, officeId: string): void {
    sockets.set(ws, officeId);
    const log = logger.child({ office: officeId });
    const send = (m: UplinkFromCity) => ws.send(JSON.stringify(m));
    /** When this connection's hello was recorded: its close marks the office offline only if no later hello came. */
    let greetedAt: string | null = null;
    let alive = true;
    ws.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, opts.heartbeatMs ?? 30_000);
    // One message at a time, in order: a batch's ack must follow the previous batch's.
    let chain = Promise.resolve();
    const handle = async (raw: string) => {
      if (ws.readyState !== ws.OPEN) return;
      const parsed = parseUplink(UplinkFromHubSchema, raw);
      if (!parsed.ok) {
        send({ type: 'error', message: `invalid message: ${parsed.message}` });
        return ws.close(1008, 'invalid message');
      }
      const m: UplinkFromHub = parsed.value;
      if (m.type === 'hello') {
        const { lastSeq, connectedAt } = await hello(pool, officeId, m.config, m.hubSeq);
        greetedAt = connectedAt;
        board?.changed(officeId);
        log.info({ lastSeq, hubSeq: m.hubSeq }, 'uplink connected');
        return send({ type: 'hello', officeId, lastSeq });
      }
      if (!greetedAt) {
        send({ type: 'error', message: 'hello first' });
        return ws.close(1008, 'hello first');
      }
      const r = await ingestBatch(pool, projector, officeId, m);
      if (r.kind === 'ack') board?.changed(officeId);
      send(
        r.kind === 'ack'
          ? { type: 'ack', seq: r.seq }
          : { type: 'resend', fromSeq: r.fromSeq, message: r.message },
      );
    };
    let pending = 0;
    ws.on('message', (data, isBinary) => {
      // The hub waits for each ack; a peer that piles messages up is not a hub (bounded memory).
      if (++pending > MAX_PENDING) {
        send({ type: 'error', message: `more than ${MAX_PENDING} messages without waiting for answers` });
        ws.terminate();
        return;
      }
      const raw = isBinary ? '' : data.toString();
      chain = chain.then(() =>
        handle(raw)
          .finally(() => pending--)
          .catch((err: unknown) => {
            // The database is away or refused the batch: nothing was committed; the hub resends
            // after it reconnects, from the city's last seq.
            log.error({ err }, 'uplink message failed');
            if (ws.readyState === ws.OPEN) {
              send({ type: 'error', message: 'the city could not store this batch; reconnect and resend' });
              ws.close(1011, 'internal error');
            }
          }),
      );
    });
    ws.on('close', () => {
      clearInterval(heartbeat);
      sockets.delete(ws);
      // An old connection closing after the hub reconnected (here or on another city process)
      // leaves the office online: only the latest hello's connection marks it offline.
      const closing = chain.then(() =>
        greetedAt
          ? pool
              .query(
                'UPDATE office_cursors SET disconnected_at = now() WHERE office_id = $1 AND connected_at = $2::timestamptz',
                [officeId, greetedAt],
              )
              .then(() => board?.changed(officeId))
              .catch(() => undefined)
          : undefined,
      );
      closings.add(closing);
      void closing.then(() => closings.delete(closing));
    });
    ws.on('error', (err) => log.warn({ err }, 'uplink socket error'));
  }

  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  logger.info({ url }, 'city listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    pool,
    projector,
    http: app,
    board,
    connectedOffices: () => [...new Set(sockets.values())],
    settled: async () => {
      await Promise.all([...closings]);
    },
    close() {
      closing ??= (async () => {
        for (const ws of sockets.keys()) ws.terminate();
        wss.close();
        await board?.close();
        await app.close();
        await pool.end();
      })();
      return closing;
    },
  };
}
