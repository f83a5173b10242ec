import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';

const base = { devices: [{ id: 'kiosk-1', role: 'kiosk', token: 'test-kiosk-1-token' }], officers: [] };

describe('hub configuration', () => {
  it("keeps every field of the printer package's own schema (writeTimeoutMs included)", () => {
    const printer = {
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
      timeoutMs: 1500,
      writeTimeoutMs: 20_000,
    };
    const { hub } = resolveConfig({ ...base, printers: { 'kiosk-1': printer } });
    expect(hub.printers['kiosk-1']).toEqual(printer);
  });

  it('refuses a printer field it does not know, with the path to it', () => {
    expect(() =>
      resolveConfig({ ...base, printers: { 'kiosk-1': { kind: 'usb', device: '/dev/usb/lp0', speed: 9 } } }),
    ).toThrow(/printers\.kiosk-1/);
    expect(() => resolveConfig({ ...base, printers: { 'kiosk-1': { kind: 'bluetooth' } } })).toThrow(
      /printers\.kiosk-1/,
    );
  });

  it("stores an officer's name as clean NFC text", () => {
    const officer = { id: 'cb1', name: ' Nguye\u0302\u0303n  \u202EVa\u0306n\tA ', pinHash: 'x' };
    const { hub } = resolveConfig({ ...base, officers: [officer] });
    expect(hub.officers[0]!.name).toBe('Nguyễn Văn A');
  });

  it('takes a fake printer for development', () => {
    const { hub } = resolveConfig({ ...base, printers: { 'kiosk-1': { kind: 'fake' } } });
    expect(hub.printers['kiosk-1']).toEqual({ kind: 'fake' });
  });

  it('has no city uplink unless it names one; a city gets its defaults and a checked URL and token', () => {
    expect(resolveConfig(base).hub.city).toBeUndefined();
    const token = 'o'.repeat(32);
    const { hub } = resolveConfig({ ...base, city: { url: 'https://city.example.vn', officeToken: token } });
    expect(hub.city).toEqual({
      url: 'https://city.example.vn',
      officeToken: token,
      retryMinMs: 500,
      retryMaxMs: 60_000,
      batchSize: 500,
    });
    expect(() => resolveConfig({ ...base, city: { url: 'ftp://x', officeToken: token } })).toThrow(
      /city\.url/,
    );
    expect(() => resolveConfig({ ...base, city: { url: 'https://x.vn', officeToken: 'short' } })).toThrow(
      /city\.officeToken/,
    );
    expect(() =>
      resolveConfig({ ...base, city: { url: 'https://x.vn', officeToken: token, batchSize: 5000 } }),
    ).toThrow(/city\.batchSize/);
  });
});
