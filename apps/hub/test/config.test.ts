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
});
