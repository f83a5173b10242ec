import { describe, expect, it } from 'vitest';
import { fitLines, splitWords } from '../src/wrap.js';

/** Every letter 10 dots wide at size 20, scaled with the size: easy widths to reason about. */
const mono = (text: string, size: number): number => Array.from(text).length * size * 0.5;
const SIZES = [20, 19, 18, 17, 16];

describe('fitLines (service names)', () => {
  it('keeps a name that fits on one line at full size', () => {
    expect(fitLines('Thuế', mono, 200, SIZES)).toEqual({ size: 20, lines: ['Thuế'] });
  });

  it('breaks between phrases, not inside a word: "dịch / vụ" never happens', () => {
    const name = 'Hướng dẫn, hỗ trợ dịch vụ công trực tuyến'; // 41 letters
    // 240 dots: 24 letters a line at size 20, and the most even break is "…hỗ trợ dịch / vụ…". After
    // the comma the second line has 30 letters: it fits at size 16 (30 letters a line), so the font shrinks.
    expect(fitLines(name, mono, 240, SIZES)).toEqual({
      size: 16,
      lines: ['Hướng dẫn,', 'hỗ trợ dịch vụ công trực tuyến'],
    });
  });

  it('with no phrase break that fits even at the smallest size, takes the most even word break', () => {
    expect(fitLines('Hướng dẫn, hỗ trợ dịch vụ công trực tuyến', mono, 230, SIZES)).toEqual({
      size: 20,
      lines: ['Hướng dẫn, hỗ trợ dịch', 'vụ công trực tuyến'],
    });
  });

  it('prefers the most even phrase break, a dash staying at the end of its line', () => {
    expect(fitLines('Đất đai – đăng ký, cấp giấy chứng nhận, biến động', mono, 300, SIZES)).toEqual({
      size: 20,
      lines: ['Đất đai – đăng ký,', 'cấp giấy chứng nhận, biến động'],
    });
  });

  it('returns NFC whatever the input, with every syllable whole and in order', () => {
    const name = 'Văn hóa – Giáo dục – Y tế – Nội vụ – Người có công, thương binh';
    const fit = fitLines(name.normalize('NFD'), mono, 200, SIZES);
    expect(fit.lines.length).toBeLessThanOrEqual(2);
    for (const line of fit.lines) {
      expect(line).toBe(line.normalize('NFC'));
      expect(mono(line, fit.size)).toBeLessThanOrEqual(200);
    }
    const syllables = fit.lines.join(' ').replace('…', '').split(' ');
    const all = name.split(' ');
    expect(all.slice(0, syllables.length)).toEqual(syllables);
  });

  it('too long for two lines at the smallest size: whole words, then "…"', () => {
    const name =
      'Lao động – Thương binh và Xã hội – Người có công – Bảo trợ xã hội – Trẻ em – Phòng, chống tệ nạn xã hội';
    const fit = fitLines(name, mono, 200, SIZES); // 25 letters a line at size 16
    expect(fit.size).toBe(16);
    expect(fit.lines).toEqual(['Lao động – Thương binh và', 'Xã hội – Người có công…']);
  });

  it('a single word wider than the line is cut between letters, marks kept on their letters', () => {
    const fit = fitLines('Mộtcụmtừrấtdàikhôngcókhoảngtrắng', mono, 100, SIZES, 1);
    expect(fit).toEqual({ size: 16, lines: ['Mộtcụmtừrất…'] });
  });

  it('splits words at spaces and glues a lone dash to the word before it', () => {
    expect(splitWords('  Tư pháp – Hộ tịch ')).toEqual(['Tư', 'pháp –', 'Hộ', 'tịch']);
    expect(splitWords('Tư pháp – Hộ tịch'.normalize('NFD'))).toEqual(['Tư', 'pháp –', 'Hộ', 'tịch']);
  });
});
