/**
 * The board's live feed: Socket.IO on the city's own HTTP server, fanned out across every city
 * process by `@socket.io/postgres-adapter` (LISTEN/NOTIFY on the database the city already has: no
 * other broker). An uplink may be connected to process A while a browser watches process B: A
 * computes the office's line after the batch commits and emits it to the room 'board', and the
 * adapter carries it to B's sockets through PostgreSQL.
 *
 * Changes are coalesced: `changed(office)` marks the office, and at most every `flushMs` one query
 * reads the lines of every marked office (live traffic is one batch per event; a busy city would
 * otherwise query per event). Each line is emitted on its own: a line is well under the 8000 bytes
 * NOTIFY carries, so the adapter never needs its attachments table for it.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { BoardFeedEvents, BoardSettings, BoardSnapshot } from '@luot/protocol';
import type { ScopeOf, ViewerScope } from './auth.js';
import { createPool, type Pool, type PoolClient } from '../db.js';
import { officeSummaries } from './summaries.js';

/** Under /city, so one reverse-proxy rule sends the board's page, API and socket to the city. */
export const BOARD_SOCKET_PATH = '/city/socket.io';
/** Viewers of every office; a province viewer is in its province's room instead. */
const ROOM = 'board';
const provinceRoom = (province: string) => `province:${province}`;
/** The adapter's table for payloads over NOTIFY's limit (its README's schema); see `prepareAdapter`. */
const ATTACHMENTS = 'socket_io_attachments';
/** Any constant: serializes the adapter table's creation when several processes start at once. */
const ADAPTER_LOCK = 0x6c756f62; // 'luob'
const SNAPSHOT_RETRY_MS = 2000;

export interface BoardFeed {
  /** An office's line may have changed (a batch committed, it connected or went away). */
  changed(officeId: string): void;
  /** Resolves when every change marked so far has been emitted. */
  flushed(): Promise<void>;
  /** Browsers connected to this process's feed. */
  viewers(): number;
  close(): Promise<void>;
}

export interface FeedOptions {
  server: HttpServer;
  databaseUrl: string;
  /** The city's pool, for the summaries. */
  pool: Pool;
  settings: BoardSettings;
  scopeOf: ScopeOf;
  logger: Logger;
  flushMs?: number;
}

export async function startBoardFeed(opts: FeedOptions): Promise<BoardFeed> {
  // A pool of its own: the adapter holds one client for LISTEN for as long as it runs, and its
  // NOTIFYs must not wait behind ingest transactions for a connection.
  let closing = false;
  const adapterPool = createPool(opts.databaseUrl, 3);
  // The adapter keeps one client checked out for LISTEN, and the pool listens for errors only on
  // idle clients: when PostgreSQL restarts, that client's error would be unhandled and take the
  // process down. Heard here instead: the client is given back as broken (the pool forgets it, or
  // its end would wait for it forever), and the adapter, seeing it end, connects and listens again.
  adapterPool.on('connect', (client) =>
    client.on('error', (err) => {
      if (!closing) opts.logger.warn({ err }, 'board fan-out lost its PostgreSQL connection; reconnecting');
      try {
        (client as unknown as PoolClient).release(err);
      } catch {
        // Not checked out (idle): the pool's own listener has dropped it.
      }
    }),
  );
  await prepareAdapter(adapterPool);
  const io = new Server<
    Record<string, never>,
    BoardFeedEvents,
    Record<string, never>,
    { scope: ViewerScope }
  >(opts.server, {
    path: BOARD_SOCKET_PATH,
    serveClient: false,
    // The city's own upgrade handler serves /uplink on the same server: engine.io must not close
    // upgrades that are not its own.
    destroyUpgrade: false,
    maxHttpBufferSize: 4 * 1024,
    adapter: createAdapter(adapterPool, {
      errorHandler: (err) => {
        if (!closing) opts.logger.warn({ err }, 'board fan-out (PostgreSQL adapter) failed');
      },
    }),
  });
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const scope = opts.scopeOf(typeof token === 'string' ? token : null);
    if (!scope)
      return next(new Error('unauthorized: a valid city viewer token is needed (CITY_VIEWER_TOKEN)'));
    socket.data.scope = scope;
    next();
  });
  io.on('connection', (socket) => {
    // Joined before the snapshot is read: a change committed meanwhile arrives after it, never lost.
    const { scope } = socket.data;
    void socket.join(scope.province === null ? ROOM : provinceRoom(scope.province));
    const send = () =>
      boardSnapshot(opts.pool, opts.settings, scope).then(
        (snapshot) => socket.emit('board', snapshot),
        (err: unknown) => {
          // The database is away: try again while the browser stays (a server-side disconnect
          // would stop its reconnecting for good).
          opts.logger.warn({ err }, 'board snapshot failed; retrying');
          const retry = setTimeout(() => socket.connected && !closing && void send(), SNAPSHOT_RETRY_MS);
          socket.once('disconnect', () => clearTimeout(retry));
        },
      );
    void send();
  });

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve();
  const flush = () => {
    timer = null;
    const ids = [...pending];
    pending.clear();
    running = running.then(async () => {
      try {
        for (const line of await officeSummaries(opts.pool, ids)) {
          io.to(ROOM).to(provinceRoom(line.province)).emit('office', line);
        }
      } catch (err) {
        // The database is away: the lines come with the next change, or the next snapshot.
        opts.logger.warn({ err }, 'board update failed');
      }
    });
  };

  return {
    changed(officeId) {
      pending.add(officeId);
      timer ??= setTimeout(flush, opts.flushMs ?? 200);
    },
    async flushed() {
      if (timer) {
        clearTimeout(timer);
        flush();
      }
      await running;
    },
    viewers: () => io.of('/').sockets.size,
    async close() {
      closing = true;
      if (timer) clearTimeout(timer);
      await running;
      io.disconnectSockets(true);
      // Socket.IO's close would also close the HTTP server, which the city closes itself.
      await io.of('/').adapter.close();
      io.engine.close();
      await adapterPool.end();
    },
  };
}

export async function boardSnapshot(
  pool: Pool,
  settings: BoardSettings,
  scope: ViewerScope,
): Promise<BoardSnapshot> {
  return { settings, scope, offices: await officeSummaries(pool, null, scope.province), now: Date.now() };
}

/**
 * The adapter's attachments table, as its README creates it. Not one of the city's numbered
 * migrations: it is the adapter's scratch space (rows live 30 s), made here under an advisory lock
 * so processes starting together do not race on it.
 */
async function prepareAdapter(pool: Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [ADAPTER_LOCK]);
    await c.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS} (
      id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
