import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/**
 * A 1-bit image in exactly the layout of an ESC/POS raster (`GS v 0`) payload:
 * rows top to bottom, `bytesPerRow = width / 8` bytes a row, most significant bit leftmost, 1 = black dot.
 */
export interface Bitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  if (width % 8 !== 0) throw new Error(`bitmap width must be a multiple of 8, got ${width}`);
  const bytesPerRow = width / 8;
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

export function getPixel(bmp: Bitmap, x: number, y: number): 0 | 1 {
  return ((bmp.data[y * bmp.bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1) as 0 | 1;
}

/** Threshold RGBA pixels (white background) to 1 bit: a dot is black when its luminance is below `threshold`. */
export function bitmapFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  threshold = 128,
): Bitmap {
  const bmp = createBitmap(width, height);
  const { data, bytesPerRow } = bmp;
  // Integer luminance (BT.601) compared against threshold * 1000; alpha composited over white.
  const limit = threshold * 1000;
  for (let y = 0; y < height; y++) {
    let src = y * width * 4;
    let dst = y * bytesPerRow;
    for (let xb = 0; xb < bytesPerRow; xb++) {
      let byte = 0;
      for (let bit = 7; bit >= 0; bit--) {
        const a = rgba[src + 3]!;
        let lum = 299 * rgba[src]! + 587 * rgba[src + 1]! + 114 * rgba[src + 2]!;
        if (a !== 255) lum = (lum * a + 255000 * (255 - a)) / 255;
        if (lum < limit) byte |= 1 << bit;
        src += 4;
      }
      data[dst++] = byte;
    }
  }
  return bmp;
}

/**
 * Fast path for an opaque black-on-white canvas: reads only the red channel (text is drawn in grey levels,
 * so R = G = B) and packs 8 dots a byte.
 */
export function bitmapFromOpaqueGrey(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  threshold: number,
): Bitmap {
  const bmp = createBitmap(width, height);
  const { data } = bmp;
  const total = data.length;
  let src = 0;
  for (let i = 0; i < total; i++) {
    let byte = 0;
    if (rgba[src]! < threshold) byte |= 0x80;
    if (rgba[src + 4]! < threshold) byte |= 0x40;
    if (rgba[src + 8]! < threshold) byte |= 0x20;
    if (rgba[src + 12]! < threshold) byte |= 0x10;
    if (rgba[src + 16]! < threshold) byte |= 0x08;
    if (rgba[src + 20]! < threshold) byte |= 0x04;
    if (rgba[src + 24]! < threshold) byte |= 0x02;
    if (rgba[src + 28]! < threshold) byte |= 0x01;
    data[i] = byte;
    src += 32;
  }
  return bmp;
}

/** Stack bitmaps of the same width top to bottom. */
export function stackBitmaps(parts: Bitmap[]): Bitmap {
  if (parts.length === 0) return createBitmap(8, 0);
  const width = parts[0]!.width;
  const height = parts.reduce((h, p) => h + p.height, 0);
  const out = createBitmap(width, height);
  let offset = 0;
  for (const p of parts) {
    if (p.width !== width) throw new Error('cannot stack bitmaps of different widths');
    out.data.set(p.data, offset);
    offset += p.data.length;
  }
  return out;
}

/**
 * ESC/POS printers execute the real-time commands DLE EOT n, DLE ENQ n and DLE DC4 … wherever their bytes
 * occur, even inside the pixels of an image (Epson's reference warns about it). A ticket whose pixels
 * happened to contain 10 04 01 would make the printer answer a status byte in the middle of the job, or
 * worse (DLE DC4 2 switches some printers off). Such pairs are common: two vertical strokes at the right
 * distance repeat the same two bytes on every row. This adds one dot (bit 3) to the second byte, right
 * next to a dot it already has (0x04 → 0x0C, 0x05 → 0x0D, 0x14 → 0x1C): a stroke gets one dot thicker
 * on those rows, nothing disappears, and no new pair is formed. Returns how many bytes changed. The data
 * is one contiguous raster, as sent, so pairs across row ends are covered too.
 */
export function breakRealtimeSequences(bmp: Bitmap): number {
  const d = bmp.data;
  let changed = 0;
  for (let i = 0; i < d.length - 1; i++) {
    if (d[i] === 0x10) {
      const next = d[i + 1];
      if (next === 0x04 || next === 0x05 || next === 0x14) {
        d[i + 1] = next | 0x08;
        changed++;
      }
    }
  }
  return changed;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body, crc32(Buffer.from(type, 'latin1'))) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encode as a 1-bit greyscale PNG (small: a whole ticket is a few kilobytes). */
export function bitmapToPng(bmp: Bitmap): Buffer {
  const { width, height, bytesPerRow, data } = bmp;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(Math.max(height, 1), 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Math.max(height, 1);
  const raw = Buffer.alloc(rows * (bytesPerRow + 1), 0xff);
  for (let y = 0; y < height; y++) {
    const o = y * (bytesPerRow + 1);
    raw[o] = 0; // filter: none
    for (let x = 0; x < bytesPerRow; x++) raw[o + 1 + x] = ~data[y * bytesPerRow + x]! & 0xff; // PNG: 1 = white
  }
  if (height === 0) raw[0] = 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Read any PNG back as a bitmap (dark pixels are dots); the width is padded to a multiple of 8 with white. */
export function pngToBitmap(png: Buffer, threshold = 128): Bitmap {
  const img = PNG.sync.read(png);
  const width = Math.ceil(img.width / 8) * 8;
  if (width === img.width) return bitmapFromRgba(img.data, img.width, img.height, threshold);
  const padded = new Uint8Array(width * img.height * 4).fill(255);
  for (let y = 0; y < img.height; y++) {
    padded.set(img.data.subarray(y * img.width * 4, (y + 1) * img.width * 4), y * width * 4);
  }
  return bitmapFromRgba(padded, width, img.height, threshold);
}

/** RGBA pixels (black on white), e.g. for jsQR. */
export function bitmapToRgba(bmp: Bitmap): Uint8ClampedArray {
  const out = new Uint8ClampedArray(bmp.width * bmp.height * 4);
  for (let y = 0; y < bmp.height; y++) {
    for (let x = 0; x < bmp.width; x++) {
      const v = getPixel(bmp, x, y) ? 0 : 255;
      const o = (y * bmp.width + x) * 4;
      out[o] = out[o + 1] = out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Number of dots that differ between two bitmaps of the same size (Infinity when the sizes differ). */
export function countDifferentDots(a: Bitmap, b: Bitmap): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let diff = 0;
  for (let i = 0; i < a.data.length; i++) {
    let x = a.data[i]! ^ b.data[i]!;
    while (x) {
      diff += x & 1;
      x >>= 1;
    }
  }
  return diff;
}
