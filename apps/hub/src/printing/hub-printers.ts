import type { FakePrinter, TicketPrinter } from '@luot/printer';
import { printableTicket } from '@luot/printer/printable';
import type { IssueResult } from '@luot/protocol';
import type { OfficeConfig } from '@luot/core';
import type { Logger } from 'pino';
import type { HubPrinterConfig } from '../config.js';

export type Printed = NonNullable<IssueResult['printed']>;

/**
 * Network printers the hub drives for kiosks that run in a plain browser. A 'fake' printer is
 * started on 127.0.0.1 for development and the demo, so `npm start` prints somewhere real.
 */
export class HubPrinters {
  private readonly printers = new Map<string, TicketPrinter>();
  readonly fakes = new Map<string, FakePrinter>();

  constructor(
    private readonly configs: Record<string, HubPrinterConfig>,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

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
  ): Promise<Printed> {
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
          };
    } catch (e) {
      this.logger.error({ err: e, device }, 'printing failed');
      // Thrown half-way: the job may have left.
      return {
        ok: false,
        fault: 'write_failed',
        message: { vi: 'Lỗi máy in', en: 'Printer error' },
        maybePrinted: true,
      };
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.printers.values()].map((p) => p.close()));
    await Promise.allSettled([...this.fakes.values()].map((f) => f.close()));
  }
}
