/**
 * The one API the Electron shell gives the kiosk web app, as `window.luotKiosk`.
 *
 * The React app imports this file for types only:
 *   import type { LuotKioskApi } from '../electron/api';
 * In a plain browser `window.luotKiosk` is undefined: show the number on screen and do not print.
 */
import type { Text } from '@luot/core';
import type { PrintResult, PrinterFault, PrinterStatus, TicketPrintData } from '@luot/printer';

export type { PrintResult, PrinterFault, PrinterStatus, TicketPrintData };

export type KioskLocale = 'vi' | 'en';

export interface DeviceConfig {
  deviceId: string;
  /** Device token for the hub connection. Kept out of the page URL. */
  token: string;
  locale: KioskLocale;
}

/** What the kiosk does after a print attempt (decided in print-flow.ts). */
export interface PrintAdvice {
  /** A printer fault the kiosk reports to the hub (device status), or null. */
  reportFault: PrinterFault | null;
  /** The ticket printed but the paper is running low: warn the staff through the hub. */
  paperNearEnd: boolean;
  /**
   * Whether the kiosk may go on issuing tickets. When false, stop offering new tickets and poll
   * `printerStatus()` until `fault === null`.
   */
  keepIssuing: boolean;
  /** Message for the citizen in front of the kiosk, or null when there is nothing to say. */
  userMessage: Text | null;
}

/** A `PrintResult` (only `ok: true` means printed) plus the kiosk's advice. */
export type KioskPrintResult = PrintResult & { advice: PrintAdvice };

export interface LuotKioskApi {
  readonly isElectron: true;
  /** Print a ticket that the hub has already issued. Rejects only on an invalid ticket payload. */
  print(ticket: TicketPrintData): Promise<KioskPrintResult>;
  /** Current printer status; never rejects (an unreachable printer reads as offline). */
  printerStatus(): Promise<PrinterStatus>;
  getDeviceConfig(): Promise<DeviceConfig>;
}

/** IPC channel names shared by main and preload. */
export const IPC = {
  print: 'kiosk:print',
  printerStatus: 'kiosk:printer-status',
  deviceConfig: 'kiosk:device-config',
} as const;

declare global {
  interface Window {
    /** Present only inside the Lượt Kiosk Electron shell. */
    luotKiosk?: LuotKioskApi;
  }
}
