// Stand-in for @luot/printer in wiring.test.ts: a printer that always prints, and records its config.
import type { PrinterConfig, PrintResult, TicketPrinter, TicketPrintData } from '@luot/printer';

const g = globalThis as typeof globalThis & {
  __fakePrinter?: { configs: PrinterConfig[]; printed: TicketPrintData[] };
};
const state = (g.__fakePrinter ??= { configs: [], printed: [] });

export function createPrinter(config: PrinterConfig): TicketPrinter {
  state.configs.push(config);
  return {
    async print(t): Promise<PrintResult> {
      state.printed.push(t);
      return { ok: true, bytes: 1234, paperNearEnd: false };
    },
    async status() {
      return {
        online: true,
        coverOpen: false,
        paperNearEnd: false,
        paperEnd: false,
        cutterError: false,
        fault: null,
      };
    },
    async close() {},
  };
}
