/**
 * The city's live board (docs/city.md, "The board"): the HTTP API and the `/city` app, and the
 * Socket.IO feed fanned out across city processes through PostgreSQL. `startCity` attaches it and
 * tells it which office changed; everything else about the board lives in this folder.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Pool } from '../db.js';
import { viewerScopes } from './auth.js';
import { startBoardFeed, type BoardFeed } from './feed.js';
import { registerBoardRoutes } from './routes.js';

export { BOARD_SOCKET_PATH, type BoardFeed } from './feed.js';
export { officeSummaries } from './summaries.js';
export { officeMonitor } from './monitor.js';

export interface BoardOptions {
  /** The city viewer token (CITY_VIEWER_TOKEN): read-only access to the board. */
  viewerToken: string;
  /** Province viewers: province name → its token (CITY_PROVINCE_VIEWERS); they see its offices only. */
  provinceViewers?: Record<string, string>;
  /** An office offline longer than this is flagged [5]. */
  offlineFlagMinutes?: number;
  /** Changes are gathered this long before one query reads them [200 ms]. */
  flushMs?: number;
  /** Where the built app is (tests); found from apps/city-board by default. */
  dist?: string | null;
}

export async function attachBoard(
  app: FastifyInstance,
  opts: BoardOptions & { pool: Pool; databaseUrl: string; logger: Logger },
): Promise<BoardFeed> {
  const scopeOf = viewerScopes(opts.viewerToken, opts.provinceViewers);
  const settings = { offlineFlagMinutes: opts.offlineFlagMinutes ?? 5 };
  await registerBoardRoutes(app, { pool: opts.pool, settings, scopeOf, dist: opts.dist });
  return startBoardFeed({
    server: app.server,
    databaseUrl: opts.databaseUrl,
    pool: opts.pool,
    settings,
    scopeOf,
    logger: opts.logger,
    flushMs: opts.flushMs,
  });
}
