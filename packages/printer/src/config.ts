/**
 * How to reach a ticket printer: one schema for every place that configures one — the hub (printers
 * it drives for browser kiosks), the Electron kiosk's own file, and `createPrinter` here. Loads no
 * drawing code (`@luot/printer/config`).
 */
import { z } from 'zod';

const paperWidth = z.union([z.literal(58), z.literal(80)], { error: 'must be 58 or 80' }).optional();
/** Connect timeout and per status query timeout; default 2000 ms. */
const timeoutMs = z.number().int().min(100).max(120_000).optional();
/** Time allowed for the job's bytes to be accepted; default max(10 s, 4 × timeoutMs). */
const writeTimeoutMs = z.number().int().min(1_000).max(300_000).optional();
/** Sound the buzzer (ESC B) after the ticket. */
const buzzer = z.boolean().optional();

export const TcpPrinterSchema = z.strictObject({
  kind: z.literal('tcp'),
  host: z.string().trim().min(1, 'must be the printer host name or IP address'),
  port: z.number().int().min(1).max(65_535).optional(),
  paperWidth,
  timeoutMs,
  writeTimeoutMs,
  buzzer,
  /** Print the QR code with the printer's own GS ( k command instead of drawing it. */
  nativeQr: z.boolean().optional(),
});

export const UsbPrinterSchema = z.strictObject({
  kind: z.literal('usb'),
  device: z.string().min(1, 'must be a device path such as /dev/usb/lp0'),
  paperWidth,
  timeoutMs,
  writeTimeoutMs,
  buzzer,
});

/** Development sink: appends the raw bytes of every job to a file, always "ok". */
export const FilePrinterSchema = z.strictObject({
  kind: z.literal('file'),
  path: z.string().min(1),
  paperWidth,
});

/** No printer: print() fails with 'offline'. */
export const NoPrinterSchema = z.strictObject({ kind: z.literal('none') });

export const PRINTER_KIND_ERROR = 'must be one of "tcp", "usb", "file", "none"';

export const PrinterConfigSchema = z.discriminatedUnion(
  'kind',
  [TcpPrinterSchema, UsbPrinterSchema, FilePrinterSchema, NoPrinterSchema],
  { error: (iss) => (iss.code === 'invalid_union' ? PRINTER_KIND_ERROR : undefined) },
);
export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;
