import type { Text } from '@luot/core';
import type { PrinterFault } from './faults.js';

/** Paper roll width in millimetres: 58 mm prints 384 dots, 80 mm prints 576 dots (203 dpi heads). */
export type PaperWidth = 58 | 80;

export type TicketLocale = 'vi' | 'en';

/** Everything printed on one queue ticket. Strings may be in any Unicode normal form; they are printed as NFC. */
export interface TicketPrintData {
  /** e.g. 'Bộ phận Một cửa huyện Quốc Oai' */
  officeName: string;
  /** e.g. 'Đất đai – đăng ký, cấp giấy chứng nhận, biến động' (at most two lines, see src/wrap.ts) */
  serviceName: string;
  /** e.g. 'A012' */
  number: string;
  /** epoch ms */
  issuedAt: number;
  /** IANA time zone for the printed time; default 'Asia/Ho_Chi_Minh' */
  timeZone?: string;
  peopleAhead: number;
  /** null: no estimate yet, the line is left out. Printed only without `estimatedWaitRange`. */
  estimatedWaitMinutes: number | null;
  /**
   * The wait as the kiosk, the phone page and the display tell it ("khoảng 15–20 phút"): [from, to]
   * minutes from `estimateWait`. Printed instead of `estimatedWaitMinutes` so the paper says the same.
   */
  estimatedWaitRange?: [number, number] | null;
  /** counters that serve this ticket; empty: the line is left out */
  counters: number[];
  /** e.g. 'Ưu tiên – Người cao tuổi': prints an inverted "ƯU TIÊN" band and the label */
  priorityLabel?: string;
  /** hall full: prints a boxed "wait outside" notice with the place in the entry line */
  outside?: { place: number };
  /** the ticket's phone page, e.g. http://hub:8080/t/<token> */
  qrUrl: string;
  footer?: string;
  /** texts on the ticket; Vietnamese by default */
  locale?: TicketLocale;
}

export type { PrinterFault } from './faults.js';
export type { PrinterConfig } from './config.js';

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperEnd: boolean;
  cutterError: boolean;
  /** the fault that stops printing, or null when the printer can print */
  fault: PrinterFault | null;
}

export type PrintResult =
  | { ok: true; bytes: number; paperNearEnd: boolean }
  | {
      ok: false;
      fault: PrinterFault;
      message: Text;
      /**
       * Always set by this package. false: no byte of the job was sent, the ticket was certainly not
       * printed. true: the job (or part of it) was sent before the failure, a ticket may lie (half) printed
       * in the tray: ask staff to check before printing it again.
       */
      maybePrinted?: boolean;
      /** technical detail for logs (error code, address), never shown to citizens */
      detail?: string;
    };

export interface TicketPrinter {
  print(ticket: TicketPrintData): Promise<PrintResult>;
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

export interface EncodeOptions {
  paperWidth: PaperWidth;
  buzzer?: boolean;
  /** print the QR code with the printer's own GS ( k command instead of drawing it into the bitmap */
  nativeQr?: boolean;
}

export const PAPER_DOTS: Record<PaperWidth, number> = { 58: 384, 80: 576 };
