// electron-builder.yml: valid for the installed electron-builder, and consistent with the esbuild output.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { electronBuildOptions, kioskDir } from '../../electron/build.mjs';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const repoRoot = resolve(kioskDir, '../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  npmRebuild: boolean;
  asar: boolean;
  asarUnpack: string[];
  directories: { app: string; output: string };
  files: string[];
  extraMetadata: { main: string };
  linux: { target: string[]; category: string; maintainer: string };
  deb: { packageName: string };
  win: { target: Array<{ target: string }> };
  nsis: { oneClick: boolean; perMachine: boolean };
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
// The same Ajv settings electron-builder uses to validate its configuration (minus type coercion: be strict).
const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme);

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check does catch mistakes', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('vn.luot.kiosk');
    expect(config.productName).toBe('Lượt Kiosk');
  });

  it('pins the installed Electron and does not rebuild native modules', () => {
    const installed = (require('electron/package.json') as { version: string }).version;
    expect(config.electronVersion).toBe(installed);
    expect(config.npmRebuild).toBe(false);
  });

  it('packs apps/kiosk, whose package.json has electron as a devDependency only', () => {
    expect(config.directories).toEqual({ app: 'apps/kiosk', output: 'release' });
    const appDir = join(repoRoot, config.directories.app);
    expect(appDir).toBe(kioskDir);
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(pkg.devDependencies?.electron).toBeDefined();
    expect(pkg.dependencies?.electron).toBeUndefined();
  });

  it('starts the main file that electron/build.mjs writes', () => {
    const { main, preload } = electronBuildOptions();
    expect(config.extraMetadata.main).toBe('dist-electron/main.cjs');
    expect(relative(kioskDir, main.outfile).split('\\').join('/')).toBe(config.extraMetadata.main);
    expect(relative(kioskDir, preload.outfile).split('\\').join('/')).toBe('dist-electron/preload.cjs');
    expect(config.files).toEqual([
      'dist-electron/**',
      'package.json',
      '!node_modules/**',
      'node_modules/@napi-rs/**',
    ]);
  });

  it('keeps native code and the fonts Skia reads outside the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/@napi-rs/**', '**/*.node', 'dist-electron/fonts/**']),
    );
  });

  it('builds AppImage and deb for Linux and a per-machine NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBeTruthy();
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.deb.packageName).toBe('luot-kiosk');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
  });

  it('turns off the Electron fuses that would let Node run outside the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
