import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { expect } from 'vitest';
import {
  bitmapToPng,
  bitmapToRgba,
  countDifferentDots,
  getPixel,
  pngToBitmap,
  type Bitmap,
} from '../src/bitmap.js';
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

/** Runs of consecutive rows [start, end) between y0 and y1 with at least one black dot in columns [x0, x1). */
export function inkBands(
  bmp: Bitmap,
  y0 = 0,
  y1 = bmp.height,
  x0 = 0,
  x1 = bmp.width,
): Array<[number, number]> {
  const bands: Array<[number, number]> = [];
  let start = -1;
  for (let y = y0; y < y1; y++) {
    let ink = false;
    for (let x = x0; x < x1 && !ink; x++) ink = getPixel(bmp, x, y) === 1;
    if (ink && start < 0) start = y;
    if (!ink && start >= 0) {
      bands.push([start, y]);
      start = -1;
    }
  }
  if (start >= 0) bands.push([start, y1]);
  return bands;
}

/** Runs of rows [start, end) that are black from x0 to x1 (exclusive): rules, bands, box edges. */
export function solidRows(bmp: Bitmap, x0: number, x1: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let y = 0; y <= bmp.height; y++) {
    let solid = y < bmp.height;
    for (let x = x0; x < x1 && solid; x++) solid = getPixel(bmp, x, y) === 1;
    if (solid && start < 0) start = y;
    if (!solid && start >= 0) {
      runs.push([start, y]);
      start = -1;
    }
  }
  return runs;
}

/** The longest run of black dots down column x, as [start, end). */
export function longestColumnRun(bmp: Bitmap, x: number): [number, number] {
  let best: [number, number] = [0, 0];
  let start = -1;
  for (let y = 0; y <= bmp.height; y++) {
    const black = y < bmp.height && getPixel(bmp, x, y) === 1;
    if (black && start < 0) start = y;
    if (!black && start >= 0) {
      if (y - start > best[1] - best[0]) best = [start, y];
      start = -1;
    }
  }
  return best;
}
