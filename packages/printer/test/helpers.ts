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

export interface QrMeasure {
  data: string;
  /** dots per module, from the top-left finder pattern (7 modules wide) */
  module: number;
  /** the symbol's edges in dots: [left, top, right, bottom), found from its finder patterns */
  box: [number, number, number, number];
  /** white margin on each side, in modules */
  quiet: { left: number; top: number; right: number; bottom: number };
}

/**
 * Read a QR code with jsQR (not the library that drew it) and measure it from the image alone: the
 * module size from the top-left finder pattern, the symbol's edges from the outer edges of its three
 * finder patterns, and the quiet zone as the white rows/columns on each side (ISO/IEC 18004 wants 4
 * modules of white all round). Rows above and below are checked across the symbol's width plus 4
 * modules each side, so the corners of the quiet zone count too.
 */
export function measureQr(bmp: Bitmap): QrMeasure | null {
  const code = jsQR(bitmapToRgba(bmp), bmp.width, bmp.height);
  if (!code) return null;
  const px = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= bmp.width || y >= bmp.height ? 0 : getPixel(bmp, x, y);
  /** From a black dot, the first dot in direction (dx, dy) after `runs` alternating black/white runs. */
  const edge = (x: number, y: number, dx: number, dy: number, runs: number): number => {
    let colour = 1;
    for (let left = runs; left > 0;) {
      x += dx;
      y += dy;
      if (px(x, y) !== colour) {
        colour ^= 1;
        left--;
      }
    }
    return dx !== 0 ? x : y;
  };
  const tl = code.location.topLeftFinderPattern;
  const tr = code.location.topRightFinderPattern;
  const bl = code.location.bottomLeftFinderPattern;
  const [tx, ty] = [Math.round(tl.x), Math.round(tl.y)];
  // Finder pattern across its centre: black 1, white 1, black 3, white 1, black 1 (modules).
  const left = edge(tx, ty, -1, 0, 3) + 1;
  const finderRight = edge(tx, ty, 1, 0, 3);
  const module = (finderRight - left) / 7;
  const top = edge(tx, ty, 0, -1, 3) + 1;
  const right = edge(Math.round(tr.x), Math.round(tr.y), 1, 0, 3);
  const bottom = edge(Math.round(bl.x), Math.round(bl.y), 0, 1, 3);
  const q = Math.ceil(4 * module);
  const rowWhite = (y: number): boolean => {
    for (let x = left - q; x < right + q; x++) if (px(x, y)) return false;
    return true;
  };
  const colWhite = (x: number): boolean => {
    for (let y = top; y < bottom; y++) if (px(x, y)) return false;
    return true;
  };
  // Paper ends count as the end of the white: a margin is only what is printed white.
  let t = 0;
  while (top - t - 1 >= 0 && rowWhite(top - t - 1)) t++;
  let b = 0;
  while (bottom + b < bmp.height && rowWhite(bottom + b)) b++;
  let l = 0;
  while (left - l - 1 >= 0 && colWhite(left - l - 1)) l++;
  let r = 0;
  while (right + r < bmp.width && colWhite(right + r)) r++;
  return {
    data: code.data,
    module,
    box: [left, top, right, bottom],
    quiet: { left: l / module, top: t / module, right: r / module, bottom: b / module },
  };
}
