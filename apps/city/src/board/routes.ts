/**
 * The board's HTTP side: its read API (viewer token) and the built `/city` app (apps/city-board,
 * a Vite build served as static files; every other path under /city is the app's own route).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BoardSettings } from '@luot/protocol';
import type { Pool } from '../db.js';
import { bearer, type ScopeOf, type ViewerScope } from './auth.js';
import { boardSnapshot } from './feed.js';
import { officeMonitor } from './monitor.js';

/** apps/city-board/dist, found by walking up from here (source in development, a bundle later). */
export function findBoardDist(from = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'city-board', 'package.json'))) return join(dir, 'city-board', 'dist');
  }
  return null;
}

const PLACEHOLDER = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt — Thành phố</title>
<body style="font-family:sans-serif;padding:2rem"><h1>Lượt</h1>
<p>Bảng theo dõi thành phố chưa được xây dựng. Chạy <code>npm run build -w apps/city-board</code>.</p>
<p>The city board has not been built. Run <code>npm run build -w apps/city-board</code>.</p></body></html>`;

const UNAUTHORIZED = {
  error: 'unauthorized',
  message: 'Cần mã xem của thành phố (CITY_VIEWER_TOKEN). / A valid city viewer token is needed.',
};

export async function registerBoardRoutes(
  app: FastifyInstance,
  opts: {
    pool: Pool;
    settings: BoardSettings;
    scopeOf: ScopeOf;
    dist?: string | null;
  },
): Promise<void> {
  /** The viewer's scope, or null after answering 401. */
  const scope = (req: FastifyRequest, reply: FastifyReply): ViewerScope | null => {
    const s = opts.scopeOf(bearer(req.headers.authorization));
    if (!s) void reply.code(401).send(UNAUTHORIZED);
    return s;
  };

  app.get('/api/board', async (req, reply) => {
    const s = scope(req, reply);
    return s ? boardSnapshot(opts.pool, opts.settings, s) : reply;
  });
  app.get<{ Params: { id: string } }>('/api/board/offices/:id', async (req, reply) => {
    const s = scope(req, reply);
    if (!s) return reply;
    const monitor = await officeMonitor(opts.pool, req.params.id);
    // Another province's office is as unknown to a province viewer as one that does not exist.
    if (!monitor || (s.province !== null && monitor.office.province !== s.province)) {
      return reply.code(404).send({
        error: 'not_found',
        message: `Không có văn phòng “${req.params.id}”. / No office "${req.params.id}".`,
      });
    }
    return monitor;
  });

  const dist = opts.dist === undefined ? findBoardDist() : opts.dist;
  await app.register(fastifyStatic, { root: dist ?? process.cwd(), serve: false });
  const serve = (rest: string, reply: FastifyReply) => {
    if (!dist || !existsSync(join(dist, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').send(PLACEHOLDER);
    }
    // Files have an extension; anything else (/city/office/quoc-oai) is a route of the app.
    return reply.sendFile(/\.[a-z0-9]+$/i.test(rest) ? rest : 'index.html', dist);
  };
  app.get('/city', (_req, reply) => serve('', reply));
  app.get<{ Params: { '*': string } }>('/city/*', (req, reply) => serve(req.params['*'], reply));
}
