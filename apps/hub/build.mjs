// Bundle the hub into one ESM file (dist/main.js) that plain Node runs: our workspace packages are
// compiled in, npm dependencies (native modules among them) stay external and load from node_modules.
import { build } from 'esbuild';
import { cp } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  absWorkingDir: here('.'),
  // The planner's worker thread is a file of its own: `new Worker()` needs a path, and the hub finds
  // it as dist/planning-worker.js (apps/hub/src/planning/runner.ts).
  entryPoints: { main: 'src/main.ts', 'planning-worker': 'src/planning/worker.ts' },
  outdir: 'dist',
  // Separate chunks keep lazily loaded parts (the printer and its drawing library) out of start-up.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.kind === 'entry-point' || args.path.startsWith('@luot/')
            ? undefined
            : { path: args.path, external: true },
        );
      },
    },
  ],
});

// The printer finds its fonts at `new URL('../fonts/…', import.meta.url)`: bundled, that URL is its
// chunk's (dist/chunks/), so the fonts go to dist/fonts/, as the Electron build does for the kiosk.
await cp(here('../../packages/printer/fonts'), here('dist/fonts'), { recursive: true });
