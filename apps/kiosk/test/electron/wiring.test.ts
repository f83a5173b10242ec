// Smoke test of the thin wiring in main.ts / window.ts / preload.ts. Electron's binary cannot run here, so main and
// preload are bundled with a fake `electron` (fake-electron.ts) and a fake printer, then loaded under Node.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronBuildOptions } from '../../electron/build.mjs';
import type { FakeState, FakeWebContents } from './fake-electron';
import { ticket } from './fixtures';

const HUB = 'http://hub.local:3000';
const PAGE = `${HUB}/kiosk?device=kiosk-1`;
const require = createRequire(import.meta.url);
const outdir = mkdtempSync(join(tmpdir(), 'luot-kiosk-wiring-'));
const g = globalThis as typeof globalThis & {
  __fakeElectron?: FakeState;
  __fakePrinter?: { configs: unknown[]; printed: unknown[] };
};

const fakes: Plugin = {
  name: 'fakes',
  setup(b) {
    const map: Record<string, string> = {
      electron: join(import.meta.dirname, 'fake-electron.ts'),
      '@luot/printer': join(import.meta.dirname, 'fake-printer-module.ts'),
    };
    b.onResolve({ filter: /^(electron|@luot\/printer)$/ }, (args) => ({ path: map[args.path]! }));
  },
};

let fake: FakeState;
let wc: FakeWebContents;
let win: FakeState['windows'][number];

const trusted = { senderFrame: { url: PAGE, parent: null } };
const invoke = (channel: string, event: unknown, ...args: unknown[]) =>
  fake.handlers.get(channel)!(event, ...args);

beforeAll(async () => {
  const { main, preload } = electronBuildOptions({ outdir });
  // The fake electron uses node:events, which the real one (provided by Electron) does not need.
  const options = (o: typeof main): BuildOptions => ({
    ...o,
    external: [...o.external.filter((e) => e !== 'electron'), 'node:*'],
    plugins: [fakes],
    logLevel: 'silent',
  });
  await Promise.all([build(options(main)), build(options(preload))]);

  const configFile = join(outdir, 'kiosk.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      hubUrl: `${HUB}/`,
      deviceId: 'kiosk-1',
      token: 'device-token-123',
      printer: { kind: 'tcp', host: '10.0.0.5' },
    }),
  );
  vi.spyOn(console, 'log').mockImplementation(() => {});
  process.env.LUOT_KIOSK_CONFIG = configFile; // this worker only
  require(join(outdir, 'main.cjs'));
  delete process.env.LUOT_KIOSK_CONFIG;
  await new Promise((r) => setTimeout(r, 0)); // app.whenReady().then(...)
  fake = g.__fakeElectron!;
  win = fake.windows[0]!;
  wc = win.webContents;
}, 30_000);

afterEach(() => {
  vi.useRealTimers();
});

describe('main process wiring', () => {
  it('starts sandboxed, with a plain user-data folder, and keeps the display awake', () => {
    expect(fake.errors).toEqual([]);
    expect(fake.app.sandbox).toBe(true);
    expect(fake.app.paths.userData).toBe(join('/fake/appData', 'luot-kiosk'));
    expect(fake.powerSave).toEqual(['prevent-display-sleep']);
    expect(g.__fakePrinter!.configs).toEqual([{ kind: 'tcp', host: '10.0.0.5' }]);
  });

  it('opens one locked-down kiosk window on the hub page, without the token in the URL', () => {
    expect(fake.windows).toHaveLength(1);
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      webviewTag: false,
      preload: join(outdir, 'preload.cjs'),
    });
    expect(wc.loaded[0]).toBe(PAGE);
    expect(wc.loaded.join(' ')).not.toContain('device-token-123');
  });

  it('blocks navigation, redirects and new windows outside the allow-list', () => {
    const nav = (event: string, url: string, isMainFrame = true) => {
      const e = { url, isMainFrame, preventDefault: vi.fn() };
      wc.emit(event, e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(nav('will-navigate', 'http://evil.com/')).toBe(true);
    expect(nav('will-navigate', `${HUB}/t/A012`)).toBe(false);
    expect(nav('will-redirect', 'http://hub@evil.com/kiosk')).toBe(true);
    expect(nav('will-frame-navigate', 'file:///etc/passwd', false)).toBe(true);
    expect(wc.windowOpenHandler!({ url: `${HUB}/kiosk` })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('swallows blocked shortcuts and lets typing through', () => {
    const key = (k: string, mods: Partial<Record<'control' | 'shift' | 'alt' | 'meta', boolean>> = {}) => {
      const e = { preventDefault: vi.fn() };
      wc.emit('before-input-event', e, {
        type: 'keyDown',
        key: k,
        code: '',
        control: false,
        shift: false,
        alt: false,
        meta: false,
        ...mods,
      });
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(key('F12')).toBe(true);
    expect(key('r', { control: true })).toBe(true);
    expect(key('a')).toBe(false);
  });

  it('grants only the permissions the kiosk needs', () => {
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      fake.session.request!({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]![0];
    };
    expect(request('fullscreen', `${HUB}/kiosk`)).toBe(true);
    expect(request('media', `${HUB}/kiosk`)).toBe(false);
    expect(request('fullscreen', 'http://evil.com/')).toBe(false);
    expect(fake.session.check!({}, 'geolocation', HUB, {})).toBe(false);
    expect(fake.session.device!({})).toBe(false);
    const download = { preventDefault: vi.fn() };
    fake.session.events.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('answers IPC only from the kiosk page itself', async () => {
    expect(await invoke('kiosk:device-config', trusted)).toEqual({
      deviceId: 'kiosk-1',
      token: 'device-token-123',
      locale: 'vi',
    });
    for (const senderFrame of [
      { url: 'data:text/html,offline', parent: null },
      { url: PAGE, parent: {} },
      { url: 'http://evil.com/kiosk', parent: null },
      null,
    ]) {
      expect(() => invoke('kiosk:device-config', { senderFrame })).toThrow(/not the kiosk page/);
      expect(() => invoke('kiosk:print', { senderFrame }, ticket)).toThrow(/not the kiosk page/);
    }
  });

  it('prints a valid ticket through @luot/printer and refuses an invalid one', async () => {
    const result = await invoke('kiosk:print', trusted, ticket);
    expect(result).toMatchObject({ ok: true, bytes: 1234, advice: { keepIssuing: true, reportFault: null } });
    expect(g.__fakePrinter!.printed).toEqual([{ ...ticket, locale: 'vi' }]);
    await expect(invoke('kiosk:print', trusted, { ...ticket, qrUrl: 'javascript:alert(1)' })).rejects.toThrow(
      /qrUrl/,
    );
    expect(await invoke('kiosk:printer-status', trusted)).toMatchObject({ online: true, fault: null });
  });

  it('shows the offline page when the hub cannot be reached, and retries', async () => {
    vi.useFakeTimers();
    const before = wc.loaded.length;
    wc.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', PAGE, true);
    expect(wc.loaded[before]).toMatch(/^data:text\/html/);
    expect(decodeURIComponent(wc.loaded[before]!)).toContain('Đang kết nối lại');
    await vi.advanceTimersByTimeAsync(2000);
    expect(wc.loaded[before + 1]).toBe(PAGE);
    wc.emit('did-fail-load', {}, -3, 'ERR_ABORTED', PAGE, true);
    expect(wc.loaded).toHaveLength(before + 2);
  });

  it('reloads after a renderer crash, and crashes a hung renderer', async () => {
    vi.useFakeTimers();
    const before = wc.loaded.length;
    wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(wc.loaded[before]).toBe(PAGE);
    win.win.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(wc.crashed).toBe(1);
  });

  it('keeps the window open until the app quits', () => {
    const close = { preventDefault: vi.fn() };
    win.win.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    fake.app.emit('before-quit');
    const closeOnQuit = { preventDefault: vi.fn() };
    win.win.emit('close', closeOnQuit);
    expect(closeOnQuit.preventDefault).not.toHaveBeenCalled();
  });
});

describe('preload', () => {
  it('exposes exactly the luotKiosk API, forwarding to the IPC channels', async () => {
    require(join(outdir, 'preload.cjs'));
    const api = fake.exposed.luotKiosk as Record<string, unknown> & {
      print(t: unknown): Promise<unknown>;
      printerStatus(): Promise<unknown>;
      getDeviceConfig(): Promise<unknown>;
    };
    expect(Object.keys(fake.exposed)).toEqual(['luotKiosk']);
    expect(Object.keys(api).sort()).toEqual(['getDeviceConfig', 'isElectron', 'print', 'printerStatus']);
    expect(api.isElectron).toBe(true);
    await api.print(ticket);
    await api.printerStatus();
    await api.getDeviceConfig();
    expect(fake.invoked).toEqual([
      ['kiosk:print', [ticket]],
      ['kiosk:printer-status', []],
      ['kiosk:device-config', []],
    ]);
  });
});
