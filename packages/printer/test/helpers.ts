import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { expect } from 'vitest';
import { bitmapToPng, bitmapToRgba, countDifferentDots, pngToBitmap, type Bitmap } from '../src/bitmap.js';
import { sampleTicket } from '../src/sample.js';
import type { TicketPrintData } from '../src/types.js';

export const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));

/** The golden sample: Ố (QUỐC), Ệ (HUYỆN), Ầ (QUẦY), Ữ (GIỮ), Đ (Đất), a priority mark. */
export function goldenTicket(overrides: Partial<TicketPrintData> = {}): TicketPrintData {
  return sampleTicket(overrides);
}

export function readQr(bmp: Bitmap): string | null {
  return jsQR(bitmapToRgba(bmp), bmp.width, bmp.height)?.data ?? null;
}

/** Share of dots that differ from the committed golden PNG; UPDATE_GOLDEN=1 rewrites it. */
export function compareWithGolden(name: string, bmp: Bitmap): number {
  const file = `${GOLDEN_DIR}${name}.png`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, bitmapToPng(bmp));
    return 0;
  }
  expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run --project printer`).toBe(
    true,
  );
  const golden = pngToBitmap(readFileSync(file));
  expect({ width: bmp.width, height: bmp.height }).toEqual({ width: golden.width, height: golden.height });
  return countDifferentDots(bmp, golden) / (bmp.width * bmp.height);
}
