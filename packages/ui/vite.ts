import { cpSync, createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

export interface AppOptions {
  /** HTML entry points, by name (default: index.html alone). */
  pages?: Record<string, string>;
  /**
   * Folders kept by another package and shipped with the app as they are, by the path under `base`
   * they are served at: `{ 'voice/vi': '…/packages/announcer/voice/vi' }` serves that folder at
   * <base>voice/vi/ (dev server) and copies it to dist/voice/vi/ (build). The app's own `public/`
   * works as usual beside them.
   */
  folders?: Record<string, string>;
}

/**
 * Vite settings shared by the web apps: built into `dist/` and served by the hub under `base`
 * (e.g. /kiosk/). `npm run dev -w apps/kiosk` proxies the hub's socket and API to LUOT_HUB
 * (default http://127.0.0.1:8080) for hot reload while the hub runs.
 */
export function appConfig(base: string, options: AppOptions = {}): UserConfig {
  const { pages = { index: 'index.html' }, folders = {} } = options;
  const hub = process.env.LUOT_HUB ?? 'http://127.0.0.1:8080';
  return defineConfig({
    base,
    plugins: [react(), ...Object.entries(folders).map(([at, dir]) => folder(base, at, dir))],
    build: { outDir: 'dist', emptyOutDir: true, rollupOptions: { input: pages }, chunkSizeWarningLimit: 800 },
    server: {
      proxy: { '/socket.io': { target: hub, ws: true }, '/api': hub },
    },
  });
}

const TYPES: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.json': 'application/json; charset=utf-8',
};

/** One folder of `AppOptions.folders`: a copy step at build time, a file server in development. */
function folder(base: string, at: string, dir: string): Plugin {
  const prefix = `${base}${at.replace(/^\/|\/$/g, '')}/`;
  let outDir = 'dist';
  return {
    name: `luot-folder:${at}`,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
        if (!path.startsWith(prefix)) return next();
        const file = normalize(join(dir, path.slice(prefix.length)));
        // Never outside the folder, whatever the URL says.
        if (!file.startsWith(normalize(dir) + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
          return next();
        }
        res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      cpSync(dir, join(outDir, at), { recursive: true });
    },
  };
}
