import { encodeTicket } from './encode.js';
import { faultMessage } from './faults.js';
import { queryStatus, READY_STATUS, unreachableStatus } from './status.js';
import { PrinterError, type Connection, type Transport } from './transport.js';
import { createFileTransport } from './transports/file.js';
import { createTcpTransport, DEFAULT_TCP_PORT } from './transports/tcp.js';
import { createUsbTransport, type OpenDevice } from './transports/usb.js';
import type {
  PaperWidth,
  PrinterConfig,
  PrinterFault,
  PrinterStatus,
  PrintResult,
  TicketPrinter,
  TicketPrintData,
} from './types.js';

export const DEFAULT_TIMEOUT_MS = 2000;

export interface PrinterOptions {
  paperWidth: PaperWidth;
  /** connect timeout and per status query timeout */
  timeoutMs: number;
  /** time for the job bytes to be taken */
  writeTimeoutMs: number;
  buzzer: boolean;
  nativeQr: boolean;
}

/** Stand-ins for tests: a USB device opener (instead of the real device file). */
export interface PrinterDeps {
  openDevice?: OpenDevice;
}

function failure(fault: PrinterFault, maybePrinted: boolean, detail?: string): PrintResult {
  return { ok: false, fault, message: faultMessage(fault), maybePrinted, ...(detail ? { detail } : {}) };
}

function toPrinterError(err: unknown): PrinterError {
  if (err instanceof PrinterError) return err;
  return new PrinterError('write_failed', err instanceof Error ? err.message : String(err));
}

/**
 * A printer reached through a transport. Jobs and status queries run one at a time. A print job:
 * 1. renders and encodes the ticket (before connecting, so the link is held briefly);
 * 2. asks DLE EOT status and refuses with the fault when the printer is offline, out of paper, open…;
 * 3. writes the job;
 * 4. asks the status again: the reply proves the printer took every byte before it, and a fault now
 *    (paper ran out, cover opened) fails the job with `maybePrinted: true`.
 * Only then is the result ok. A sink that cannot answer (file) skips steps 2 and 4.
 */
export function createPrinterOnTransport(transport: Transport, opts: PrinterOptions): TicketPrinter {
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const withConnection = async <T>(use: (conn: Connection) => Promise<T>): Promise<T> => {
    const conn = await transport.open(opts.timeoutMs);
    try {
      return await use(conn);
    } finally {
      await conn.close().catch(() => undefined);
    }
  };

  return {
    print: (ticket: TicketPrintData) =>
      serial(async (): Promise<PrintResult> => {
        if (closed) return failure('offline', false, 'printer closed');
        const bytes = await encodeTicket(ticket, {
          paperWidth: opts.paperWidth,
          buzzer: opts.buzzer,
          nativeQr: opts.nativeQr,
        });
        let sent = false;
        try {
          return await withConnection(async (conn) => {
            if (conn.supportsStatus) {
              const before = await queryStatus(conn, opts.timeoutMs);
              if (before.fault)
                return failure(before.fault, false, `${transport.description}: status before the job`);
            }
            sent = true; // from here a ticket may come out, even if the write fails half-way
            await conn.write(bytes, opts.writeTimeoutMs);
            let after: PrinterStatus = READY_STATUS;
            if (conn.supportsStatus) {
              after = await queryStatus(conn, opts.timeoutMs);
              if (after.fault)
                return failure(after.fault, true, `${transport.description}: status after the job`);
            }
            return { ok: true, bytes: bytes.length, paperNearEnd: after.paperNearEnd };
          });
        } catch (err) {
          const e = toPrinterError(err);
          return failure(e.fault, sent, `${transport.description}: ${e.detail}`);
        }
      }),

    status: () =>
      serial(async (): Promise<PrinterStatus> => {
        if (closed) return unreachableStatus('offline');
        try {
          return await withConnection((conn) =>
            conn.supportsStatus ? queryStatus(conn, opts.timeoutMs) : Promise.resolve(READY_STATUS),
          );
        } catch (err) {
          return unreachableStatus(toPrinterError(err).fault);
        }
      }),

    close: async () => {
      closed = true;
      await queue;
    },
  };
}

/** No printer configured: every print fails with 'offline', nothing is ever claimed printed. */
function noPrinter(): TicketPrinter {
  return {
    print: async () => failure('offline', false, 'no printer configured'),
    status: async () => unreachableStatus('offline'),
    close: async () => {},
  };
}

export function createPrinter(config: PrinterConfig, deps: PrinterDeps = {}): TicketPrinter {
  if (config.kind === 'none') return noPrinter();
  if (config.kind === 'file') {
    return createPrinterOnTransport(createFileTransport(config.path), {
      paperWidth: config.paperWidth ?? 80,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      writeTimeoutMs: DEFAULT_TIMEOUT_MS,
      buzzer: false,
      nativeQr: false,
    });
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const common = {
    paperWidth: config.paperWidth ?? 80,
    timeoutMs,
    writeTimeoutMs: config.writeTimeoutMs ?? Math.max(10_000, 4 * timeoutMs),
    buzzer: config.buzzer ?? false,
  };
  if (config.kind === 'tcp') {
    return createPrinterOnTransport(createTcpTransport(config.host, config.port ?? DEFAULT_TCP_PORT), {
      ...common,
      nativeQr: config.nativeQr ?? false,
    });
  }
  return createPrinterOnTransport(createUsbTransport(config.device, deps.openDevice), {
    ...common,
    nativeQr: false,
  });
}
