import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The `apps/` folder, found by walking up from this module: it runs from `src/http/` in development
 * and tests, but from `dist/main.js` or `dist/chunks/` once bundled, so no fixed `../..` fits both.
 */
export function findAppsDir(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'hub', 'package.json'))) return `${dir}/`;
  }
  throw new Error(`cannot find the apps folder above ${from}`);
}

const APPS_DIR = findAppsDir();

/** URL prefix → the built app (its Vite `dist`) and the HTML file for its client-side routes. */
export const APP_ROUTES: ReadonlyArray<{ prefix: string; app: string; html: string }> = [
  { prefix: '/kiosk', app: 'kiosk', html: 'index.html' },
  // The phone page: its path is the ticket's token; its assets are under /phone.
  { prefix: '/t', app: 'phone', html: 'index.html' },
  { prefix: '/phone', app: 'phone', html: 'index.html' },
  { prefix: '/counter', app: 'counter', html: 'index.html' },
  { prefix: '/rating', app: 'rating', html: 'index.html' },
  { prefix: '/display', app: 'display', html: 'index.html' },
  { prefix: '/supervisor', app: 'supervisor', html: 'index.html' },
  // The public booking page (and /book/manage to see or cancel a booking).
  { prefix: '/book', app: 'book', html: 'index.html' },
];

function placeholder(app: string): string {
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt</title>
<body style="font-family:sans-serif;padding:2rem"><h1>Lượt</h1>
<p>Ứng dụng <b>${app}</b> chưa được xây dựng. Chạy <code>npm run build</code>.</p>
<p>The <b>${app}</b> app has not been built. Run <code>npm run build</code>.</p></body></html>`;
}

/**
 * Serves the built web apps. Assets are referenced under the app's prefix (Vite `base`); every other
 * path under it is a client-side route and gets the app's HTML. An app that is not built yet answers
 * with a plain placeholder, so a half-built checkout still says what to do.
 */
export async function registerApps(app: FastifyInstance, appsDir = APPS_DIR): Promise<void> {
  // One instance of the plugin for `reply.sendFile` (ETag, ranges, no path traversal); routes below.
  await app.register(fastifyStatic, { root: appsDir, serve: false });
  for (const route of APP_ROUTES) {
    const dist = `${appsDir}${route.app}/dist`;
    /** `rest`: the path after the prefix. */
    const serve = (rest: string, reply: FastifyReply) => {
      if (!existsSync(`${dist}/${route.html}`)) {
        return reply.type('text/html; charset=utf-8').send(placeholder(route.app));
      }
      // The phone page's path is a ticket token, never a file.
      const isAsset = /\.[a-z0-9]+$/i.test(rest) && route.prefix !== '/t';
      return reply.sendFile(isAsset ? rest : route.html, dist);
    };
    app.get(route.prefix, (_req, reply) => serve('', reply));
    app.get<{ Params: { '*': string } }>(`${route.prefix}/*`, (req, reply) => serve(req.params['*'], reply));
  }
}
