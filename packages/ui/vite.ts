import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * Vite settings shared by the web apps: built into `dist/` and served by the hub under `base`
 * (e.g. /kiosk/). `npm run dev -w apps/kiosk` proxies the hub's socket and API to LUOT_HUB
 * (default http://127.0.0.1:8080) for hot reload while the hub runs.
 */
export function appConfig(base: string, pages: Record<string, string> = { index: 'index.html' }): UserConfig {
  const hub = process.env.LUOT_HUB ?? 'http://127.0.0.1:8080';
  return defineConfig({
    base,
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true, rollupOptions: { input: pages }, chunkSizeWarningLimit: 800 },
    server: {
      proxy: { '/socket.io': { target: hub, ws: true }, '/api': hub },
    },
  });
}
