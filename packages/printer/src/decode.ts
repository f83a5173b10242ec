import { bitmapToPng, createBitmap, stackBitmaps, type Bitmap } from './bitmap.js';

/** One command found in an ESC/POS byte stream. */
export interface EscPosCommand {
  /** mnemonic, e.g. 'ESC @', 'GS v 0', 'GS ( k', 'GS V', 'DLE EOT', 'LF', 'text', 'unknown' */
  name: string;
  /** what it does, e.g. 'initialize', 'raster image', 'QR code: store data' */
  description: string;
  /** position of the first byte in the stream */
  offset: number;
  /** number of bytes including parameters and data */
  length: number;
  /** the main parameter: alignment, feed amount, cut type, status number, buzzer count… */
  value?: number | string;
  /** raster image: width in dots, height in rows, width in bytes */
  width?: number;
  height?: number;
  bytesPerRow?: number;
  /** QR code data, barcode data or printable text (latin1) */
  data?: string;
  /** the raw bytes of an unknown or truncated command */
  bytes?: number[];
  /** the stream ended in the middle of this command */
  truncated?: boolean;
}

export interface DecodedImage {
  width: number;
  height: number;
  png: Buffer;
  bitmap: Bitmap;
}

export interface DecodedEscPos {
  commands: EscPosCommand[];
  /** raster images, each rebuilt from its consecutive `GS v 0` bands and the ESC J feeds between them */
  images: DecodedImage[];
  cut: boolean;
}

type Parsed = { length: number; name: string; description: string } & Partial<EscPosCommand>;

const ALIGN = ['left', 'center', 'right'];

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);

/** Commands of the form <prefix> n: fixed length, one parameter. */
const ESC_FIXED: Record<number, [length: number, description: string]> = {
  0x40: [2, 'initialize'], // ESC @
  0x32: [2, 'default line spacing'], // ESC 2
  0x33: [3, 'line spacing'], // ESC 3 n
  0x61: [3, 'justification'], // ESC a n
  0x64: [3, 'print and feed lines'], // ESC d n
  0x4a: [3, 'print and feed dots'], // ESC J n
  0x65: [3, 'print and reverse feed lines'], // ESC e n
  0x4d: [3, 'character font'], // ESC M n
  0x45: [3, 'emphasized'], // ESC E n
  0x47: [3, 'double-strike'], // ESC G n
  0x2d: [3, 'underline'], // ESC - n
  0x21: [3, 'print mode'], // ESC ! n
  0x74: [3, 'code page'], // ESC t n
  0x52: [3, 'international character set'], // ESC R n
  0x20: [3, 'right-side character spacing'], // ESC SP n
  0x56: [3, '90° rotation'], // ESC V n
  0x7b: [3, 'upside-down'], // ESC { n
  0x55: [3, 'unidirectional printing'], // ESC U n
  0x72: [3, 'print colour'], // ESC r n
  0x3d: [3, 'select peripheral device'], // ESC = n
  0x25: [3, 'user-defined characters'], // ESC % n
  0x3f: [3, 'cancel user-defined character'], // ESC ? n
  0x54: [3, 'print direction in page mode'], // ESC T n
  0x4c: [2, 'page mode'], // ESC L
  0x53: [2, 'standard mode'], // ESC S
  0x0c: [2, 'print data in page mode'], // ESC FF
  0x69: [2, 'partial cut (legacy)'], // ESC i
  0x6d: [2, 'partial cut (legacy)'], // ESC m
  0x24: [4, 'absolute print position'], // ESC $ nL nH
  0x5c: [4, 'relative print position'], // ESC \ nL nH
  0x42: [4, 'buzzer'], // ESC B n t
  0x70: [5, 'cash drawer pulse'], // ESC p m t1 t2
  0x57: [10, 'print area in page mode'], // ESC W xL xH yL yH dxL dxH dyL dyH
};

const GS_FIXED: Record<number, [length: number, description: string]> = {
  0x21: [3, 'character size'], // GS ! n
  0x42: [3, 'white/black reverse'], // GS B n
  0x4c: [4, 'left margin'], // GS L nL nH
  0x57: [4, 'print area width'], // GS W nL nH
  0x50: [4, 'motion units'], // GS P x y
  0x61: [3, 'automatic status back'], // GS a n
  0x72: [3, 'transmit status'], // GS r n
  0x49: [3, 'transmit printer ID'], // GS I n
  0x68: [3, 'barcode height'], // GS h n
  0x77: [3, 'barcode width'], // GS w n
  0x48: [3, 'HRI position'], // GS H n
  0x66: [3, 'HRI font'], // GS f n
  0x62: [3, 'font smoothing'], // GS b n
  0x2f: [3, 'print downloaded bit image'], // GS / m
  0x24: [4, 'absolute vertical position'], // GS $ nL nH
  0x5c: [4, 'relative vertical position'], // GS \ nL nH
  0x3a: [2, 'macro definition'], // GS :
  0x5e: [5, 'execute macro'], // GS ^ r t m
  0x54: [3, 'print position to line start'], // GS T n
};

const QR_FUNCTIONS: Record<number, string> = {
  0x41: 'QR code: model',
  0x43: 'QR code: module size',
  0x45: 'QR code: error correction level',
  0x50: 'QR code: store data',
  0x51: 'QR code: print',
  0x52: 'QR code: transmit size',
};

function latin1(b: Uint8Array, start: number, end: number): string {
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');
}

/**
 * Parse the command at `i`. Returns null when the bytes end before the command does (a stream parser waits
 * for more; the decoder reports a truncated command). Bytes it does not know come back as 'unknown'.
 */
export function parseCommand(b: Uint8Array, i: number): Parsed | null {
  const avail = b.length - i;
  const c0 = b[i]!;
  const need = (n: number): boolean => avail >= n;

  if (c0 === 0x0a) return { length: 1, name: 'LF', description: 'print and line feed' };
  if (c0 === 0x0d) return { length: 1, name: 'CR', description: 'carriage return' };
  if (c0 === 0x09) return { length: 1, name: 'HT', description: 'horizontal tab' };
  if (c0 === 0x0c) return { length: 1, name: 'FF', description: 'print and return to standard mode' };
  if (c0 === 0x18) return { length: 1, name: 'CAN', description: 'cancel print data in page mode' };

  if (c0 >= 0x20 && c0 !== 0x7f) {
    let end = i;
    while (end < b.length && b[end]! >= 0x20 && b[end] !== 0x7f) end++;
    return { length: end - i, name: 'text', description: 'printable text', data: latin1(b, i, end) };
  }

  if (!need(2)) return c0 === 0x10 || c0 === 0x1b || c0 === 0x1c || c0 === 0x1d ? null : unknown(1);
  const c1 = b[i + 1]!;

  if (c0 === 0x10) {
    if (c1 === 0x04) {
      if (!need(3)) return null;
      const n = b[i + 2]!;
      if (n >= 1 && n <= 4)
        return { length: 3, name: 'DLE EOT', description: 'real-time status request', value: n };
      if (n === 7 || n === 8) {
        return need(4)
          ? { length: 4, name: 'DLE EOT', description: 'real-time status request', value: n }
          : null;
      }
      return unknown(3);
    }
    if (c1 === 0x05)
      return need(3)
        ? { length: 3, name: 'DLE ENQ', description: 'real-time request', value: b[i + 2] }
        : null;
    if (c1 === 0x14) {
      if (!need(3)) return null;
      const fn = b[i + 2]!;
      const len = fn === 8 ? 8 : fn >= 1 && fn <= 7 ? 5 : 0;
      if (!len) return unknown(3);
      return need(len) ? { length: len, name: 'DLE DC4', description: 'real-time command', value: fn } : null;
    }
    return unknown(2);
  }

  if (c0 === 0x1b) {
    const fixed = ESC_FIXED[c1];
    if (fixed) {
      const [len, description] = fixed;
      if (!need(len)) return null;
      const name = `ESC ${String.fromCharCode(c1)}`;
      const p = b[i + 2];
      switch (c1) {
        case 0x61:
          return { length: len, name, description, value: ALIGN[p! % 48] ?? p };
        case 0x42:
          return { length: len, name, description, value: p, data: `${p} × ${b[i + 3]! * 50} ms` };
        case 0x40:
        case 0x32:
          return { length: len, name, description };
        default:
          return { length: len, name, description, value: len === 4 ? u16(b, i + 2) : p };
      }
    }
    if (c1 === 0x2a) {
      // ESC * m nL nH d1…dk: column bit image, k = n (8-dot) or 3n (24-dot)
      if (!need(5)) return null;
      const m = b[i + 2]!;
      const n = u16(b, i + 3);
      const len = 5 + (m === 32 || m === 33 ? 3 * n : n);
      return need(len)
        ? { length: len, name: 'ESC *', description: 'column bit image', width: n, value: m }
        : null;
    }
    if (c1 === 0x28) {
      // ESC ( X pL pH …
      if (!need(5)) return null;
      const len = 5 + u16(b, i + 3);
      const fn = String.fromCharCode(b[i + 2]!);
      return need(len)
        ? { length: len, name: `ESC ( ${fn}`, description: fn === 'A' ? 'beeper' : 'extended command' }
        : null;
    }
    if (c1 === 0x63) {
      if (!need(4)) return null;
      return {
        length: 4,
        name: `ESC c ${String.fromCharCode(b[i + 2]!)}`,
        description: 'paper sensor / panel setting',
      };
    }
    if (c1 === 0x44) {
      // ESC D n1…nk NUL: horizontal tab positions
      let end = i + 2;
      while (end < b.length && b[end] !== 0 && end - i < 35) end++;
      if (end >= b.length) return null;
      return { length: end - i + 1, name: 'ESC D', description: 'horizontal tab positions' };
    }
    return unknown(2);
  }

  if (c0 === 0x1c) {
    if (c1 === 0x2e) return { length: 2, name: 'FS .', description: 'cancel Kanji character mode' };
    if (c1 === 0x26) return { length: 2, name: 'FS &', description: 'select Kanji character mode' };
    if (c1 === 0x43 || c1 === 0x21 || c1 === 0x2d) {
      return need(3)
        ? { length: 3, name: `FS ${String.fromCharCode(c1)}`, description: 'Kanji setting', value: b[i + 2] }
        : null;
    }
    if (c1 === 0x70)
      return need(4) ? { length: 4, name: 'FS p', description: 'print NV bit image', value: b[i + 2] } : null;
    return unknown(2);
  }

  if (c0 === 0x1d) {
    if (c1 === 0x76) {
      // GS v 0 m xL xH yL yH d1…dk: raster bit image, k = x × y
      if (!need(8)) return null;
      if (b[i + 2] !== 0x30) return unknown(3);
      const bytesPerRow = u16(b, i + 4);
      const height = u16(b, i + 6);
      const len = 8 + bytesPerRow * height;
      if (!need(len)) return null;
      return {
        length: len,
        name: 'GS v 0',
        description: 'raster bit image',
        value: b[i + 3],
        width: bytesPerRow * 8,
        height,
        bytesPerRow,
      };
    }
    if (c1 === 0x28) {
      // GS ( X pL pH …
      if (!need(5)) return null;
      const len = 5 + u16(b, i + 3);
      if (!need(len)) return null;
      const fn = String.fromCharCode(b[i + 2]!);
      if (fn === 'k' && len >= 7) {
        const cn = b[i + 5]!;
        const f = b[i + 6]!;
        if (cn === 0x31) {
          const cmd: Parsed = { length: len, name: 'GS ( k', description: QR_FUNCTIONS[f] ?? 'QR code' };
          if (f === 0x50) cmd.data = latin1(b, i + 8, i + len);
          else if (len >= 8) cmd.value = b[i + 7];
          return cmd;
        }
        return { length: len, name: 'GS ( k', description: cn === 0x30 ? 'PDF417' : '2D code', value: cn };
      }
      return { length: len, name: `GS ( ${fn}`, description: 'extended command' };
    }
    if (c1 === 0x38 && need(3) && b[i + 2] === 0x4c) {
      // GS 8 L p1 p2 p3 p4 …: graphics data, 32-bit length
      if (!need(7)) return null;
      const p = b[i + 3]! + b[i + 4]! * 256 + b[i + 5]! * 65536 + b[i + 6]! * 16777216;
      return need(7 + p) ? { length: 7 + p, name: 'GS 8 L', description: 'graphics data' } : null;
    }
    if (c1 === 0x56) {
      // GS V m [n]
      if (!need(3)) return null;
      const m = b[i + 2]!;
      const len =
        m === 0 || m === 1 || m === 48 || m === 49 ? 3 : [65, 66, 97, 98, 103, 104].includes(m) ? 4 : 0;
      if (!len) return unknown(3);
      if (!need(len)) return null;
      const partial = m % 2 === 1 || m === 66 || m === 98 || m === 104;
      return { length: len, name: 'GS V', description: 'cut paper', value: partial ? 'partial' : 'full' };
    }
    if (c1 === 0x6b) {
      // GS k m …: barcode
      if (!need(3)) return null;
      const m = b[i + 2]!;
      if (m <= 6) {
        let end = i + 3;
        while (end < b.length && b[end] !== 0) end++;
        if (end >= b.length) return null;
        return {
          length: end - i + 1,
          name: 'GS k',
          description: 'barcode',
          data: latin1(b, i + 3, end),
          value: m,
        };
      }
      if (!need(4)) return null;
      const len = 4 + b[i + 3]!;
      return need(len)
        ? { length: len, name: 'GS k', description: 'barcode', data: latin1(b, i + 4, i + len), value: m }
        : null;
    }
    if (c1 === 0x2a) {
      // GS * x y d1…d(x × y × 8): define downloaded bit image
      if (!need(4)) return null;
      const len = 4 + b[i + 2]! * b[i + 3]! * 8;
      return need(len) ? { length: len, name: 'GS *', description: 'define downloaded bit image' } : null;
    }
    const fixed = GS_FIXED[c1];
    if (fixed) {
      const [len, description] = fixed;
      if (!need(len)) return null;
      return {
        length: len,
        name: `GS ${String.fromCharCode(c1)}`,
        description,
        value: len === 4 ? u16(b, i + 2) : b[i + 2],
      };
    }
    return unknown(2);
  }

  return unknown(1);

  function unknown(length: number): Parsed {
    return {
      length,
      name: 'unknown',
      description: 'unknown bytes',
      bytes: Array.from(b.subarray(i, i + length)),
    };
  }
}

/** Parse a whole stream. Unknown bytes are reported (consecutive ones merged), never dropped. */
export function parseEscPos(bytes: Uint8Array): EscPosCommand[] {
  const commands: EscPosCommand[] = [];
  let i = 0;
  while (i < bytes.length) {
    const parsed = parseCommand(bytes, i);
    if (!parsed) {
      commands.push({
        name: 'unknown',
        description: 'command cut short by the end of the data',
        offset: i,
        length: bytes.length - i,
        bytes: Array.from(bytes.subarray(i)),
        truncated: true,
      });
      break;
    }
    const prev = commands[commands.length - 1];
    if (
      parsed.name === 'unknown' &&
      prev?.name === 'unknown' &&
      !prev.truncated &&
      prev.offset + prev.length === i
    ) {
      prev.length += parsed.length;
      prev.bytes!.push(...parsed.bytes!);
    } else {
      commands.push({ ...parsed, offset: i });
    }
    i += parsed.length;
  }
  return commands;
}

/**
 * Decode an ESC/POS job: its commands, its raster images rebuilt as PNGs, and whether it cuts the paper.
 * Consecutive `GS v 0` bands of one width form one image; ESC J feeds between (and directly around) them
 * become white rows of that image, so a ticket encoded with blank-row feeds decodes to its full bitmap.
 */
export function decodeEscPos(bytes: Uint8Array): DecodedEscPos {
  const commands = parseEscPos(bytes);
  const images: DecodedImage[] = [];
  let group: Bitmap[] = [];
  let pendingFeed = 0;
  let width = 0;

  const close = (): void => {
    if (group.length > 0) {
      if (pendingFeed > 0) group.push(createBitmap(width, pendingFeed));
      const bmp = stackBitmaps(group);
      images.push({ width: bmp.width, height: bmp.height, png: bitmapToPng(bmp), bitmap: bmp });
    }
    group = [];
    pendingFeed = 0;
  };

  for (const cmd of commands) {
    if (cmd.name === 'GS v 0') {
      if (group.length > 0 && cmd.width !== width) close();
      if (group.length === 0) width = cmd.width!;
      if (pendingFeed > 0) group.push(createBitmap(width, pendingFeed));
      pendingFeed = 0;
      const bmp = createBitmap(cmd.width!, cmd.height!);
      bmp.data.set(bytes.subarray(cmd.offset + 8, cmd.offset + cmd.length));
      group.push(bmp);
    } else if (cmd.name === 'ESC J') {
      pendingFeed += Number(cmd.value);
    } else {
      close(); // also forgets a feed that no image followed
    }
  }
  close();
  return { commands, images, cut: commands.some((c) => c.name === 'GS V') };
}
