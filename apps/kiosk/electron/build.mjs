// Builds the Electron shell: electron/main.ts → dist-electron/main.cjs, electron/preload.ts → dist-electron/preload.cjs.
// Usage: node apps/kiosk/electron/build.mjs [--watch]
//
// main bundles @luot/printer and its pure-JS dependencies; `electron` and native modules stay external and are
// loaded from node_modules at run time (electron-builder packs them; asarUnpack keeps the .node files on disk).
// The printer finds its fonts with `new URL('../fonts/…', import.meta.url)`; in the CommonJS bundle import.meta.url
// points into dist-electron/lib/ (outside app.asar, because native Skia cannot read inside it), so the fonts are
// copied to dist-electron/fonts/.
import { build, context } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const kioskDir = resolve(here, '..');
export const defaultOutdir = join(kioskDir, 'dist-electron');

/** Electron 45 runs Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** Native or Electron-provided modules: never bundled. */
export const NATIVE_EXTERNALS = ['electron', '@napi-rs/canvas', '@napi-rs/canvas-*', '*.node'];

const IMPORT_META_URL_SHIM = [
  'const __luotImportMetaUrl = require("node:url").pathToFileURL(',
  '  require("node:path").join(__dirname.replace(/app\\.asar(?=[\\\\/]|$)/, "app.asar.unpacked"), "lib", "bundle.cjs"),',
  ').href;',
].join('\n');

/**
 * @typedef {{ outdir?: string, external?: string[], minify?: boolean }} ElectronBuildParams
 *   `external` adds modules to leave out of the bundles (tests use it).
 */

/**
 * esbuild options for main and preload.
 * @param {ElectronBuildParams} [params]
 * @returns {{ main: import('esbuild').BuildOptions & { outfile: string, external: string[] },
 *             preload: import('esbuild').BuildOptions & { outfile: string, external: string[] } }}
 */
export function electronBuildOptions({ outdir = defaultOutdir, external = [], minify = false } = {}) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    minify,
    logLevel: 'warning',
    legalComments: 'none',
  };
  return {
    main: {
      ...common,
      entryPoints: [join(here, 'main.ts')],
      outfile: join(outdir, 'main.cjs'),
      platform: 'node',
      target: NODE_TARGET,
      external: [...NATIVE_EXTERNALS, ...external],
      define: { 'import.meta.url': '__luotImportMetaUrl' },
      banner: { js: IMPORT_META_URL_SHIM },
    },
    preload: {
      ...common,
      entryPoints: [join(here, 'preload.ts')],
      outfile: join(outdir, 'preload.cjs'),
      // A sandboxed preload has no Node: only require('electron') (and a few polyfills) is available.
      platform: 'browser',
      target: CHROME_TARGET,
      external: ['electron', ...external],
    },
  };
}

/**
 * The printer's fonts, if the printer package has any; copied next to the bundle.
 * @param {string} outdir
 */
async function copyPrinterFonts(outdir) {
  const fonts = join(kioskDir, '..', '..', 'packages', 'printer', 'fonts');
  await mkdir(join(outdir, 'fonts'), { recursive: true });
  await cp(fonts, join(outdir, 'fonts'), { recursive: true }).catch(
    (/** @type {NodeJS.ErrnoException} */ err) => {
      if (err.code !== 'ENOENT') throw err;
    },
  );
}

/**
 * Clean `outdir`, build main and preload into it, copy the fonts.
 * @param {ElectronBuildParams} [options]
 * @returns {Promise<{ outdir: string, main: import('esbuild').Metafile, preload: import('esbuild').Metafile }>}
 */
export async function buildElectron(options = {}) {
  const outdir = options.outdir ?? defaultOutdir;
  await rm(outdir, { recursive: true, force: true });
  const { main, preload } = electronBuildOptions({ ...options, outdir });
  const [mainResult, preloadResult] = await Promise.all([
    build({ ...main, metafile: true }),
    build({ ...preload, metafile: true }),
  ]);
  await copyPrinterFonts(outdir);
  return { outdir, main: mainResult.metafile, preload: preloadResult.metafile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv.includes('--watch')) {
    const { main, preload } = electronBuildOptions();
    await copyPrinterFonts(defaultOutdir);
    for (const options of [main, preload]) await (await context(options)).watch();
    console.log('esbuild: watching electron/ …');
  } else {
    const { outdir } = await buildElectron({ minify: process.argv.includes('--minify') });
    console.log(`esbuild: built ${outdir}/main.cjs and preload.cjs`);
  }
}
