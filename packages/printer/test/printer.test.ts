import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countDifferentDots } from '../src/bitmap.js';
import { decodeEscPos } from '../src/decode.js';
import { encodeTicket } from '../src/encode.js';
import { startFakePrinter, type FakePrinter } from '../src/fake-printer.js';
import { createPrinter } from '../src/printer.js';
import { renderTicketBitmaps } from '../src/render.js';
import type { PrinterFault, PrintResult, TicketPrinter } from '../src/types.js';
import { goldenTicket, readQr } from './helpers.js';

const TIMEOUT = 300;
/** Rendering and encoding happen before the printer is contacted; allow for them on a loaded machine. */
const SLACK = 250;

// Fonts, JIT and canvas warmed up, so timings below measure the printer, not the first render.
beforeAll(async () => {
  await encodeTicket(goldenTicket(), { paperWidth: 80 });
});

async function freeClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function timed(p: Promise<PrintResult>): Promise<{ result: PrintResult; ms: number }> {
  const t0 = Date.now();
  const result = await p;
  return { result, ms: Date.now() - t0 };
}

function expectFailure(result: PrintResult, fault: PrinterFault, maybePrinted: boolean): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.fault).toBe(fault);
  expect(result.maybePrinted).toBe(maybePrinted);
  expect(result.message.vi.length).toBeGreaterThan(0);
  expect(result.message.en.length).toBeGreaterThan(0);
}

describe('printing to the fake TCP printer', () => {
  let fake: FakePrinter;
  let printer: TicketPrinter;

  beforeEach(async () => {
    fake = await startFakePrinter();
    printer = createPrinter({ kind: 'tcp', host: fake.host, port: fake.port, timeoutMs: TIMEOUT });
  });
  afterEach(async () => {
    await printer.close();
    await fake.close();
  });

  it('a job arrives whole, after a status check, and decodes to the rendered ticket', async () => {
    const ticket = goldenTicket();
    const result = await printer.print(ticket);
    const expected = await encodeTicket(ticket, { paperWidth: 80 });
    expect(result).toEqual({ ok: true, bytes: expected.length, paperNearEnd: false });
    const job = await fake.waitForJob(2000);
    expect(job.printed).toBe(true);
    expect(Buffer.from(job.bytes).equals(Buffer.from(expected))).toBe(true);
    expect(fake.jobs).toHaveLength(1);
    // asked before the job (printer, offline cause, paper) and again after it
    expect(fake.statusQueries).toEqual([1, 2, 4, 1, 2, 4]);
    const decoded = decodeEscPos(job.bytes);
    expect(decoded.cut).toBe(true);
    const [bmp] = renderTicketBitmaps(ticket, 80);
    expect(countDifferentDots(decoded.images[0]!.bitmap, bmp!)).toBe(0);
    expect(readQr(decoded.images[0]!.bitmap)).toBe(ticket.qrUrl);
  });

  it('58 mm with the buzzer and the printer’s own QR code', async () => {
    await printer.close();
    printer = createPrinter({
      kind: 'tcp',
      host: fake.host,
      port: fake.port,
      timeoutMs: TIMEOUT,
      paperWidth: 58,
      buzzer: true,
      nativeQr: true,
    });
    const ticket = goldenTicket();
    expect((await printer.print(ticket)).ok).toBe(true);
    const decoded = decodeEscPos((await fake.waitForJob(2000)).bytes);
    expect(decoded.images.every((i) => i.width === 384)).toBe(true);
    expect(decoded.commands.find((c) => c.description === 'QR code: store data')?.data).toBe(ticket.qrUrl);
    expect(decoded.commands.at(-1)!.name).toBe('ESC B');
  });

  const refusals: Array<['paper_end' | 'cover_open' | 'cutter_error', PrinterFault]> = [
    ['paper_end', 'paper_end'],
    ['cover_open', 'cover_open'],
    ['cutter_error', 'cutter_error'],
  ];
  for (const [mode, fault] of refusals) {
    it(`${mode}: refused before sending, typed fault, nothing printed`, async () => {
      fake.setMode(mode);
      const { result, ms } = await timed(printer.print(goldenTicket()));
      expectFailure(result, fault, false);
      expect(ms).toBeLessThan(TIMEOUT + SLACK);
      expect(fake.jobs).toHaveLength(0);
      expect((await printer.status()).fault).toBe(fault);
    });
  }

  it('paper_end says so in Vietnamese and English', async () => {
    fake.setMode('paper_end');
    const result = await printer.print(goldenTicket());
    expect(result.ok ? null : result.message).toEqual({
      vi: 'Máy in hết giấy',
      en: 'Printer is out of paper',
    });
  });

  it('a silent printer: timeout within the timeout, nothing printed', async () => {
    fake.setMode('silent');
    const { result, ms } = await timed(printer.print(goldenTicket()));
    expectFailure(result, 'timeout', false);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 20);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    expect(fake.jobs).toHaveLength(0);
    expect(result.ok ? null : result.message.vi).toBe('Máy in không phản hồi');
    expect((await printer.status()).fault).toBe('timeout');
  });

  it('a slow printer within the timeout prints; slower than the timeout fails with timeout', async () => {
    fake.setMode('slow', 20);
    expect((await printer.print(goldenTicket())).ok).toBe(true);
    await fake.waitForJob(2000);
    fake.setMode('slow', TIMEOUT + 200);
    const { result, ms } = await timed(printer.print(goldenTicket()));
    expectFailure(result, 'timeout', false);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
  });

  it('paper near end: printed, and reported', async () => {
    fake.setMode('paper_near_end');
    const result = await printer.print(goldenTicket());
    expect(result).toMatchObject({ ok: true, paperNearEnd: true });
    expect((await fake.waitForJob(2000)).printed).toBe(true);
    expect(await printer.status()).toEqual({
      online: true,
      coverOpen: false,
      paperNearEnd: true,
      paperEnd: false,
      cutterError: false,
      fault: null,
    });
  });

  it('paper runs out during the job: failure, flagged as maybe printed', async () => {
    const out = await startFakePrinter({ onJob: () => out.setMode('paper_end') }); // synchronously, as the job ends
    const p = createPrinter({ kind: 'tcp', host: out.host, port: out.port, timeoutMs: TIMEOUT });
    try {
      expectFailure(await p.print(goldenTicket()), 'paper_end', true);
      expect(out.jobs).toHaveLength(1);
    } finally {
      await p.close();
      await out.close();
    }
  });

  it("fake mode 'paper_runs_out': the job is taken whole, then the status says paper end", async () => {
    const out = await startFakePrinter({ mode: 'paper_runs_out' });
    const p = createPrinter({ kind: 'tcp', host: out.host, port: out.port, timeoutMs: TIMEOUT });
    try {
      expectFailure(await p.print(goldenTicket()), 'paper_end', true);
      expect(out.jobs).toHaveLength(1);
      expect(out.jobs[0]!.printed).toBe(true);
      expect(decodeEscPos(out.jobs[0]!.bytes).cut).toBe(true);
      expect((await p.status()).fault).toBe('paper_end');
    } finally {
      await p.close();
      await out.close();
    }
  });

  it('two prints at once are sent one after the other, both whole', async () => {
    const [a, b] = await Promise.all([
      printer.print(goldenTicket({ number: 'A001' })),
      printer.print(goldenTicket({ number: 'A002' })),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const jobs = [await fake.waitForJob(2000), await fake.waitForJob(2000)];
    expect(new Set(jobs.map((j) => j.connection)).size).toBe(2);
    for (const job of jobs) {
      const d = decodeEscPos(job.bytes);
      expect(d.cut).toBe(true);
      expect(d.commands.filter((c) => c.name === 'ESC @')).toHaveLength(1);
    }
  });
});

describe('printers that cannot print', () => {
  it('connection refused: typed failure at once, nothing printed', async () => {
    const port = await freeClosedPort();
    const printer = createPrinter({ kind: 'tcp', host: '127.0.0.1', port, timeoutMs: TIMEOUT });
    const { result, ms } = await timed(printer.print(goldenTicket()));
    expectFailure(result, 'refused', false);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    expect(result.ok ? null : result.message.vi).toBe('Không kết nối được máy in');
    expect(await printer.status()).toMatchObject({ online: false, fault: 'refused' });
    await printer.close();
  });

  it("kind 'none': every print fails with offline", async () => {
    const printer = createPrinter({ kind: 'none' });
    expectFailure(await printer.print(goldenTicket()), 'offline', false);
    expect((await printer.status()).fault).toBe('offline');
  });

  it('a closed printer prints nothing', async () => {
    const fake = await startFakePrinter();
    const printer = createPrinter({ kind: 'tcp', host: fake.host, port: fake.port, timeoutMs: TIMEOUT });
    await printer.close();
    expectFailure(await printer.print(goldenTicket()), 'offline', false);
    expect(fake.jobs).toHaveLength(0);
    await fake.close();
  });
});

describe("kind 'file' (development sink)", () => {
  it('appends every job to the file and reports ok', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'luot-printer-'));
    try {
      const path = join(dir, 'jobs.bin');
      const printer = createPrinter({ kind: 'file', path, paperWidth: 58 });
      const r1 = await printer.print(goldenTicket({ number: 'A001' }));
      const r2 = await printer.print(goldenTicket({ number: 'A002' }));
      expect(r1.ok && r2.ok).toBe(true);
      const bytes = new Uint8Array(await readFile(path));
      const decoded = decodeEscPos(bytes);
      expect(decoded.commands.filter((c) => c.name === 'ESC @')).toHaveLength(2);
      expect(decoded.images.map((i) => i.width)).toEqual([384, 384]);
      expect(decoded.commands.some((c) => c.name === 'unknown')).toBe(false);
      expect((await printer.status()).fault).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
