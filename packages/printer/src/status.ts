import type { Connection } from './transport.js';
import type { PrinterFault, PrinterStatus } from './types.js';

/**
 * Real-time status, DLE EOT n (0x10 0x04 n), as in Epson's ESC/POS reference. Each reply is one byte with
 * bits 0 and 7 clear and bits 1 and 4 set (mask 0x93 = 0x12), which tells status replies from other bytes.
 */
export const DLE_EOT = { printer: 1, offlineCause: 2, error: 3, paperSensor: 4 } as const;

export const STATUS_BITS = {
  /** n = 1 */
  offline: 0x08,
  /** n = 2 */
  coverOpen: 0x04,
  feedButton: 0x08,
  stoppedByPaperEnd: 0x20,
  errorOccurred: 0x40,
  /** n = 3 */
  cutterError: 0x08,
  unrecoverable: 0x20,
  autoRecoverable: 0x40,
  /** n = 4 */
  nearEnd: 0x0c,
  paperEnd: 0x60,
} as const;

/** The status byte of a printer without any condition (fixed bits only). */
export const STATUS_IDLE = 0x12;

export function statusQuery(n: number): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The bytes answered to DLE EOT 1, 2, 4 and (when byte 2 reports an error) 3. */
export interface RawStatus {
  printer: number;
  offlineCause: number;
  error?: number;
  paperSensor: number;
}

export function interpretStatus(raw: RawStatus): PrinterStatus {
  const online = (raw.printer & STATUS_BITS.offline) === 0;
  const coverOpen = (raw.offlineCause & STATUS_BITS.coverOpen) !== 0;
  const paperEnd =
    (raw.offlineCause & STATUS_BITS.stoppedByPaperEnd) !== 0 ||
    (raw.paperSensor & STATUS_BITS.paperEnd) !== 0;
  const paperNearEnd = paperEnd || (raw.paperSensor & STATUS_BITS.nearEnd) !== 0;
  const err = raw.error ?? STATUS_IDLE;
  const cutterError = (err & STATUS_BITS.cutterError) !== 0;
  const unrecoverable = (err & STATUS_BITS.unrecoverable) !== 0;
  let fault: PrinterFault | null = null;
  if (coverOpen) fault = 'cover_open';
  else if (paperEnd) fault = 'paper_end';
  else if (cutterError) fault = 'cutter_error';
  else if (unrecoverable) fault = 'unrecoverable';
  else if (!online || (raw.offlineCause & STATUS_BITS.errorOccurred) !== 0) fault = 'offline';
  return { online, coverOpen, paperNearEnd, paperEnd, cutterError, fault };
}

/** A status for a printer that could not be asked (not connected, no answer…). */
export function unreachableStatus(fault: PrinterFault): PrinterStatus {
  return { online: false, coverOpen: false, paperNearEnd: false, paperEnd: false, cutterError: false, fault };
}

export const READY_STATUS: PrinterStatus = {
  online: true,
  coverOpen: false,
  paperNearEnd: false,
  paperEnd: false,
  cutterError: false,
  fault: null,
};

/**
 * Ask one DLE EOT n and wait for its byte. Replies can arrive in pieces and late; input received before the
 * question is dropped, bytes that are not status bytes (e.g. automatic status back) are skipped. Throws
 * PrinterError('timeout') when no status byte comes within `timeoutMs`.
 */
export async function askStatus(conn: Connection, n: number, timeoutMs: number): Promise<number> {
  conn.discardInput();
  const deadline = Date.now() + timeoutMs;
  await conn.write(statusQuery(n), timeoutMs);
  for (;;) {
    const byte = await conn.readByte(Math.max(0, deadline - Date.now()));
    if (isStatusByte(byte)) return byte;
  }
}

/** Epson's sequence: printer status, offline cause, paper sensor, and the error cause only when there is one. */
export async function queryStatus(conn: Connection, timeoutMs: number): Promise<PrinterStatus> {
  const printer = await askStatus(conn, DLE_EOT.printer, timeoutMs);
  const offlineCause = await askStatus(conn, DLE_EOT.offlineCause, timeoutMs);
  const paperSensor = await askStatus(conn, DLE_EOT.paperSensor, timeoutMs);
  const error =
    (offlineCause & STATUS_BITS.errorOccurred) !== 0
      ? await askStatus(conn, DLE_EOT.error, timeoutMs)
      : undefined;
  return interpretStatus({ printer, offlineCause, paperSensor, error });
}
