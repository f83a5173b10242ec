// electron/build.mjs: bundles main and preload into CommonJS that Electron (and a sandboxed preload) can load.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, kioskDir } from '../../electron/build.mjs';

const require = createRequire(import.meta.url);
const outdir = mkdtempSync(join(tmpdir(), 'luot-kiosk-build-'));
let built: Awaited<ReturnType<typeof buildElectron>>;

/** Module names a CommonJS bundle still requires at run time. */
const requiresOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);

beforeAll(async () => {
  // @luot/printer is left out here so this test checks the shell's own bundle; the real build bundles it.
  built = await buildElectron({ outdir, external: ['@luot/printer'] });
}, 30_000);

describe('electron/build.mjs', () => {
  it('writes main.cjs and preload.cjs with source maps', () => {
    for (const file of ['main.cjs', 'main.cjs.map', 'preload.cjs', 'preload.cjs.map']) {
      expect(existsSync(join(outdir, file)), file).toBe(true);
    }
  });

  it('makes a preload that only needs require("electron"), as a sandboxed preload must', () => {
    expect(new Set(requiresOf(join(outdir, 'preload.cjs')))).toEqual(new Set(['electron']));
    const inputs = Object.keys(built.preload.inputs).map((p) => relative(kioskDir, join(process.cwd(), p)));
    expect(
      inputs.every((p) => p.startsWith('electron')),
      inputs.join(', '),
    ).toBe(true);
  });

  it('makes a main bundle that needs only electron, Node built-ins and the printer at run time', () => {
    const allowed = /^(electron|node:.+|@luot\/printer(\/faults|\/config)?|@napi-rs\/canvas)$/;
    const needed = requiresOf(join(outdir, 'main.cjs'));
    expect(needed).toContain('electron');
    expect(needed.filter((m) => !allowed.test(m))).toEqual([]);
  });

  it('copies the ticket fonts next to the bundle', () => {
    if (!existsSync(join(kioskDir, '../../packages/printer/fonts'))) return;
    expect(readdirSync(join(outdir, 'fonts'))).toEqual(
      expect.arrayContaining(['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']),
    );
  });

  it("points the printer's import.meta.url at dist-electron/lib/, outside app.asar", () => {
    const source = readFileSync(join(outdir, 'main.cjs'), 'utf8');
    const shim = source.slice(0, source.indexOf('.href;') + '.href;'.length);
    const urlFor = (dirname: string) =>
      new Function('require', '__dirname', `${shim}\nreturn __luotImportMetaUrl;`)(
        require,
        dirname,
      ) as string;
    const packaged = urlFor('/opt/Lượt Kiosk/resources/app.asar/dist-electron');
    expect(new URL('../fonts/NotoSans-Regular.ttf', packaged).pathname).toBe(
      new URL('file:///opt/Lượt Kiosk/resources/app.asar.unpacked/dist-electron/fonts/NotoSans-Regular.ttf')
        .pathname,
    );
    expect(new URL('../fonts/x.ttf', urlFor('/work/apps/kiosk/dist-electron')).pathname).toBe(
      '/work/apps/kiosk/dist-electron/fonts/x.ttf',
    );
  });
});
