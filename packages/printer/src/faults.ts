/**
 * Why a printer cannot print a ticket: one list, with what people read for each. The hub's protocol,
 * the kiosk shell and the printer itself all read it from here. This file loads no drawing code, so
 * screens and the Electron main process can import it (`@luot/printer/faults`).
 */
import type { Text } from '@luot/core';

export const FAULT_MESSAGES = {
  offline: { vi: 'Máy in đang ngoại tuyến', en: 'Printer is offline' },
  cover_open: { vi: 'Nắp máy in đang mở', en: 'Printer cover is open' },
  paper_end: { vi: 'Máy in hết giấy', en: 'Printer is out of paper' },
  cutter_error: { vi: 'Dao cắt giấy của máy in bị lỗi', en: 'Printer cutter error' },
  unrecoverable: {
    vi: 'Máy in gặp lỗi không tự khắc phục được, cần kiểm tra',
    en: 'Printer has an unrecoverable error',
  },
  timeout: { vi: 'Máy in không phản hồi', en: 'Printer is not responding' },
  refused: { vi: 'Không kết nối được máy in', en: 'Cannot connect to the printer' },
  write_failed: { vi: 'Gửi dữ liệu đến máy in thất bại', en: 'Failed to send the ticket to the printer' },
} as const satisfies Record<string, Text>;

export type PrinterFault = keyof typeof FAULT_MESSAGES;

/** The fault codes, in a fixed order: for schemas (`z.enum(PRINTER_FAULTS)`) and exhaustive tests. */
export const PRINTER_FAULTS = Object.keys(FAULT_MESSAGES) as [PrinterFault, ...PrinterFault[]];

export function faultMessage(fault: PrinterFault): Text {
  return FAULT_MESSAGES[fault];
}
