import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitmapToRgba, breakRealtimeSequences, countDifferentDots, type Bitmap } from '../src/bitmap.js';
import { decodeEscPos, parseEscPos } from '../src/decode.js';
import { concatBytes, encodeTicket, rasterCommands, RASTER_BAND_ROWS } from '../src/encode.js';
import { renderTicketBitmaps } from '../src/render.js';
import type { PaperWidth } from '../src/types.js';
import { goldenTicket, readQr } from './helpers.js';

const WIDTHS: Array<[PaperWidth, number]> = [
  [80, 72],
  [58, 48],
];

describe('encodeTicket', () => {
  for (const [w, bytesPerRow] of WIDTHS) {
    it(`${w} mm: valid ESC/POS — initialise first, raster ${bytesPerRow} bytes wide in bands ≤ 255 rows, feed, cut, nothing unknown`, async () => {
      const ticket = goldenTicket();
      const bytes = await encodeTicket(ticket, { paperWidth: w });
      const { commands, images, cut } = decodeEscPos(bytes);
      expect(commands[0]!.name).toBe('ESC @');
      expect(commands.filter((c) => c.name === 'unknown' || c.name === 'text')).toEqual([]);
      const bands = commands.filter((c) => c.name === 'GS v 0');
      expect(bands.length).toBeGreaterThan(0);
      for (const band of bands) {
        expect(band.bytesPerRow).toBe(bytesPerRow);
        expect(band.height).toBeLessThanOrEqual(RASTER_BAND_ROWS);
        expect(band.value).toBe(0); // normal density
      }
      expect(cut).toBe(true);
      const names = commands.map((c) => c.name);
      expect(names.slice(-2)).toEqual(['ESC d', 'GS V']);
      expect(commands.at(-2)!.value).toBeGreaterThanOrEqual(3);
      // The decoded image is exactly the rendered bitmap.
      const [bmp] = renderTicketBitmaps(ticket, w);
      expect(images).toHaveLength(1);
      expect(countDifferentDots(images[0]!.bitmap, bmp!)).toBe(0);
    });
  }

  it('stays under 64 KB for an 80 mm ticket, and blank-row feeds change nothing in the image', async () => {
    const ticket = goldenTicket({ outside: { place: 9 } });
    const compact = await encodeTicket(ticket, { paperWidth: 80 });
    const plain = await encodeTicket(ticket, { paperWidth: 80, feedBlankRows: false });
    expect(compact.length).toBeLessThan(64 * 1024);
    expect(compact.length).toBeLessThan(plain.length);
    expect(parseEscPos(plain).some((c) => c.name === 'ESC J')).toBe(false);
    const a = decodeEscPos(compact).images[0]!.bitmap;
    const b = decodeEscPos(plain).images[0]!.bitmap;
    expect(countDifferentDots(a, b)).toBe(0);
  });

  it('raster bands are byte for byte what the encoder library’s image() makes of the same bitmap', () => {
    for (const [w] of WIDTHS) {
      const [bmp] = renderTicketBitmaps(goldenTicket(), w);
      const ours = concatBytes(rasterCommands(bmp!, false));
      const encoder = new ReceiptPrinterEncoder({
        language: 'esc-pos',
        columns: w === 80 ? 48 : 32,
        imageMode: 'raster',
        feedAfterBlock: false,
      });
      const theirs = encoder
        .image(
          { data: bitmapToRgba(bmp!), width: bmp!.width, height: bmp!.height } as unknown as Parameters<
            ReceiptPrinterEncoder['image']
          >[0],
          {
            width: bmp!.width,
            height: bmp!.height,
            mode: 'raster',
          },
        )
        .encode();
      expect(Buffer.from(theirs).equals(Buffer.from(ours))).toBe(true);
    }
  });

  it('nativeQr: the bitmap leaves the QR out and the printer’s GS ( k QR carries the URL', async () => {
    const ticket = goldenTicket();
    const { commands, images } = decodeEscPos(await encodeTicket(ticket, { paperWidth: 80, nativeQr: true }));
    const qr = commands.filter((c) => c.name === 'GS ( k');
    expect(qr.map((c) => c.description)).toEqual([
      'QR code: model',
      'QR code: module size',
      'QR code: error correction level',
      'QR code: store data',
      'QR code: print',
    ]);
    expect(qr[3]!.data).toBe(ticket.qrUrl);
    expect(commands.filter((c) => c.name === 'ESC a').map((c) => c.value)).toEqual(['center', 'left']);
    expect(images).toHaveLength(2); // above and below the printer's QR code
    for (const img of images) expect(readQr(img.bitmap)).toBeNull();
    expect(commands.filter((c) => c.name === 'unknown')).toEqual([]);
  });

  it('an empty qrUrl prints no QR code at all, in either mode', async () => {
    for (const nativeQr of [false, true]) {
      const { commands, images } = decodeEscPos(
        await encodeTicket(goldenTicket({ qrUrl: '' }), { paperWidth: 80, nativeQr }),
      );
      expect(commands.some((c) => c.name === 'GS ( k')).toBe(false);
      expect(images).toHaveLength(1);
      expect(readQr(images[0]!.bitmap)).toBeNull();
    }
  });

  it('buzzer: ESC B after the cut, only when asked', async () => {
    const ticket = goldenTicket();
    const withBuzzer = parseEscPos(await encodeTicket(ticket, { paperWidth: 58, buzzer: true }));
    const without = parseEscPos(await encodeTicket(ticket, { paperWidth: 58 }));
    expect(withBuzzer.at(-1)!.name).toBe('ESC B');
    expect(withBuzzer.at(-2)!.name).toBe('GS V');
    expect(without.some((c) => c.name === 'ESC B')).toBe(false);
  });

  it('raster data never contains a real-time command (DLE EOT / DLE ENQ / DLE DC4) the printer would execute', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 60 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom<PaperWidth>(58, 80),
        (office, service, n, w) => {
          const bmps = renderTicketBitmaps(
            goldenTicket({ officeName: office, serviceName: service, number: `A${n}`, footer: service }),
            w,
          );
          for (const bmp of bmps) {
            for (const cmd of rasterCommands(bmp)) {
              for (let i = 8; i + 1 < cmd.length; i++) {
                if (cmd[i] === 0x10) expect([0x04, 0x05, 0x14]).not.toContain(cmd[i + 1]);
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('pairs that would form DLE EOT/ENQ/DC4 get one dot added next to an existing dot, none removed', () => {
    const before = Uint8Array.of(0x10, 0x04, 0x01, 0x10, 0x14, 0x10, 0x05, 0x10, 0x10, 0x04, 0x7f);
    const bmp: Bitmap = { width: 88, height: 1, bytesPerRow: 11, data: before.slice() };
    expect(breakRealtimeSequences(bmp)).toBe(4);
    expect(Array.from(bmp.data)).toEqual([0x10, 0x0c, 0x01, 0x10, 0x1c, 0x10, 0x0d, 0x10, 0x10, 0x0c, 0x7f]);
    before.forEach((b, i) => expect(bmp.data[i]! & b).toBe(b));
  });
});
