import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { bitmapFromOpaqueGrey, bitmapToPng, breakRealtimeSequences, type Bitmap } from './bitmap.js';
import { ensureFonts, font } from './fonts.js';
import { formatIssuedAt, TICKET_TEXTS } from './i18n.js';
import { PAPER_DOTS, type PaperWidth, type TicketPrintData } from './types.js';
import { fitLines, splitWords, type FittedLines } from './wrap.js';

/** Sizes in dots (203 dpi: 8 dots a millimetre). */
export interface Metrics {
  margin: number;
  gap: number;
  office: number;
  rule: number;
  label: number;
  numberMax: number;
  band: number;
  priorityLabel: number;
  service: number;
  /** the smallest size a long service name shrinks to, to fit on two lines */
  serviceMin: number;
  info: number;
  outsideTitle: number;
  outsideBody: number;
  outsidePlace: number;
  box: number;
  qrTarget: number;
  caption: number;
  footer: number;
}

/** Exported for the tests, which measure the print against it. */
export const METRICS: Record<PaperWidth, Metrics> = {
  80: {
    margin: 12,
    gap: 12,
    office: 25,
    rule: 2,
    label: 21,
    numberMax: 180,
    band: 34,
    priorityLabel: 25,
    service: 27,
    serviceMin: 21,
    info: 24,
    outsideTitle: 26,
    outsideBody: 23,
    outsidePlace: 27,
    box: 3,
    qrTarget: 176,
    caption: 22,
    footer: 20,
  },
  58: {
    margin: 6,
    gap: 8,
    office: 21,
    rule: 2,
    label: 18,
    numberMax: 132,
    band: 28,
    priorityLabel: 21,
    service: 22,
    serviceMin: 17,
    info: 20,
    outsideTitle: 22,
    outsideBody: 20,
    outsidePlace: 22,
    box: 3,
    qrTarget: 150,
    caption: 19,
    footer: 17,
  },
};

/** White modules all round a QR code (ISO/IEC 18004: at least 4; phone cameras miss codes with less). */
export const QUIET_ZONE_MODULES = 4;

/**
 * Module size in dots of the printer's own QR code (`GS ( k` function 167). That command has no
 * quiet-zone setting, so the bitmaps before and after it end and start with 4 modules of white.
 */
export const NATIVE_QR_MODULE_DOTS: Record<PaperWidth, number> = { 80: 6, 58: 5 };

/** Dots darker than this (0–255) print black. Slightly above the middle keeps thin tone marks whole. */
const THRESHOLD = 150;

type Ctx = SKRSContext2D;
type DrawOp = (ctx: Ctx, top: number) => void;

interface Segment {
  height: number;
  ops: Array<{ y: number; draw: DrawOp }>;
}

const nfc = (s: string): string => s.normalize('NFC');

/** Baseline of a text line below its top edge, and the line height: room for stacked Vietnamese marks (Ầ, Ữ). */
const baselineOf = (size: number): number => Math.round(size * 1.02);
const lineHeightOf = (size: number): number => Math.round(size * 1.32);

/** One small canvas for measuring text, shared by all layouts (rendering is synchronous). */
let measureCtx: Ctx | undefined;

class TicketLayout {
  readonly width: number;
  readonly content: number;
  readonly segments: Segment[] = [{ height: 0, ops: [] }];
  private readonly measure: Ctx;

  constructor(
    readonly paperWidth: PaperWidth,
    readonly m: Metrics,
  ) {
    this.width = PAPER_DOTS[paperWidth];
    this.content = this.width - 2 * m.margin;
    measureCtx ??= createCanvas(8, 8).getContext('2d');
    this.measure = measureCtx;
  }

  private get current(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  get y(): number {
    return this.current.height;
  }

  space(dots: number): void {
    this.current.height += Math.round(dots);
  }

  /** Reserve `height` dots and draw into them. */
  add(height: number, draw: DrawOp): void {
    this.current.ops.push({ y: this.current.height, draw });
    this.current.height += Math.round(height);
  }

  /** Start a new bitmap (the printer prints something of its own in between, e.g. a native QR code). */
  split(): void {
    this.segments.push({ height: 0, ops: [] });
  }

  textWidth(text: string, size: number, bold: boolean): number {
    this.measure.font = font(size, bold);
    return this.measure.measureText(text).width;
  }

  /** Words to wrap (`splitWords`: NFC, a lone dash glued to the word before it). */
  words(text: string): string[] {
    return splitWords(text);
  }

  /** Greedy word wrap; a word wider than the line is broken between letters. */
  wrap(text: string, size: number, bold: boolean, maxWidth: number): string[] {
    const words = this.words(text);
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.textWidth(candidate, size, bold) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (this.textWidth(line, size, bold) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && this.textWidth(line.slice(0, cut), size, bold) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Same number of lines, but as even as possible: no lone word on the last line of a centred paragraph. */
  private balance(text: string, size: number, bold: boolean, maxWidth: number, lines: string[]): string[] {
    const widestWord = Math.max(...this.words(text).map((w) => this.textWidth(w, size, bold)));
    let lo = Math.max(maxWidth / lines.length, widestWord);
    let hi = maxWidth;
    let best = lines;
    while (hi - lo > 2) {
      const mid = (lo + hi) / 2;
      const attempt = this.wrap(text, size, bold, mid);
      if (attempt.length <= lines.length) {
        best = attempt;
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return best;
  }

  /** Centred, wrapped paragraph; at most `maxLines` lines, the last one ending in '…' when cut short. */
  paragraph(text: string, size: number, bold: boolean, maxLines = Infinity, maxWidth = this.content): void {
    let lines = this.wrap(text, size, bold, maxWidth);
    if (lines.length > 1 && lines.length <= maxLines) lines = this.balance(text, size, bold, maxWidth, lines);
    if (lines.length > maxLines) {
      lines = lines.slice(0, maxLines);
      let last = lines[maxLines - 1]!;
      while (last.length > 1 && this.textWidth(`${last}…`, size, bold) > maxWidth) last = last.slice(0, -1);
      lines[maxLines - 1] = `${last.trimEnd()}…`;
    }
    this.lines(lines, size, bold);
  }

  /** Centred lines, one under the other. */
  lines(lines: string[], size: number, bold: boolean): void {
    const lh = lineHeightOf(size);
    const center = this.width / 2;
    for (const line of lines) {
      this.add(lh, (ctx, top) => {
        ctx.font = font(size, bold);
        ctx.textAlign = 'center';
        ctx.fillText(line, center, top + baselineOf(size));
      });
    }
  }

  /** "Label: value" centred, the value in bold; label and value on two lines when they do not fit on one. */
  labelValue(label: string, value: string, size: number, valueSize = size, maxWidth = this.content): void {
    label = nfc(label);
    value = nfc(value);
    const lw = this.textWidth(label, size, false);
    const sw = this.textWidth(' ', size, false);
    const vw = this.textWidth(value, valueSize, true);
    const center = this.width / 2;
    const big = Math.max(size, valueSize);
    if (lw + sw + vw <= maxWidth) {
      const left = center - (lw + sw + vw) / 2;
      this.add(lineHeightOf(big), (ctx, top) => {
        const base = top + baselineOf(big);
        ctx.textAlign = 'left';
        ctx.font = font(size, false);
        ctx.fillText(label, left, base);
        ctx.font = font(valueSize, true);
        ctx.fillText(value, left + lw + sw, base);
      });
      return;
    }
    this.paragraph(label, size, false, Infinity, maxWidth);
    this.paragraph(value, valueSize, true, Infinity, maxWidth);
  }

  /** The service name: whole words on at most two lines, the font shrunk step by step to fit. */
  serviceName(text: string): void {
    const fit = this.fitServiceName(text);
    this.lines(fit.lines, fit.size, true);
  }

  fitServiceName(text: string): FittedLines {
    const sizes: number[] = [];
    for (let size = this.m.service; size >= this.m.serviceMin; size--) sizes.push(size);
    return fitLines(text, (s, size) => this.textWidth(s, size, true), this.content, sizes);
  }

  rule(): void {
    const { margin, rule } = this.m;
    this.add(rule, (ctx, top) => ctx.fillRect(margin, top, this.content, rule));
  }

  /** The ticket number: bold, as large as fits the paper. */
  bigNumber(text: string): void {
    text = nfc(text);
    let size = this.m.numberMax;
    const maxWidth = this.content - 8;
    const w = this.textWidth(text, size, true);
    if (w > maxWidth) size = Math.floor((size * maxWidth) / w);
    this.measure.font = font(size, true);
    const box = this.measure.measureText(text);
    const ascent = Math.ceil(box.actualBoundingBoxAscent);
    const descent = Math.ceil(box.actualBoundingBoxDescent);
    const center = this.width / 2;
    this.add(ascent + descent, (ctx, top) => {
      ctx.font = font(size, true);
      ctx.textAlign = 'center';
      ctx.fillText(text, center, top + ascent);
    });
  }

  /** Inverted band (white letters on black) across the paper. */
  band(text: string, size: number): void {
    text = nfc(text);
    const { margin } = this.m;
    this.measure.font = font(size, true);
    const box = this.measure.measureText(text);
    const ascent = Math.ceil(box.actualBoundingBoxAscent);
    const descent = Math.ceil(box.actualBoundingBoxDescent);
    const pad = Math.round(size * 0.3);
    const height = ascent + descent + 2 * pad;
    const center = this.width / 2;
    this.add(height, (ctx, top) => {
      ctx.fillRect(margin, top, this.content, height);
      ctx.fillStyle = '#fff';
      ctx.font = font(size, true);
      ctx.textAlign = 'center';
      ctx.fillText(text, center, top + pad + ascent);
      ctx.fillStyle = '#000';
    });
  }

  /** A framed box around whatever `inner` lays out (inner content gets `content - 2 × padding` dots). */
  boxed(inner: (maxWidth: number) => void): void {
    const { margin, box } = this.m;
    const pad = box + 8;
    const top = this.y;
    const opIndex = this.current.ops.length;
    this.space(pad);
    inner(this.content - 2 * pad);
    this.space(pad - 4);
    const height = this.y - top;
    const frame: DrawOp = (ctx, t) => {
      ctx.fillRect(margin, t, this.content, box);
      ctx.fillRect(margin, t + height - box, this.content, box);
      ctx.fillRect(margin, t, box, height);
      ctx.fillRect(margin + this.content - box, t, box, height);
    };
    this.current.ops.splice(opIndex, 0, { y: top, draw: frame });
  }

  qr(url: string): void {
    const code = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const cells = code.modules.data;
    // Whole dots per module, within the paper with a quiet zone of 4 modules on each side.
    const scale = Math.max(2, Math.min(Math.floor(this.m.qrTarget / n), Math.floor(this.width / (n + 8))));
    const size = n * scale;
    const left = Math.round((this.width - size) / 2 / 8) * 8;
    // ISO/IEC 18004 quiet zone: 4 modules of white all round. Sideways the scale leaves that much (and
    // more); above and below it is reserved here, whatever is printed next to the code.
    const quiet = QUIET_ZONE_MODULES * scale;
    this.space(quiet);
    this.add(size, (ctx, top) => {
      for (let r = 0; r < n; r++) {
        let c = 0;
        while (c < n) {
          if (!cells[r * n + c]) {
            c++;
            continue;
          }
          let end = c;
          while (end < n && cells[r * n + end]) end++;
          ctx.fillRect(left + c * scale, top + r * scale, (end - c) * scale, scale);
          c = end;
        }
      }
    });
    this.space(quiet);
  }

  render(): Bitmap[] {
    return this.segments
      .filter((s) => s.height > 0)
      .map((segment) => {
        const height = Math.ceil(segment.height / 8) * 8;
        const canvas = createCanvas(this.width, height);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, this.width, height);
        ctx.fillStyle = '#000';
        ctx.textBaseline = 'alphabetic';
        for (const op of segment.ops) op.draw(ctx, op.y);
        const rgba = canvas.data(); // opaque white background: premultiplied = straight RGBA
        const bmp = bitmapFromOpaqueGrey(rgba, this.width, height, THRESHOLD);
        breakRealtimeSequences(bmp);
        return bmp;
      });
  }
}

/**
 * Lay the ticket out and draw it as 1-bit bitmaps. With `qr: 'native'` the QR code is left out and the
 * ticket comes back in two parts (before and after the place where the printer prints its own QR code).
 * An empty `qrUrl` prints no QR code and no caption.
 */
export function renderTicketBitmaps(
  ticket: TicketPrintData,
  paperWidth: PaperWidth,
  opts: { qr: 'bitmap' | 'native' } = { qr: 'bitmap' },
): Bitmap[] {
  ensureFonts();
  const m = METRICS[paperWidth];
  const t = TICKET_TEXTS[ticket.locale ?? 'vi'];
  const L = new TicketLayout(paperWidth, m);

  L.space(m.gap);
  L.paragraph(nfc(ticket.officeName).toLocaleUpperCase('vi'), m.office, true, 3);
  L.space(m.gap / 2);
  L.rule();
  L.space(m.gap);
  L.serviceName(ticket.serviceName);
  L.space(m.gap * 1.5);
  L.paragraph(t.numberLabel, m.label, false, 1);
  L.space(m.gap / 2);
  L.bigNumber(ticket.number);
  L.space(m.gap * 1.5);

  if (ticket.priorityLabel !== undefined) {
    L.band(t.priorityBand, m.band);
    if (ticket.priorityLabel.trim()) {
      L.space(m.gap / 2);
      L.paragraph(ticket.priorityLabel, m.priorityLabel, true, 3);
    }
    L.space(m.gap);
  }

  L.rule();
  L.space(m.gap);
  L.labelValue(t.issuedAt, formatIssuedAt(ticket.issuedAt, ticket.timeZone), m.info);
  L.labelValue(t.peopleAhead, String(ticket.peopleAhead), m.info);
  if (ticket.estimatedWaitRange) {
    L.labelValue(t.estimatedWait, t.waitRange(ticket.estimatedWaitRange), m.info);
  } else if (
    ticket.estimatedWaitRange === undefined &&
    ticket.estimatedWaitMinutes !== null &&
    Number.isFinite(ticket.estimatedWaitMinutes)
  ) {
    L.labelValue(t.estimatedWait, t.duration(ticket.estimatedWaitMinutes), m.info);
  }
  if (ticket.counters.length > 0) {
    L.labelValue(t.counters(ticket.counters.length), ticket.counters.join(', '), m.info);
  }

  if (ticket.outside) {
    const place = ticket.outside.place;
    L.space(m.gap);
    L.boxed((inner) => {
      L.paragraph(t.outsideTitle, m.outsideTitle, true, Infinity, inner);
      L.paragraph(t.outsideBody, m.outsideBody, false, Infinity, inner);
      L.space(4);
      L.labelValue(t.outsidePlace, String(place), m.outsideBody, m.outsidePlace, inner);
    });
  }

  const hasQr = ticket.qrUrl.trim() !== '';
  // A QR code brings its own white (the quiet zone, wider than the gap).
  if (!hasQr) L.space(m.gap);
  if (hasQr && opts.qr === 'bitmap') L.qr(ticket.qrUrl.trim());
  if (hasQr && opts.qr === 'native') {
    const quiet = QUIET_ZONE_MODULES * NATIVE_QR_MODULE_DOTS[paperWidth];
    L.space(quiet);
    L.split();
    L.space(quiet);
  }
  if (hasQr) L.paragraph(t.qrCaption, m.caption, false, 2);
  if (ticket.footer?.trim()) {
    L.space(m.gap / 2);
    L.paragraph(ticket.footer, m.footer, false, 4);
  }
  L.space(m.gap);
  return L.render();
}

/** How a service name is laid out on a ticket: its font size and lines (the tests check the print against it). */
export function serviceNameLayout(name: string, paperWidth: PaperWidth): FittedLines {
  ensureFonts();
  return new TicketLayout(paperWidth, METRICS[paperWidth]).fitServiceName(name);
}

export interface RenderedTicket {
  /** 1-bit PNG of the ticket as it prints (also the on-screen preview) */
  png: Buffer;
  width: number;
  height: number;
  /** 1-bit raster rows, `bytesPerRow` bytes each, MSB leftmost, 1 = black: the `GS v 0` payload */
  raster: Uint8Array;
  bytesPerRow: number;
}

/** Pure layout → bitmap: the whole ticket including its QR code, as a PNG and as raster rows. */
export async function renderTicket(ticket: TicketPrintData, paperWidth: PaperWidth): Promise<RenderedTicket> {
  const [bmp] = renderTicketBitmaps(ticket, paperWidth);
  if (!bmp) throw new Error('empty ticket');
  return {
    png: bitmapToPng(bmp),
    width: bmp.width,
    height: bmp.height,
    raster: bmp.data,
    bytesPerRow: bmp.bytesPerRow,
  };
}
