import { describe, expect, it } from 'vitest';
import type { Level } from '@luot/core';
import { levelNotice, makeT } from '../src/i18n.js';
import { quocOai } from '@luot/core/testing';

describe('the level is "Cấp độ N" everywhere on the display', () => {
  it('in the level badge, also shown on the counters the level closes', () => {
    expect(makeT('vi')('level', { n: 4 })).toBe('Cấp độ 4');
    expect(makeT('en')('level', { n: 4 })).toBe('Level 4');
  });

  it("in the ticker, whatever label the office's note starts with", () => {
    for (const level of [2, 3, 4] as Level[]) {
      const note = quocOai().levels[level].note!;
      const vi = levelNotice(note.vi, level, 'vi');
      expect(vi).toMatch(new RegExp(`^Cấp độ ${level}: [^C]`));
      expect(vi).not.toMatch(/Cấp \d/);
      expect(levelNotice(note.en, level, 'en')).toMatch(new RegExp(`^Level ${level}: [a-z]`));
    }
    expect(levelNotice('Cấp 4: chỉ tiếp nhận thủ tục thiết yếu.', 4, 'vi')).toBe(
      'Cấp độ 4: chỉ tiếp nhận thủ tục thiết yếu.',
    );
    // Already right, decomposed (NFD) as some editors save it, or with no label at all.
    expect(levelNotice('Cấp độ 3 – giữ khoảng cách.'.normalize('NFD'), 3, 'vi')).toBe(
      'Cấp độ 3: giữ khoảng cách.'.normalize('NFC'),
    );
    expect(levelNotice('Giữ khoảng cách 1 mét.', 2, 'vi')).toBe('Cấp độ 2: Giữ khoảng cách 1 mét.');
    // "Cấp số" (issuing numbers) is not a level label.
    expect(levelNotice('Cấp số đến 16:30.', 2, 'vi')).toBe('Cấp độ 2: Cấp số đến 16:30.');
    expect(levelNotice('', 1, 'vi')).toBe('');
  });
});
