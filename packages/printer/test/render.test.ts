import { describe, expect, it } from 'vitest';
import { getPixel, pngToBitmap } from '../src/bitmap.js';
import { decodeEscPos } from '../src/decode.js';
import { encodeTicket } from '../src/encode.js';
import { formatIssuedAt } from '../src/i18n.js';
import { renderTicket, renderTicketBitmaps } from '../src/render.js';
import { PAPER_DOTS, type PaperWidth } from '../src/types.js';
import { compareWithGolden, goldenTicket, measureQr, readQr } from './helpers.js';

const WIDTHS: PaperWidth[] = [80, 58];

describe('ticket bitmap', () => {
  for (const w of WIDTHS) {
    it(`${w} mm: the printed image matches the golden PNG and its QR code reads back`, async () => {
      const ticket = goldenTicket();
      const bytes = await encodeTicket(ticket, { paperWidth: w });
      const { images } = decodeEscPos(bytes);
      expect(images).toHaveLength(1);
      const printed = images[0]!.bitmap;
      expect(printed.width).toBe(PAPER_DOTS[w]);
      expect(compareWithGolden(`ticket-vi-${w}`, printed)).toBeLessThan(0.005);
      expect(readQr(printed)).toBe(ticket.qrUrl);
    });
  }

  it('80 mm English, hall full: matches its golden PNG, QR reads back', async () => {
    const ticket = goldenTicket({
      locale: 'en',
      outside: { place: 12 },
      priorityLabel: undefined,
      number: 'K105',
    });
    const { images } = decodeEscPos(await encodeTicket(ticket, { paperWidth: 80 }));
    expect(compareWithGolden('ticket-en-outside-80', images[0]!.bitmap)).toBeLessThan(0.005);
    expect(readQr(images[0]!.bitmap)).toBe(ticket.qrUrl);
  });

  it('renderTicket gives the preview PNG and the raster rows of the same image', async () => {
    const r = await renderTicket(goldenTicket(), 80);
    expect(r.width).toBe(576);
    expect(r.bytesPerRow).toBe(72);
    expect(r.raster.length).toBe(72 * r.height);
    const fromPng = pngToBitmap(r.png);
    expect(fromPng.height).toBe(r.height);
    expect(Buffer.from(fromPng.data).equals(Buffer.from(r.raster))).toBe(true);
  });

  it('normalises text to NFC: decomposed input prints exactly like composed input', async () => {
    const composed = goldenTicket();
    const decomposed = goldenTicket({
      officeName: composed.officeName.normalize('NFD'),
      serviceName: composed.serviceName.normalize('NFD'),
      footer: composed.footer!.normalize('NFD'),
      priorityLabel: composed.priorityLabel!.normalize('NFD'),
    });
    expect(decomposed.serviceName).not.toBe(composed.serviceName);
    const a = await renderTicket(composed, 58);
    const b = await renderTicket(decomposed, 58);
    expect(Buffer.from(b.raster).equals(Buffer.from(a.raster))).toBe(true);
  });

  it('wraps very long names inside the paper and keeps the side margins white', () => {
    for (const w of WIDTHS) {
      const [bmp] = renderTicketBitmaps(
        goldenTicket({
          officeName: 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm thành phố Hà Nội',
          serviceName:
            'Lao động – Thương binh và Xã hội – Người có công – Bảo trợ xã hội – Trẻ em – Phòng, chống tệ nạn xã hội',
          footer: 'Mộtcụmtừrấtdàikhôngcókhoảngtrắngnàođểngắtdòngvẫnphảiđượcngắtgọngàng',
          counters: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
          outside: { place: 123 },
          estimatedWaitMinutes: 135,
        }),
        w,
      );
      for (let y = 0; y < bmp!.height; y++) {
        for (const x of [0, 1, 2, 3, bmp!.width - 4, bmp!.width - 3, bmp!.width - 2, bmp!.width - 1]) {
          expect(getPixel(bmp!, x, y), `dot ${x},${y} at ${w} mm`).toBe(0);
        }
      }
    }
  });

  it('prints the time in Hà Nội time whatever the machine time zone', () => {
    expect(formatIssuedAt(Date.UTC(2025, 10, 30, 1, 15))).toBe('30/11/2025 08:15');
    expect(formatIssuedAt(Date.UTC(2025, 11, 31, 17, 5))).toBe('01/01/2026 00:05');
    expect(formatIssuedAt(Date.UTC(2025, 11, 31, 17, 5), 'UTC')).toBe('31/12/2025 17:05');
  });
});

describe('QR code quiet zone', () => {
  for (const w of WIDTHS) {
    it(`${w} mm: at least 4 white modules all round the printed symbol, and it reads back`, async () => {
      for (const ticket of [goldenTicket(), goldenTicket({ locale: 'en', outside: { place: 12 } })]) {
        const { images } = decodeEscPos(await encodeTicket(ticket, { paperWidth: w }));
        const qr = measureQr(images[0]!.bitmap);
        expect(qr?.data).toBe(ticket.qrUrl);
        // The symbol measured from the image is a whole number of modules (the finder pattern is right).
        const [left, top, right, bottom] = qr!.box;
        expect(Number.isInteger(qr!.module)).toBe(true);
        expect((right - left) / qr!.module).toBe((bottom - top) / qr!.module);
        for (const [side, modules] of Object.entries(qr!.quiet)) {
          expect(modules, `${side} quiet zone at ${w} mm`).toBeGreaterThanOrEqual(4);
        }
      }
    });

    it(`${w} mm, printer's own QR code (GS ( k, which has no quiet-zone setting): 4 white modules above and below`, async () => {
      const bytes = await encodeTicket(goldenTicket(), { paperWidth: w, nativeQr: true });
      const { commands, images } = decodeEscPos(bytes);
      const moduleDots = Number(commands.find((c) => c.description === 'QR code: module size')!.value);
      expect(images).toHaveLength(2);
      const [above, below] = images.map((i) => i.bitmap);
      const blankRows = (bmp: typeof above, from: number, step: number): number => {
        let n = 0;
        for (let y = from; y >= 0 && y < bmp!.height; y += step, n++) {
          for (let x = 0; x < bmp!.width; x++) if (getPixel(bmp!, x, y)) return n;
        }
        return n;
      };
      expect(blankRows(above, above!.height - 1, -1)).toBeGreaterThanOrEqual(4 * moduleDots);
      expect(blankRows(below, 0, 1)).toBeGreaterThanOrEqual(4 * moduleDots);
    });
  }
});
