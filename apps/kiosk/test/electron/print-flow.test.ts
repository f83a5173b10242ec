import type { PrintResult, PrinterFault } from '@luot/printer';
import { describe, expect, it, vi } from 'vitest';
import {
  InvalidPrintPayload,
  advise,
  createPrintService,
  normalizeResult,
  printOnce,
  statusOnce,
} from '../../electron/print-flow';
import { fakePrinter, okStatus, ticket } from './fixtures';

const FAULTS: PrinterFault[] = [
  'offline',
  'cover_open',
  'paper_end',
  'cutter_error',
  'unrecoverable',
  'timeout',
  'refused',
  'write_failed',
];
const failed = (fault: PrinterFault, maybePrinted = false): PrintResult => ({
  ok: false,
  fault,
  message: { vi: 'lỗi', en: 'error' },
  maybePrinted,
});
const printed: PrintResult = { ok: true, bytes: 4321, paperNearEnd: false };

describe('advise', () => {
  it('says nothing after a good print', () => {
    expect(advise(printed, { keepIssuingWhenPrinterFails: false })).toEqual({
      reportFault: null,
      paperNearEnd: false,
      keepIssuing: true,
      userMessage: null,
    });
  });

  it('passes on "paper near end" without a fault', () => {
    expect(advise({ ...printed, paperNearEnd: true }, { keepIssuingWhenPrinterFails: false })).toMatchObject({
      reportFault: null,
      paperNearEnd: true,
      keepIssuing: true,
    });
  });

  describe.each(FAULTS)('on %s', (fault) => {
    it('reports the fault and pauses issuing by default', () => {
      const advice = advise(failed(fault), { keepIssuingWhenPrinterFails: false });
      expect(advice).toMatchObject({ reportFault: fault, paperNearEnd: false, keepIssuing: false });
      expect(advice.userMessage?.vi).toContain('Số thứ tự của quý khách vẫn có hiệu lực');
      expect(advice.userMessage?.vi).toContain('tạm ngừng cấp số');
      expect(advice.userMessage?.en).toContain('Your number is still valid');
      expect(advice.userMessage?.en).toContain('stopped issuing');
    });

    it('keeps issuing when the config says so, and does not mention a pause', () => {
      const advice = advise(failed(fault), { keepIssuingWhenPrinterFails: true });
      expect(advice).toMatchObject({ reportFault: fault, keepIssuing: true });
      expect(advice.userMessage?.vi).not.toContain('tạm ngừng');
      expect(advice.userMessage?.en).not.toContain('stopped');
    });
  });

  it('a fault after the job was sent: "may have printed, check the tray", never "could not be printed"', () => {
    const advice = advise(failed('paper_end', true), { keepIssuingWhenPrinterFails: true });
    expect(advice.reportFault).toBe('paper_end');
    expect(advice.userMessage?.vi).toContain(
      'Phiếu có thể đã được in. Vui lòng kiểm tra khay giấy trước khi in lại.',
    );
    expect(advice.userMessage?.en).toContain('may have been printed');
    expect(advice.userMessage?.vi).not.toContain('Không in được');
    expect(advice.userMessage?.vi).toContain('Số thứ tự của quý khách vẫn có hiệu lực');
  });

  it('names the fault in both languages', () => {
    expect(advise(failed('paper_end'), { keepIssuingWhenPrinterFails: true }).userMessage).toEqual({
      vi: expect.stringMatching(/^Máy in hết giấy\. /),
      en: expect.stringMatching(/^Printer is out of paper\. /),
    });
    expect(advise(failed('cover_open'), { keepIssuingWhenPrinterFails: true }).userMessage?.vi).toMatch(
      /^Nắp máy in đang mở/,
    );
  });
});

describe('normalizeResult', () => {
  it('only counts a well-formed ok result as printed', () => {
    expect(normalizeResult(printed)).toEqual(printed);
    for (const bad of [
      undefined,
      null,
      'ok',
      true,
      { ok: 'true', bytes: 10 },
      { ok: true },
      { ok: true, bytes: 0 },
      { bytes: 10 },
    ]) {
      expect(normalizeResult(bad)).toMatchObject({ ok: false, fault: 'unrecoverable', maybePrinted: true });
    }
  });
  it('keeps a known fault, with the kiosk wording if the message is missing', () => {
    expect(normalizeResult(failed('paper_end'))).toEqual(failed('paper_end'));
    expect(normalizeResult({ ...failed('offline', true), detail: '10.0.0.5:9100 ECONNRESET' })).toEqual({
      ...failed('offline', true),
      detail: '10.0.0.5:9100 ECONNRESET',
    });
    expect(normalizeResult({ ok: false, fault: 'paper_end' })).toEqual({
      ok: false,
      fault: 'paper_end',
      message: { vi: 'Máy in hết giấy', en: 'Printer is out of paper' },
      maybePrinted: true, // not said: assume the worst
    });
    expect(normalizeResult({ ok: false, fault: 'on_fire' })).toMatchObject({
      ok: false,
      fault: 'unrecoverable',
    });
  });
});

describe('printOnce', () => {
  it('returns what the printer says', async () => {
    expect(await printOnce(fakePrinter(printed), ticket, 1000)).toEqual(printed);
    expect(await printOnce(fakePrinter(failed('offline')), ticket, 1000)).toEqual(failed('offline'));
  });

  it('turns a throw into write_failed (sync or async)', async () => {
    expect(await printOnce(fakePrinter(new Error('EPIPE')), ticket, 1000)).toEqual({
      ok: false,
      fault: 'write_failed',
      message: { vi: 'Gửi dữ liệu đến máy in thất bại', en: 'Failed to send the ticket to the printer' },
      maybePrinted: true,
      detail: 'EPIPE',
    });
    const throwsSync = {
      ...fakePrinter(printed),
      print: () => {
        throw new Error('boom');
      },
    };
    expect(await printOnce(throwsSync, ticket, 1000)).toMatchObject({ ok: false, fault: 'write_failed' });
  });

  it('gives up on a printer that hangs, as a timeout', async () => {
    vi.useFakeTimers();
    try {
      const pending = printOnce(fakePrinter('hang'), ticket, 20_000);
      await vi.advanceTimersByTimeAsync(19_999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toMatchObject({
        ok: false,
        fault: 'timeout',
        message: { en: 'Printer is not responding' },
        maybePrinted: true,
        detail: 'no answer in 20000 ms',
      });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('clears its timer when the printer answers', async () => {
    vi.useFakeTimers();
    try {
      await printOnce(fakePrinter(printed), ticket, 20_000);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('statusOnce', () => {
  it('never rejects', async () => {
    const printer = fakePrinter(printed);
    expect(await statusOnce(printer, 50)).toEqual(okStatus);
    printer.setStatus(new Error('ECONNREFUSED'));
    expect(await statusOnce(printer, 50)).toMatchObject({ online: false, fault: 'offline' });
    printer.setStatus('hang');
    expect(await statusOnce(printer, 20)).toMatchObject({ online: false, fault: 'timeout' });
    expect(await statusOnce(null, 50)).toMatchObject({ online: false, fault: 'offline' });
  });
});

describe('createPrintService', () => {
  const base = { timeoutMs: 1000, locale: 'vi' as const, keepIssuingWhenPrinterFails: false };

  it('validates, prints with the kiosk locale by default, and advises', async () => {
    const printer = fakePrinter(printed);
    const service = createPrintService({ ...base, printer });
    expect(await service.print(ticket)).toEqual({
      ...printed,
      advice: expect.objectContaining({ keepIssuing: true }),
    });
    expect(printer.printed).toEqual([{ ...ticket, locale: 'vi' }]);
    await service.print({ ...ticket, locale: 'en' });
    expect(printer.printed[1]?.locale).toBe('en');
  });

  it('refuses an invalid payload without touching the printer', async () => {
    const printer = fakePrinter(printed);
    const service = createPrintService({ ...base, printer });
    await expect(service.print({ ...ticket, counters: 'all' })).rejects.toThrow(InvalidPrintPayload);
    await expect(service.print({ ...ticket, counters: 'all' })).rejects.toThrow(/Invalid ticket: counters:/);
    expect(printer.printed).toEqual([]);
  });

  it('never says printed on a failure, and logs it', async () => {
    const log = vi.fn();
    const service = createPrintService({ ...base, printer: fakePrinter(failed('paper_end')), log });
    const result = await service.print(ticket);
    expect(result.ok).toBe(false);
    expect(result.advice).toMatchObject({ reportFault: 'paper_end', keepIssuing: false });
    expect(log).toHaveBeenCalledWith('print A012 failed: paper_end');
  });

  it('prints one ticket at a time, in order', async () => {
    let active = 0;
    let maxActive = 0;
    const order: string[] = [];
    const printer = {
      ...fakePrinter(printed),
      async print(t: typeof ticket): Promise<PrintResult> {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 5));
        order.push(t.number);
        active--;
        return printed;
      },
    };
    const service = createPrintService({ ...base, printer });
    await Promise.all(['A001', 'A002', 'A003'].map((number) => service.print({ ...ticket, number })));
    expect(order).toEqual(['A001', 'A002', 'A003']);
    expect(maxActive).toBe(1);
  });

  it('does not let a hung print block the next one forever', async () => {
    const printer = fakePrinter('hang', printed);
    const service = createPrintService({ ...base, timeoutMs: 30, printer });
    const [first, second] = await Promise.all([
      service.print(ticket),
      service.print({ ...ticket, number: 'A013' }),
    ]);
    expect(first).toMatchObject({ ok: false, fault: 'timeout', advice: { reportFault: 'timeout' } });
    expect(second).toMatchObject({ ok: true });
  });

  it('without a printer: never printed, nothing to report, keep issuing', async () => {
    const service = createPrintService({ ...base, printer: null });
    const result = await service.print(ticket);
    expect(result).toMatchObject({
      ok: false,
      maybePrinted: false,
      advice: { reportFault: null, keepIssuing: true },
    });
    expect(result.advice.userMessage?.vi).toContain('không in phiếu');
    expect(await service.status()).toMatchObject({ online: false, fault: 'offline' });
  });
});
