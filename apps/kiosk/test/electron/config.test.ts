import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KioskConfigError,
  loadKioskConfig,
  parseKioskConfig,
  resolveConfigPath,
} from '../../electron/config';

const EXAMPLE = resolve(import.meta.dirname, '../../electron/kiosk.example.json');
const valid = {
  hubUrl: 'http://10.0.0.2:3000',
  deviceId: 'kiosk-1',
  token: 's3cret-token',
  printer: { kind: 'none' },
};

/** The error message thrown by `fn`, failing the test if it does not throw a KioskConfigError. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KioskConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a KioskConfigError');
}

describe('resolveConfigPath', () => {
  const env = { LUOT_KIOSK_CONFIG: '/etc/luot/env.json' };
  it('prefers --config <file>, then --config=<file>', () => {
    expect(resolveConfigPath(['electron', '.', '--config', '/a.json'], env, '/ud')).toEqual({
      path: resolve('/a.json'),
      source: '--config',
    });
    expect(resolveConfigPath(['x', '--config=/b.json'], env, '/ud')).toEqual({
      path: resolve('/b.json'),
      source: '--config',
    });
  });
  it('then LUOT_KIOSK_CONFIG, then <userData>/kiosk.json', () => {
    expect(resolveConfigPath(['x'], env, '/ud')).toEqual({
      path: resolve('/etc/luot/env.json'),
      source: 'LUOT_KIOSK_CONFIG',
    });
    expect(resolveConfigPath(['x'], {}, '/ud')).toEqual({
      path: join('/ud', 'kiosk.json'),
      source: 'userData',
    });
  });
  it('rejects --config without a value', () => {
    expect(errorOf(() => resolveConfigPath(['x', '--config'], {}, '/ud'))).toMatch(
      /--config needs a file path/,
    );
    expect(errorOf(() => resolveConfigPath(['x', '--config', '--debug'], {}, '/ud'))).toMatch(
      /--config needs/,
    );
  });
});

describe('parseKioskConfig', () => {
  it('fills defaults and trims the trailing slash of hubUrl', () => {
    expect(parseKioskConfig({ ...valid, hubUrl: 'http://10.0.0.2:3000/' })).toEqual({
      ...valid,
      locale: 'vi',
      keepIssuingWhenPrinterFails: false,
      printTimeoutMs: 20_000,
      debug: false,
    });
  });

  it('accepts the example config', () => {
    const config = parseKioskConfig(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    expect(config.printer).toMatchObject({ kind: 'tcp', port: 9100 });
  });

  it.each([
    [
      {
        kind: 'tcp',
        host: '10.0.0.9',
        port: 9100,
        paperWidth: 58,
        timeoutMs: 3000,
        buzzer: true,
        nativeQr: false,
      },
    ],
    [{ kind: 'usb', device: '/dev/usb/lp0', paperWidth: 80, writeTimeoutMs: 15_000 }],
    [{ kind: 'file', path: '/tmp/tickets.bin' }],
    [{ kind: 'none' }],
  ])('accepts printer %j', (printer) => {
    expect(parseKioskConfig({ ...valid, printer }).printer).toEqual(printer);
  });

  it.each([
    [{ hubUrl: undefined }, 'hubUrl: is required'],
    [{ hubUrl: 'hub.local:3000' }, 'hubUrl: must be an http(s) URL'],
    [{ hubUrl: 'ftp://hub' }, 'hubUrl: must be an http(s) URL'],
    [{ hubUrl: 'http://u:p@hub' }, 'hubUrl: must be an http(s) URL'],
    [{ hubUrl: 'http://hub/?token=x' }, 'hubUrl: must be an http(s) URL'],
    [{ deviceId: '' }, 'deviceId: must be 1–64 characters'],
    [{ deviceId: 'kiosk 1' }, 'deviceId: must be 1–64 characters'],
    [{ token: '' }, 'token: must not be empty'],
    [{ token: 'has space' }, 'token: must not contain spaces'],
    [{ token: 42 }, 'token: must be a string (got number)'],
    [{ printer: undefined }, 'printer: is required'],
    [{ printer: 'tcp' }, 'printer: must be an object'],
    [{ printer: { kind: 'serial' } }, 'printer.kind: must be one of "tcp", "usb", "file", "none"'],
    [{ printer: { kind: 'tcp' } }, 'printer.host: is required'],
    [{ printer: { kind: 'tcp', host: 'p', port: 70000 } }, 'printer.port:'],
    [{ printer: { kind: 'tcp', host: 'p', paperWidth: 57 } }, 'printer.paperWidth: must be 58 or 80'],
    [{ printer: { kind: 'usb' } }, 'printer.device: is required'],
    [{ printer: { kind: 'none', host: 'p' } }, 'printer.host: unknown setting'],
    [{ locale: 'fr' }, 'locale: must be "vi" or "en"'],
    [{ keepIssuingWhenPrinterFails: 'yes' }, 'keepIssuingWhenPrinterFails: must be a boolean (got string)'],
    [{ printTimeoutMs: 10 }, 'printTimeoutMs:'],
    [{ debug: 1 }, 'debug: must be a boolean'],
    [{ hubURL: 'http://x' }, 'hubURL: unknown setting (check the spelling)'],
  ])('rejects %j naming the field', (patch, message) => {
    expect(errorOf(() => parseKioskConfig({ ...valid, ...patch }))).toContain(message);
  });

  it('lists every problem at once', () => {
    const message = errorOf(() => parseKioskConfig({ hubUrl: 'x', token: 1 }));
    expect(message).toMatch(/hubUrl:.*\n.*deviceId: is required\n.*token:.*\n.*printer: is required/);
  });

  it('rejects a file that is not an object', () => {
    expect(errorOf(() => parseKioskConfig([]))).toContain('(file): must be an object (got array)');
    expect(errorOf(() => parseKioskConfig(null))).toContain('(file): must be an object');
  });

  it('never repeats the token in an error', () => {
    const message = errorOf(() => parseKioskConfig({ ...valid, token: 'TOP SECRET', deviceId: '' }));
    expect(message).not.toContain('TOP SECRET');
  });
});

describe('loadKioskConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luot-kiosk-config-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads <userData>/kiosk.json (with or without a BOM)', () => {
    write('kiosk.json', `\uFEFF${JSON.stringify(valid)}`);
    const loaded = loadKioskConfig({ argv: [], env: {}, userDataDir: dir });
    expect(loaded).toMatchObject({
      source: 'userData',
      path: join(dir, 'kiosk.json'),
      config: { deviceId: 'kiosk-1' },
    });
  });

  it('reads the file named by --config before the environment', () => {
    const path = write('arg.json', JSON.stringify({ ...valid, deviceId: 'from-arg' }));
    const env = { LUOT_KIOSK_CONFIG: write('env.json', JSON.stringify({ ...valid, deviceId: 'from-env' })) };
    expect(loadKioskConfig({ argv: ['--config', path], env, userDataDir: dir }).config.deviceId).toBe(
      'from-arg',
    );
    expect(loadKioskConfig({ argv: [], env, userDataDir: dir }).config.deviceId).toBe('from-env');
  });

  it('explains a missing file, naming where it looked', () => {
    const message = errorOf(() =>
      loadKioskConfig({ argv: [], env: { LUOT_KIOSK_CONFIG: join(dir, 'nope.json') }, userDataDir: dir }),
    );
    expect(message).toContain(`Kiosk config not found: ${join(dir, 'nope.json')} (from LUOT_KIOSK_CONFIG)`);
    expect(message).toContain('kiosk.example.json');
  });

  it('does not fall back when the named file is missing', () => {
    write('kiosk.json', JSON.stringify(valid));
    expect(
      errorOf(() =>
        loadKioskConfig({ argv: ['--config', join(dir, 'missing.json')], env: {}, userDataDir: dir }),
      ),
    ).toContain('not found');
  });

  it('reports bad JSON with the file name', () => {
    const path = write('bad.json', '{ "hubUrl": "http://x", }');
    expect(errorOf(() => loadKioskConfig({ argv: [`--config=${path}`], env: {}, userDataDir: dir }))).toMatch(
      new RegExp(
        `Kiosk config ${path.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} \\(from --config\\) is not valid JSON`,
      ),
    );
  });

  it('reports invalid fields with the file name', () => {
    const path = write('invalid.json', JSON.stringify({ ...valid, locale: 'de' }));
    const message = errorOf(() => loadKioskConfig({ argv: ['--config', path], env: {}, userDataDir: dir }));
    expect(message).toContain(`Invalid kiosk config ${path} (from --config)`);
    expect(message).toContain('locale: must be "vi" or "en"');
  });

  it('reports other read errors', () => {
    const readFile = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(errorOf(() => loadKioskConfig({ argv: [], env: {}, userDataDir: dir, readFile }))).toContain(
      'Cannot read kiosk config',
    );
  });
});
