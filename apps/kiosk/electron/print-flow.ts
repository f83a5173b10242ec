/**
 * What happens when the kiosk page asks for a ticket to be printed: validate the payload, print one ticket at a
 * time with a hard timeout, and turn the outcome into advice for the page (report a fault to the hub? keep issuing?
 * what to tell the citizen?). Only a result with `ok: true` from the printer counts as printed.
 */
import type { PrintResult, PrinterFault, PrinterStatus, TicketPrinter, TicketPrintData } from '@luot/printer';
import type { Text } from '@luot/core';
import { FAULT_MESSAGES } from '@luot/printer/faults';
import type { KioskLocale, KioskPrintResult, PrintAdvice } from './api';
import { validatePrintPayload } from './ipc-validate';

// The printer's own wording for each fault: the same the hub shows when it prints for a browser kiosk.
const FAULT_TEXT: Record<PrinterFault, Text> = FAULT_MESSAGES;

const KEEP_YOUR_NUMBER: Text = {
  vi: 'Không in được phiếu. Số thứ tự của quý khách vẫn có hiệu lực: vui lòng ghi lại số trên màn hình hoặc quét mã QR.',
  en: 'The ticket could not be printed. Your number is still valid: please note the number on the screen or scan the QR code.',
};

// The fault came after the whole job reached the printer: the ticket may be in the tray, so "could
// not be printed" would send the citizen for a second number they do not need.
const MAYBE_PRINTED: Text = {
  vi: 'Phiếu có thể đã được in. Vui lòng kiểm tra khay giấy trước khi in lại. Số thứ tự của quý khách vẫn có hiệu lực: nếu không có phiếu, vui lòng ghi lại số trên màn hình hoặc quét mã QR.',
  en: 'The ticket may have been printed. Please check the paper tray before printing again. Your number is still valid: if there is no ticket, please note the number on the screen or scan the QR code.',
};

const ISSUING_PAUSED: Text = {
  vi: 'Kiosk tạm ngừng cấp số. Vui lòng liên hệ cán bộ hướng dẫn.',
  en: 'This kiosk has stopped issuing numbers for now. Please ask a member of staff.',
};

const NO_PRINTER: Text = {
  vi: 'Kiosk này không in phiếu. Vui lòng ghi lại số trên màn hình hoặc quét mã QR.',
  en: 'This kiosk does not print tickets. Please note the number on the screen or scan the QR code.',
};

const join = (...parts: Text[]): Text => ({
  vi: parts.map((p) => p.vi).join(' '),
  en: parts.map((p) => p.en).join(' '),
});

/**
 * A failed print result with the kiosk's own wording of the fault. `maybePrinted`: whether some of the job may have
 * reached the printer (a half-printed ticket in the tray); `detail` is for logs only.
 */
export function printFailure(
  fault: PrinterFault,
  maybePrinted: boolean,
  detail?: string,
): PrintResult & { ok: false } {
  return { ok: false, fault, message: FAULT_TEXT[fault], maybePrinted, ...(detail ? { detail } : {}) };
}

export interface PrintPolicy {
  /** From the config: go on issuing (numbers shown on screen only) while the printer is failing. */
  keepIssuingWhenPrinterFails: boolean;
}

/** The advice for one print result. */
export function advise(result: PrintResult, policy: PrintPolicy): PrintAdvice {
  if (result.ok) {
    return { reportFault: null, paperNearEnd: result.paperNearEnd, keepIssuing: true, userMessage: null };
  }
  const keepIssuing = policy.keepIssuingWhenPrinterFails;
  const reason = FAULT_TEXT[result.fault];
  const after = result.maybePrinted === true ? MAYBE_PRINTED : KEEP_YOUR_NUMBER;
  const userMessage = keepIssuing
    ? join({ vi: `${reason.vi}.`, en: `${reason.en}.` }, after)
    : join({ vi: `${reason.vi}.`, en: `${reason.en}.` }, after, ISSUING_PAUSED);
  return { reportFault: result.fault, paperNearEnd: false, keepIssuing, userMessage };
}

const FAULTS = new Set<string>(Object.keys(FAULT_TEXT));

/**
 * Trust nothing that is not exactly `{ ok: true }` with a byte count. A malformed failure keeps its fault if known;
 * when it is unclear whether bytes left for the printer, `maybePrinted` is true.
 */
export function normalizeResult(value: unknown): PrintResult {
  if (typeof value !== 'object' || value === null) return printFailure('unrecoverable', true, 'no result');
  const v = value as Record<string, unknown>;
  if (v.ok === true && typeof v.bytes === 'number' && v.bytes > 0) {
    return { ok: true, bytes: v.bytes, paperNearEnd: v.paperNearEnd === true };
  }
  if (v.ok === false && typeof v.fault === 'string' && FAULTS.has(v.fault)) {
    const fault = v.fault as PrinterFault;
    const m = v.message as Partial<Text> | undefined;
    const result = printFailure(
      fault,
      v.maybePrinted !== false,
      typeof v.detail === 'string' ? v.detail : undefined,
    );
    return typeof m?.vi === 'string' && typeof m.en === 'string'
      ? { ...result, message: { vi: m.vi, en: m.en } }
      : result;
  }
  return printFailure('unrecoverable', true, 'malformed result');
}

class Timeout extends Error {}

/** Resolve or reject with `promise`, or reject with `Timeout` after `ms`. The timer never outlives the call. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One print call: a throw becomes `write_failed`, a hang becomes `timeout` (both `maybePrinted`). Never rejects. */
export async function printOnce(
  printer: TicketPrinter,
  ticket: TicketPrintData,
  timeoutMs: number,
): Promise<PrintResult> {
  try {
    return normalizeResult(
      await withTimeout(
        Promise.resolve().then(() => printer.print(ticket)),
        timeoutMs,
      ),
    );
  } catch (err) {
    // Either way the job may have been (partly) sent before things went wrong.
    if (err instanceof Timeout) return printFailure('timeout', true, `no answer in ${timeoutMs} ms`);
    return printFailure('write_failed', true, err instanceof Error ? err.message : String(err));
  }
}

const UNKNOWN_STATUS = {
  online: false,
  coverOpen: false,
  paperNearEnd: false,
  paperEnd: false,
  cutterError: false,
};

/** Printer status that never rejects: a throw reads as offline, a hang as timeout. */
export async function statusOnce(printer: TicketPrinter | null, timeoutMs: number): Promise<PrinterStatus> {
  if (printer === null) return { ...UNKNOWN_STATUS, fault: 'offline' };
  try {
    return await withTimeout(
      Promise.resolve().then(() => printer.status()),
      timeoutMs,
    );
  } catch (err) {
    return { ...UNKNOWN_STATUS, fault: err instanceof Timeout ? 'timeout' : 'offline' };
  }
}

export class InvalidPrintPayload extends Error {
  override name = 'InvalidPrintPayload';
}

export interface PrintServiceOptions extends PrintPolicy {
  /** null when the config says `printer: { kind: "none" }`. */
  printer: TicketPrinter | null;
  timeoutMs: number;
  /** Used when the ticket does not name a locale. */
  locale: KioskLocale;
  log?: (message: string) => void;
}

export interface PrintService {
  /** Validates the untrusted payload (throws `InvalidPrintPayload`), then prints; never rejects otherwise. */
  print(payload: unknown): Promise<KioskPrintResult>;
  status(): Promise<PrinterStatus>;
}

export function createPrintService(options: PrintServiceOptions): PrintService {
  const { printer, timeoutMs, locale, log = () => {} } = options;
  // One ticket at a time. Each link settles within timeoutMs, so a hung printer cannot block the queue forever.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    async print(payload) {
      const check = validatePrintPayload(payload);
      if (!check.ok) throw new InvalidPrintPayload(`Invalid ticket: ${check.error}`);
      const ticket: TicketPrintData = { ...check.ticket, locale: check.ticket.locale ?? locale };

      if (printer === null) {
        const result = printFailure('offline', false, 'no printer configured');
        return {
          ...result,
          advice: { reportFault: null, paperNearEnd: false, keepIssuing: true, userMessage: NO_PRINTER },
        };
      }
      const run = queue.then(() => printOnce(printer, ticket, timeoutMs));
      queue = run;
      const result = await run;
      if (!result.ok) {
        const maybe = result.maybePrinted ? ', maybe partly printed' : '';
        log(
          `print ${ticket.number} failed: ${result.fault}${maybe}${result.detail ? ` (${result.detail})` : ''}`,
        );
      }
      return { ...result, advice: advise(result, options) };
    },
    status: () => statusOnce(printer, Math.min(timeoutMs, 10_000)),
  };
}
