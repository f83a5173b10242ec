import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../src/decode.js';
import { encodeTicket } from '../src/encode.js';
import { PrinterEmulator, type FakePrinterMode } from '../src/fake-printer.js';
import { createPrinter } from '../src/printer.js';
import { createUsbTransport, type DeviceHandle, type OpenDevice } from '../src/transports/usb.js';
import { goldenTicket } from './helpers.js';

const busy = (): Error =>
  Object.assign(new Error('EAGAIN: resource temporarily unavailable'), { code: 'EAGAIN' });

/**
 * A USB printer behind the DeviceHandle interface, driven by the same emulator as the TCP fake. Like usblp
 * opened O_NONBLOCK it takes at most 4 KB a write, is busy (EAGAIN) every third write, and hands replies
 * back one byte a read.
 */
function emulatedUsbPrinter(mode: FakePrinterMode = 'ok'): { emulator: PrinterEmulator; open: OpenDevice } {
  const emulator = new PrinterEmulator();
  emulator.mode = mode;
  const open: OpenDevice = async () => {
    const replies: number[] = [];
    const session = emulator.session((bytes) => replies.push(...bytes));
    let writes = 0;
    const handle: DeviceHandle = {
      write: async (data) => {
        if (++writes % 3 === 0) throw busy();
        const n = Math.min(4096, data.length);
        session.feed(data.slice(0, n));
        return n;
      },
      read: async (into) => {
        if (replies.length === 0) return 0;
        into[0] = replies.shift()!;
        return 1;
      },
      close: async () => session.end(),
    };
    return handle;
  };
  return { emulator, open };
}

describe('USB printer-class transport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'luot-usb-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints through partial and busy writes; status replies read back byte by byte', async () => {
    const { emulator, open } = emulatedUsbPrinter();
    const printer = createPrinter(
      { kind: 'usb', device: '/dev/usb/lp0', timeoutMs: 300 },
      { openDevice: open },
    );
    const ticket = goldenTicket();
    const result = await printer.print(ticket);
    const expected = await encodeTicket(ticket, { paperWidth: 80 });
    expect(result).toEqual({ ok: true, bytes: expected.length, paperNearEnd: false });
    expect(emulator.jobs).toHaveLength(1);
    expect(Buffer.from(emulator.jobs[0]!.bytes).equals(Buffer.from(expected))).toBe(true);
    expect(emulator.statusQueries).toEqual([1, 2, 4, 1, 2, 4]);
    expect(emulator.strayStatusRequests).toBe(0);
    await printer.close();
  });

  it('paper end and cover open are refused before the job', async () => {
    for (const [mode, fault] of [
      ['paper_end', 'paper_end'],
      ['cover_open', 'cover_open'],
    ] as const) {
      const { emulator, open } = emulatedUsbPrinter(mode);
      const printer = createPrinter(
        { kind: 'usb', device: '/dev/usb/lp0', timeoutMs: 300 },
        { openDevice: open },
      );
      expect(await printer.print(goldenTicket())).toMatchObject({ ok: false, fault, maybePrinted: false });
      expect(emulator.jobs).toHaveLength(0);
      expect((await printer.status()).fault).toBe(fault);
    }
  });

  it('the real device opener writes to the file it is given (a temp file standing in for /dev/usb/lp0)', async () => {
    const device = join(dir, 'lp0');
    await writeFile(device, '');
    const transport = createUsbTransport(device);
    const conn = await transport.open(300);
    const job = await encodeTicket(goldenTicket(), { paperWidth: 58 });
    await conn.write(job, 1000);
    await conn.close();
    const written = new Uint8Array(await readFile(device));
    expect(Buffer.from(written).equals(Buffer.from(job))).toBe(true);
    expect(decodeEscPos(written).images[0]!.width).toBe(384);
  });

  it('a device that never answers: timeout within the timeout, only the status query was sent', async () => {
    const device = join(dir, 'lp1');
    await writeFile(device, '');
    const printer = createPrinter({ kind: 'usb', device, timeoutMs: 200 });
    const t0 = Date.now();
    const result = await printer.print(goldenTicket());
    expect(Date.now() - t0).toBeLessThan(450);
    expect(result).toMatchObject({ ok: false, fault: 'timeout', maybePrinted: false });
    expect(Array.from(await readFile(device))).toEqual([0x10, 0x04, 0x01]);
  });

  it('a missing device (unplugged) is offline; a write error after the status check is write_failed', async () => {
    const missing = createPrinter({ kind: 'usb', device: join(dir, 'nope', 'lp9'), timeoutMs: 200 });
    expect(await missing.print(goldenTicket())).toMatchObject({
      ok: false,
      fault: 'offline',
      maybePrinted: false,
    });

    const { open } = emulatedUsbPrinter();
    const failing: OpenDevice = async (path) => {
      const handle = await open(path);
      let bytes = 0;
      return {
        ...handle,
        write: async (data) => {
          bytes += data.length;
          if (bytes > 100) throw Object.assign(new Error('EIO'), { code: 'EIO' });
          return handle.write(data);
        },
      };
    };
    const printer = createPrinter(
      { kind: 'usb', device: '/dev/usb/lp0', timeoutMs: 200 },
      { openDevice: failing },
    );
    expect(await printer.print(goldenTicket())).toMatchObject({
      ok: false,
      fault: 'write_failed',
      maybePrinted: true,
    });
  });

  it('a device that stays busy: the job write times out, maybe printed', async () => {
    const { open } = emulatedUsbPrinter();
    const stuck: OpenDevice = async (path) => {
      const handle = await open(path);
      let calls = 0;
      return {
        ...handle,
        write: async (data) => {
          if (data.length > 3 && ++calls > 2) throw busy();
          return handle.write(data);
        },
      };
    };
    const printer = createPrinter(
      { kind: 'usb', device: '/dev/usb/lp0', timeoutMs: 200, writeTimeoutMs: 150 },
      { openDevice: stuck },
    );
    const t0 = Date.now();
    expect(await printer.print(goldenTicket())).toMatchObject({
      ok: false,
      fault: 'timeout',
      maybePrinted: true,
    });
    expect(Date.now() - t0).toBeLessThan(600);
  });
});
