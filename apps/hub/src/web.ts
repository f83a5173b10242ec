import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const APPS_DIR = fileURLToPath(new URL('../../', import.meta.url));

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * URL prefix → the built app (its Vite `dist`, apps/<app>/dist) and the HTML file for client-side routes.
 * The phone page has two: its page at /t/<token> (the QR code's URL, never a file) and its assets under
 * /phone, the base it is built for.
 */
const ROUTES: Array<{ prefix: string; app: string; html: string }> = [
  { prefix: '/kiosk', app: 'kiosk', html: 'index.html' },
  { prefix: '/t', app: 'phone', html: 'index.html' },
  { prefix: '/phone', app: 'phone', html: 'index.html' },
  { prefix: '/counter', app: 'counter', html: 'index.html' },
  { prefix: '/rating', app: 'rating', html: 'index.html' },
  { prefix: '/display', app: 'display', html: 'index.html' },
];

function placeholder(app: string): string {
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt</title>
<body style="font-family:sans-serif;padding:2rem"><h1>Lượt</h1>
<p>Ứng dụng <b>${app}</b> chưa được xây dựng. Chạy <code>npm run build:web</code>.</p>
<p>The <b>${app}</b> app has not been built. Run <code>npm run build:web</code>.</p></body></html>`;
}

/** Serves the built web apps; an app that is not built yet answers with a plain placeholder. */
export function webApps(): (req: IncomingMessage, res: ServerResponse) => boolean {
  const servers = new Map<string, Handler>();
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    const route = ROUTES.find((r) => url.pathname === r.prefix || url.pathname.startsWith(r.prefix + '/'));
    if (!route) return false;
    const dist = `${APPS_DIR}${route.app}/dist`;
    if (!existsSync(`${dist}/${route.html}`)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(placeholder(route.app));
      return true;
    }
    let serve = servers.get(dist);
    if (!serve) {
      serve = sirv(dist, { etag: true, dev: false, single: false });
      servers.set(dist, serve);
    }
    // Assets are referenced under the app's prefix (Vite `base`), so strip it before looking up a file.
    const rest = url.pathname.slice(route.prefix.length) || '/';
    const isAsset = /\.[a-z0-9]+$/i.test(rest) && route.prefix !== '/t';
    req.url = (isAsset ? rest : `/${route.html}`) + url.search;
    serve(req, res, () =>
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found'),
    );
    return true;
  };
}
