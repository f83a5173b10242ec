import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Bitmap } from './bitmap.js';
import { NATIVE_QR_MODULE_DOTS, renderTicketBitmaps } from './render.js';
import type { EncodeOptions, PaperWidth, TicketPrintData } from './types.js';

/**
 * Rows a `GS v 0` command carries at most. The row count has a high byte, but some firmware reads only the
 * low one and prints the rest of the pixels as text; the encoder library splits at 255 for that reason
 * (RASTER_CHUNK_HEIGHT in @point-of-sale/receipt-printer-encoder) and so do we.
 */
export const RASTER_BAND_ROWS = 255;

/** A white stretch at least this tall is sent as a paper feed (ESC J) instead of white raster rows. */
export const MIN_FEED_ROWS = 8;

/** Lines fed (ESC d) after the ticket so its end passes the cutter, which sits above the print head. */
export const FEED_LINES_BEFORE_CUT = 4;

/** ESC B n t: sound the buzzer n times for t × 50 ms (the common ESC/POS buzzer command). */
export const BUZZER_COMMAND = [0x1b, 0x42, 0x02, 0x02] as const;

export interface EncodeTicketOptions extends EncodeOptions {
  /**
   * Send white stretches of ≥ 8 rows as ESC J n (feed n dots) rather than as white pixels: about a quarter
   * fewer bytes. ESC J counts in the printer's vertical motion unit, which is one dot on 203 dpi printers.
   * Default true.
   */
  feedBlankRows?: boolean;
}

function isBlankRow(bmp: Bitmap, y: number): boolean {
  const { data, bytesPerRow } = bmp;
  for (let i = y * bytesPerRow, end = i + bytesPerRow; i < end; i++) if (data[i] !== 0) return false;
  return true;
}

function rasterBand(bmp: Bitmap, start: number, rows: number): Uint8Array {
  const { bytesPerRow } = bmp;
  const out = new Uint8Array(8 + rows * bytesPerRow);
  // GS v 0 m xL xH yL yH: m = 0 (normal density), x in bytes, y in dots
  out.set([0x1d, 0x76, 0x30, 0x00, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8]);
  out.set(bmp.data.subarray(start * bytesPerRow, (start + rows) * bytesPerRow), 8);
  return out;
}

function feedDots(dots: number): Uint8Array {
  const out: number[] = [];
  for (let left = dots; left > 0; left -= 255) out.push(0x1b, 0x4a, Math.min(255, left));
  return Uint8Array.from(out);
}

/**
 * The raster commands for one bitmap: bands of at most 255 rows of `GS v 0`, byte for byte what the
 * encoder's image() produces for the same 1-bit image (a test checks that); white stretches optionally fed.
 * The pixels arrive already 1-bit and packed in raster order, so they are copied instead of being turned
 * back into RGBA for the encoder to threshold and pack again (that took ~20 ms a ticket).
 */
export function rasterCommands(bmp: Bitmap, feedBlankRows = true): Uint8Array[] {
  const out: Uint8Array[] = [];
  const pushInk = (start: number, end: number): void => {
    for (let y = start; y < end; y += RASTER_BAND_ROWS)
      out.push(rasterBand(bmp, y, Math.min(RASTER_BAND_ROWS, end - y)));
  };
  if (!feedBlankRows) {
    pushInk(0, bmp.height);
    return out;
  }
  let inkStart = 0;
  let y = 0;
  while (y < bmp.height) {
    if (!isBlankRow(bmp, y)) {
      y++;
      continue;
    }
    let end = y;
    while (end < bmp.height && isBlankRow(bmp, end)) end++;
    if (end - y >= MIN_FEED_ROWS) {
      pushInk(inkStart, y);
      out.push(feedDots(end - y));
      inkStart = end;
    }
    y = end;
  }
  pushInk(inkStart, bmp.height);
  return out;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function createEncoder(paperWidth: PaperWidth): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: paperWidth === 80 ? 48 : 32, // printableWidth 576 / 384 dots with font A (12 × 24)
    imageMode: 'raster',
    feedAfterBlock: false,
    newline: '\n',
  });
}

/**
 * The whole ESC/POS job for one ticket: ESC @ (initialise), the ticket bitmap as `GS v 0` bands (with the
 * printer's own `GS ( k` QR code in between when `nativeQr`), feed, cut, and the buzzer when asked.
 */
export function encodeTicketSync(ticket: TicketPrintData, opts: EncodeTicketOptions): Uint8Array {
  const nativeQr = (opts.nativeQr ?? false) && ticket.qrUrl.trim() !== '';
  const feedBlank = opts.feedBlankRows ?? true;
  const [top, bottom] = renderTicketBitmaps(ticket, opts.paperWidth, { qr: nativeQr ? 'native' : 'bitmap' });
  const encoder = createEncoder(opts.paperWidth);
  const parts: Uint8Array[] = [];

  parts.push(encoder.initialize().encode());
  if (top) parts.push(...rasterCommands(top, feedBlank));
  if (nativeQr) {
    encoder
      .align('center')
      .qrcode(ticket.qrUrl.trim(), {
        model: 2,
        size: NATIVE_QR_MODULE_DOTS[opts.paperWidth],
        errorlevel: 'm',
      })
      .align('left');
    parts.push(encoder.encode());
  }
  if (bottom) parts.push(...rasterCommands(bottom, feedBlank));

  encoder.raw([0x1b, 0x64, FEED_LINES_BEFORE_CUT]).cut('full');
  let tail = encoder.encode();
  // The encoder ends the cut "line" with a line feed; after a cut it would only push the next ticket down.
  if (tail[tail.length - 1] === 0x0a) tail = tail.subarray(0, tail.length - 1);
  parts.push(tail);
  if (opts.buzzer) parts.push(Uint8Array.from(BUZZER_COMMAND));
  return concatBytes(parts);
}

/** See encodeTicketSync; async for callers that may later move the work off the main thread. */
export async function encodeTicket(ticket: TicketPrintData, opts: EncodeTicketOptions): Promise<Uint8Array> {
  return encodeTicketSync(ticket, opts);
}
