import { quocOai } from '@luot/core/testing';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { getPixel, pngToBitmap, type Bitmap } from '../src/bitmap.js';
import { decodeEscPos } from '../src/decode.js';
import { encodeTicket } from '../src/encode.js';
import { ensureFonts, font } from '../src/fonts.js';
import { formatIssuedAt, TICKET_TEXTS } from '../src/i18n.js';
import { METRICS, renderTicket, renderTicketBitmaps, serviceNameLayout } from '../src/render.js';
import { PAPER_DOTS, type PaperWidth } from '../src/types.js';
import { compareWithGolden, goldenTicket, inkBands, measureQr, readQr, solidRows } from './helpers.js';

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

const measureCtx = createCanvas(8, 8).getContext('2d');
/** Width of the ink of `text` as the bundled font draws it (not its advance width). */
function inkWidth(text: string, size: number, bold: boolean): number {
  ensureFonts();
  measureCtx.font = font(size, bold);
  const box = measureCtx.measureText(text);
  return box.actualBoundingBoxLeft + box.actualBoundingBoxRight;
}

/** Width from the leftmost to the rightmost inked column in rows [y0, y1). */
function inkExtent(bmp: Bitmap, [y0, y1]: [number, number]): number {
  let min = bmp.width;
  let max = -1;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < bmp.width; x++) {
      if (getPixel(bmp, x, y)) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
  }
  return max - min + 1;
}

/**
 * The text lines printed between the rule under the office name and the ticket number (the first
 * band taller than three lines of the name): the service name's lines, then the number label. Bands closer than 2 rows are one line.
 */
function linesAboveNumber(bmp: Bitmap, paperWidth: PaperWidth): Array<[number, number]> {
  const { margin } = METRICS[paperWidth];
  const [, ruleEnd] = solidRows(bmp, margin, bmp.width - margin)[0]!;
  const bands = inkBands(bmp, ruleEnd, bmp.height);
  const number = bands.find(([top, bottom]) => bottom - top > 3 * METRICS[paperWidth].service)!;
  const lines: Array<[number, number]> = [];
  for (const band of bands.slice(0, bands.indexOf(number))) {
    const prev = lines.at(-1);
    if (prev && band[0] - prev[1] < 2) prev[1] = band[1];
    else lines.push([...band]);
  }
  return lines;
}

describe('service name and number label', () => {
  const services = quocOai().services.map((s) => s.name.vi);
  const longest = services.reduce((a, b) => (b.length > a.length ? b : a));
  const names = {
    'the longest of the default profile': longest,
    'the one that broke as "dịch / vụ"': 'Hướng dẫn, hỗ trợ dịch vụ công trực tuyến',
    'a made-up very long one':
      'Lao động – Thương binh và Xã hội – Người có công – Bảo trợ xã hội – Trẻ em – Phòng, chống tệ nạn xã hội',
  };

  for (const w of WIDTHS) {
    for (const [what, name] of Object.entries(names)) {
      it(`${w} mm, ${what}: at most two lines of whole words, as laid out`, async () => {
        const { images } = decodeEscPos(
          await encodeTicket(goldenTicket({ serviceName: name }), { paperWidth: w }),
        );
        const bmp = images[0]!.bitmap;
        const layout = serviceNameLayout(name, w);
        expect(layout.lines.length).toBeLessThanOrEqual(2);
        expect(layout.size).toBeGreaterThanOrEqual(METRICS[w].serviceMin);
        // No syllable split: the lines are the name's own words, in order (cut short with "…").
        // (A cut name drops the punctuation before its "…".)
        const words = name.split(' ');
        const printed = layout.lines.join(' ').replace(/…$/, '').split(' ');
        const n = printed.length;
        expect(printed.slice(0, -1)).toEqual(words.slice(0, n - 1));
        expect(words[n - 1]!.startsWith(printed[n - 1]!)).toBe(true);
        if (n < words.length) expect(layout.lines.at(-1)!.endsWith('…')).toBe(true);
        // On paper: that many lines above the label, each as wide as its text at that size.
        const lines = linesAboveNumber(bmp, w);
        expect(lines).toHaveLength(layout.lines.length + 1);
        layout.lines.forEach((line, i) => {
          expect(Math.abs(inkExtent(bmp, lines[i]!) - inkWidth(line, layout.size, true))).toBeLessThan(3);
        });
      });
    }

    it(`${w} mm: the number label addresses the citizen as ông/bà (English unchanged)`, async () => {
      for (const locale of ['vi', 'en'] as const) {
        const { images } = decodeEscPos(await encodeTicket(goldenTicket({ locale }), { paperWidth: w }));
        const bmp = images[0]!.bitmap;
        const label = linesAboveNumber(bmp, w).at(-1)!;
        const expected = locale === 'vi' ? 'SỐ THỨ TỰ CỦA ÔNG/BÀ' : 'YOUR NUMBER';
        expect(TICKET_TEXTS[locale].numberLabel).toBe(expected);
        const width = inkExtent(bmp, label);
        expect(Math.abs(width - inkWidth(expected, METRICS[w].label, false))).toBeLessThan(3);
      }
      expect(Object.values(TICKET_TEXTS.vi).filter((t) => typeof t === 'string' && /bạn/i.test(t))).toEqual(
        [],
      );
    });
  }
});
