/**
 * What happens when the kiosk page asks for a ticket to be printed: validate the payload, print one ticket at a
 * time with a hard timeout, and turn the outcome into advice for the page (report a fault to the hub? keep issuing?
 * what to tell the citizen?). Only a result with `ok: true` from the printer counts as printed.
 */
import type { PrintResult, PrinterFault, PrinterStatus, TicketPrinter, TicketPrintData } from '@luot/printer';
import type { KioskLocale, KioskPrintResult, PrintAdvice } from './api';
/**
 * A failed print result with the kiosk's own wording of the fault. `maybePrinted`: whether some of the job may have
 * reached the printer (a half-printed ticket in the tray); `detail` is for logs only.
 */
export declare function printFailure(
  fault: PrinterFault,
  maybePrinted: boolean,
  detail?: string,
): PrintResult & {
  ok: false;
};
export interface PrintPolicy {
  /** From the config: go on issuing (numbers shown on screen only) while the printer is failing. */
  keepIssuingWhenPrinterFails: boolean;
}
/** The advice for one print result. */
export declare function advise(result: PrintResult, policy: PrintPolicy): PrintAdvice;
/**
 * Trust nothing that is not exactly `{ ok: true }` with a byte count. A malformed failure keeps its fault if known;
 * when it is unclear whether bytes left for the printer, `maybePrinted` is true.
 */
export declare function normalizeResult(value: unknown): PrintResult;
/** One print call: a throw becomes `write_failed`, a hang becomes `timeout` (both `maybePrinted`). Never rejects. */
export declare function printOnce(
  printer: TicketPrinter,
  ticket: TicketPrintData,
  timeoutMs: number,
): Promise<PrintResult>;
/** Printer status that never rejects: a throw reads as offline, a hang as timeout. */
export declare function statusOnce(printer: TicketPrinter | null, timeoutMs: number): Promise<PrinterStatus>;
export declare class InvalidPrintPayload extends Error {
  name: string;
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
export declare function createPrintService(options: PrintServiceOptions): PrintService;
