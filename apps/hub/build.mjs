// Bundle the hub into one ESM file (dist/main.js) that plain Node runs: our workspace packages are
// compiled in, npm dependencies (native modules among them) stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
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
          args.path.startsWith('@luot/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
