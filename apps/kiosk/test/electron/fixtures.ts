import type { PrintResult, PrinterStatus, TicketPrinter, TicketPrintData } from '@luot/printer';

export const ticket: TicketPrintData = {
  officeName: 'Trung tâm Phục vụ hành chính công huyện Quốc Oai',
  serviceName: 'Đất đai – đăng ký, cấp giấy chứng nhận, biến động',
  number: 'A012',
  issuedAt: Date.UTC(2025, 6, 1, 1, 30),
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 4,
  estimatedWaitMinutes: 12,
  counters: [1, 2, 3],
  qrUrl: 'http://hub.local:3000/t/A012-abc',
};

export const okStatus: PrinterStatus = {
  online: true,
  coverOpen: false,
  paperNearEnd: false,
  paperEnd: false,
  cutterError: false,
  fault: null,
};

/** A fake printer: `print` answers with the next queued behaviour, and records what it was asked to print. */
export function fakePrinter(...behaviours: Array<PrintResult | Error | 'hang' | unknown>) {
  const printed: TicketPrintData[] = [];
  let status: PrinterStatus | Error | 'hang' = okStatus;
  const printer: TicketPrinter & { printed: TicketPrintData[]; setStatus(s: typeof status): void } = {
    printed,
    setStatus(s) {
      status = s;
    },
    async print(t) {
      printed.push(t);
      const next = behaviours.length > 1 ? behaviours.shift() : behaviours[0];
      if (next === 'hang') return new Promise<PrintResult>(() => {});
      if (next instanceof Error) throw next;
      return next as PrintResult;
    },
    async status() {
      if (status === 'hang') return new Promise<PrinterStatus>(() => {});
      if (status instanceof Error) throw status;
      return status;
    },
    async close() {},
  };
  return printer;
}
