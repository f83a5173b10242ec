import type { FakePrinter, PrinterFault, PrinterStatus, TicketPrinter } from '@luot/printer';
import { printableTicket } from '@luot/printer/printable';
import type { IssueResult } from '@luot/protocol';
import type { OfficeConfig } from '@luot/core';
import type { Logger } from 'pino';
import type { HubPrinterConfig } from '../config.js';

export type Printed = NonNullable<IssueResult['printed']>;
/** A print's outcome for the answer, and the printer's technical detail for the log (never shown). */
export type PrintedWithDetail = Printed & { detail?: string };

/** Faults of a printer that cannot even be reached: it is switched off or unplugged, so polls back off. */
const UNREACHABLE = new Set<PrinterFault>(['refused', 'offline', 'timeout']);
/** A printer that stays unreachable is asked at most every this many poll intervals. */
const MAX_BACKOFF = 6;

export interface HubPrintersOptions {
  /** how often an idle printer is asked its status (DLE EOT) */
  pollMs: number;
  /** every polled status, whether it changed or not (the engine records only changes) */
  onStatus: (device: string, status: PrinterStatus) => void;
}

/**
 * Network printers the hub drives for kiosks that run in a plain browser. A 'fake' printer is
 * started on 127.0.0.1 for development and the demo, so `npm start` prints somewhere real.
 *
 * Each printer is polled while idle: a printer only reports its state when asked, and the hub asks
 * when it prints, so without polls a fault (paper out, switched off) would stay on the supervisors'
 * screens after it cleared, until the next ticket. A poll is skipped while a job prints (the job asks
 * the status itself, before and after, and must not wait behind a poll), and backs off while the
 * printer cannot be reached (each attempt then costs a connect timeout).
 */
export class HubPrinters {
  private readonly printers = new Map<string, TicketPrinter>();
  readonly fakes = new Map<string, FakePrinter>();
  /** jobs in flight per device */
  private readonly busy = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private polling = false;
  /** status polls done (for tests and logs) */
  polls = 0;

  constructor(
    private readonly configs: Record<string, HubPrinterConfig>,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
    private readonly poll: HubPrintersOptions | null = null,
  ) {}

  /** Start asking each printer its status while idle; stopped by `stopPolling` or `close`. */
  startPolling(): void {
    if (!this.poll || this.polling) return;
    this.polling = true;
    for (const device of this.printers.keys()) this.schedule(device, 0, 0);
  }

  stopPolling(): void {
    this.polling = false;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(device: string, delayMs: number, misses: number): void {
    if (!this.polling) return;
    const timer = setTimeout(() => void this.pollOnce(device, misses), delayMs);
    timer.unref();
    this.timers.set(device, timer);
  }

  private async pollOnce(device: string, misses: number): Promise<void> {
    const printer = this.printers.get(device);
    if (!printer || !this.poll || !this.polling) return;
    const pollMs = this.poll.pollMs;
    if ((this.busy.get(device) ?? 0) > 0) {
      // The job reports the printer's state itself; ask again one interval after.
      this.schedule(device, pollMs, 0);
      return;
    }
    let next = 0;
    try {
      const status = await printer.status();
      this.polls++;
      if (!this.polling) return;
      this.poll.onStatus(device, status);
      next = status.fault && UNREACHABLE.has(status.fault) ? misses + 1 : 0;
    } catch (e) {
      this.logger.warn({ err: e, device }, 'printer status poll failed');
      next = misses + 1;
    }
    // 1, 2, 4, … intervals while it cannot be reached, at most MAX_BACKOFF; every interval otherwise.
    this.schedule(device, pollMs * Math.min(2 ** Math.max(0, next - 1), MAX_BACKOFF), next);
  }

  async start(): Promise<void> {
    if (Object.keys(this.configs).length === 0) return;
    // Loaded only when the hub drives printers: the drawing library is the heaviest thing the hub could load.
    const { createPrinter, startFakePrinter } = await import('@luot/printer');
    for (const [device, cfg] of Object.entries(this.configs)) {
      if (cfg.kind === 'fake') {
        const fake = await startFakePrinter();
        this.fakes.set(device, fake);
        this.printers.set(
          device,
          createPrinter({
            kind: 'tcp',
            host: fake.host,
            port: fake.port,
            paperWidth: cfg.paperWidth ?? 80,
            timeoutMs: this.timeoutMs,
          }),
        );
        this.logger.info({ device, port: fake.port }, 'fake printer started');
      } else {
        this.printers.set(
          device,
          createPrinter({ ...cfg, ...('timeoutMs' in cfg ? {} : { timeoutMs: this.timeoutMs }) }),
        );
      }
    }
  }

  async print(
    device: string,
    office: OfficeConfig,
    issued: IssueResult,
    locale: 'vi' | 'en',
  ): Promise<PrintedWithDetail> {
    const printer = this.printers.get(device);
    // Phrases without a full stop, like the printer's own fault messages: the kiosk sets them in a sentence.
    if (!printer) {
      return {
        ok: false,
        fault: 'offline',
        message: { vi: 'Kiosk chưa được gán máy in', en: 'No printer is set up for this kiosk' },
        maybePrinted: false,
      };
    }
    this.busy.set(device, (this.busy.get(device) ?? 0) + 1);
    try {
      const r = await printer.print(printableTicket(office, issued, locale));
      return r.ok
        ? { ok: true, paperNearEnd: r.paperNearEnd }
        : {
            ok: false,
            fault: r.fault,
            message: r.message,
            // The printer package always knows whether bytes left before the fault; unknown counts as maybe.
            maybePrinted: r.maybePrinted ?? true,
            ...(r.detail ? { detail: r.detail } : {}),
          };
    } catch (e) {
      // Thrown half-way: the job may have left. Logged once, with the ticket, by the engine.
      return {
        ok: false,
        fault: 'write_failed',
        message: { vi: 'Lỗi máy in', en: 'Printer error' },
        maybePrinted: true,
        detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
      };
    } finally {
      this.busy.set(device, this.busy.get(device)! - 1);
    }
  }

  async close(): Promise<void> {
    this.stopPolling();
    await Promise.allSettled([...this.printers.values()].map((p) => p.close()));
    await Promise.allSettled([...this.fakes.values()].map((f) => f.close()));
  }
}
