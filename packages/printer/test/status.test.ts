import { describe, expect, it } from 'vitest';
import { fakeStatusByte } from '../src/fake-printer.js';
import { askStatus, interpretStatus, isStatusByte, queryStatus } from '../src/status.js';
import { PrinterError, ReplyBuffer, type Connection } from '../src/transport.js';

describe('DLE EOT status bytes (Epson layout)', () => {
  it('decodes each condition', () => {
    const idle = { printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 };
    expect(interpretStatus(idle)).toEqual({
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperEnd: false,
      cutterError: false,
      fault: null,
    });
    expect(interpretStatus({ ...idle, paperSensor: 0x1e })).toMatchObject({
      paperNearEnd: true,
      fault: null,
    });
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x32, paperSensor: 0x7e })).toMatchObject({
      online: false,
      paperEnd: true,
      fault: 'paper_end',
    });
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x16, paperSensor: 0x12 })).toMatchObject({
      coverOpen: true,
      fault: 'cover_open',
    });
    expect(
      interpretStatus({ printer: 0x1a, offlineCause: 0x52, paperSensor: 0x12, error: 0x1a }),
    ).toMatchObject({
      cutterError: true,
      fault: 'cutter_error',
    });
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x52, paperSensor: 0x12, error: 0x32 }).fault).toBe(
      'unrecoverable',
    );
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x12, paperSensor: 0x12 }).fault).toBe('offline');
    // the paper sensor alone is enough to refuse
    expect(interpretStatus({ ...idle, paperSensor: 0x72 }).fault).toBe('paper_end');
  });

  it('the fake printer answers valid status bytes in every mode', () => {
    for (const mode of ['ok', 'paper_end', 'paper_near_end', 'cover_open', 'cutter_error'] as const) {
      for (const n of [1, 2, 3, 4]) expect(isStatusByte(fakeStatusByte(mode, n)), `${mode} ${n}`).toBe(true);
    }
    expect(isStatusByte(0xff)).toBe(false);
    expect(isStatusByte(0x00)).toBe(false);
  });
});

/** A connection whose printer answers each query after `delayMs`, in the pieces given, after some junk. */
function scripted(answer: (n: number) => number[][], delayMs = 5): Connection & { sent: number[][] } {
  const replies = new ReplyBuffer();
  const sent: number[][] = [];
  replies.push(Uint8Array.of(0x12, 0x12)); // stale replies from before: must be ignored
  return {
    sent,
    supportsStatus: true,
    write: async (bytes) => {
      sent.push(Array.from(bytes));
      const n = bytes[2]!;
      answer(n).forEach((piece, i) =>
        setTimeout(() => replies.push(Uint8Array.from(piece)), delayMs * (i + 1)),
      );
    },
    readByte: (ms) => replies.readByte(ms),
    discardInput: () => replies.clear(),
    close: async () => {},
  };
}

describe('status queries', () => {
  it('skips bytes that are not status replies and waits for the late one', async () => {
    const conn = scripted((n) => [[0xff], [0x00], [n === 4 ? 0x1e : 0x12]]);
    expect(await askStatus(conn, 4, 200)).toBe(0x1e);
    expect(conn.sent).toEqual([[0x10, 0x04, 0x04]]);
  });

  it('asks 1, 2, 4 and 3 only when an error is reported', async () => {
    const ok = scripted(() => [[0x12]]);
    expect((await queryStatus(ok, 200)).fault).toBeNull();
    expect(ok.sent.map((q) => q[2])).toEqual([1, 2, 4]);
    const cutter = scripted((n) => [[fakeStatusByte('cutter_error', n)]]);
    expect((await queryStatus(cutter, 200)).fault).toBe('cutter_error');
    expect(cutter.sent.map((q) => q[2])).toEqual([1, 2, 4, 3]);
  });

  it('times out with a typed error when no reply comes', async () => {
    const silent = scripted(() => []);
    const t0 = Date.now();
    const err = await askStatus(silent, 1, 100).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).fault).toBe('timeout');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
    expect(Date.now() - t0).toBeLessThan(300);
  });
});
