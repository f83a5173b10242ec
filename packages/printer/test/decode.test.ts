import { describe, expect, it } from 'vitest';
import { getPixel, pngToBitmap } from '../src/bitmap.js';
import { decodeEscPos, parseCommand, parseEscPos } from '../src/decode.js';

const band = (bytesPerRow: number, rows: number, fill: number): number[] => [
  0x1d,
  0x76,
  0x30,
  0x00,
  bytesPerRow,
  0,
  rows,
  0,
  ...new Array<number>(bytesPerRow * rows).fill(fill),
];

describe('decodeEscPos', () => {
  it('names every command it knows, with its parameters', () => {
    const bytes = Uint8Array.from([
      ...[0x1b, 0x40], // ESC @
      ...[0x1b, 0x61, 0x01], // ESC a 1
      ...[0x1b, 0x64, 0x04], // ESC d 4
      ...[0x1b, 0x4a, 0x18], // ESC J 24
      ...[0x1b, 0x42, 0x03, 0x02], // ESC B 3 2
      ...[0x10, 0x04, 0x04], // DLE EOT 4
      ...[0x1d, 0x56, 0x01], // GS V 1
      ...[0x1d, 0x56, 0x42, 0x05], // GS V 66 5
      ...[0x1d, 0x28, 0x6b, 0x06, 0x00, 0x31, 0x50, 0x30, 0x61, 0x62, 0x63], // GS ( k store "abc"
      ...[0x1b, 0x70, 0x00, 0x19, 0xfa], // ESC p
      ...[0x1d, 0x21, 0x11], // GS ! 0x11
      ...[0x48, 0x69, 0x0a], // "Hi" LF
    ]);
    const cmds = parseEscPos(bytes);
    expect(cmds.map((c) => [c.name, c.value ?? c.data ?? null])).toEqual([
      ['ESC @', null],
      ['ESC a', 'center'],
      ['ESC d', 4],
      ['ESC J', 24],
      ['ESC B', 3],
      ['DLE EOT', 4],
      ['GS V', 'partial'],
      ['GS V', 'partial'],
      ['GS ( k', 'abc'],
      ['ESC p', 0],
      ['GS !', 0x11],
      ['text', 'Hi'],
      ['LF', null],
    ]);
    expect(cmds.reduce((n, c) => n + c.length, 0)).toBe(bytes.length);
    expect(cmds[2]!.offset).toBe(5);
  });

  it('reports unknown bytes (merged) and a command cut short, never drops them', () => {
    const cmds = parseEscPos(
      Uint8Array.from([
        0x1b, 0x40, 0x00, 0x01, 0x1b, 0xfe, 0x1b, 0x61, 0x01, 0x1d, 0x76, 0x30, 0x00, 0x48, 0x00, 0x02,
      ]),
    );
    expect(cmds.map((c) => c.name)).toEqual(['ESC @', 'unknown', 'ESC a', 'unknown']);
    expect(cmds[1]).toMatchObject({ offset: 2, length: 4, bytes: [0x00, 0x01, 0x1b, 0xfe] });
    expect(cmds[3]).toMatchObject({ truncated: true, bytes: [0x1d, 0x76, 0x30, 0x00, 0x48, 0x00, 0x02] });
  });

  it('a stream parser waits for the rest of a command', () => {
    const gs = Uint8Array.from(band(2, 3, 0xff));
    expect(parseCommand(gs.subarray(0, 10), 0)).toBeNull();
    expect(parseCommand(gs, 0)).toMatchObject({ name: 'GS v 0', length: 14, width: 16, height: 3 });
    expect(parseCommand(Uint8Array.of(0x10, 0x04), 0)).toBeNull();
  });

  it('stacks bands and ESC J feeds into one image; another command starts a new image', () => {
    const bytes = Uint8Array.from([
      0x1b,
      0x40,
      0x1b,
      0x4a,
      0x02, // 2 white rows on top
      ...band(1, 2, 0xff),
      0x1b,
      0x4a,
      0x03, // 3 white rows between
      ...band(1, 1, 0x80),
      0x1b,
      0x61,
      0x01, // not part of an image
      ...band(2, 1, 0x01),
      0x1b,
      0x64,
      0x03,
      0x1d,
      0x56,
      0x00,
    ]);
    const { images, cut, commands } = decodeEscPos(bytes);
    expect(cut).toBe(true);
    expect(commands.some((c) => c.name === 'unknown')).toBe(false);
    expect(images.map((i) => [i.width, i.height])).toEqual([
      [8, 8],
      [16, 1],
    ]);
    const first = pngToBitmap(images[0]!.png);
    const column0 = Array.from({ length: 8 }, (_, y) => getPixel(first, 0, y));
    expect(column0).toEqual([0, 0, 1, 1, 0, 0, 0, 1]);
    expect(getPixel(first, 1, 7)).toBe(0);
    expect(getPixel(images[1]!.bitmap, 15, 0)).toBe(1);
  });
});
