import { describe, expect, it } from 'vitest';
import { LETTER_NAMES, digitsToWords, letterName, lettersToWords, numberToWords } from '../src/index.js';

describe('numberToWords (northern style)', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [44, 'bốn mươi tư'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1023, 'một nghìn không trăm hai mươi ba'],
    [9999, 'chín nghìn chín trăm chín mươi chín'],
  ])('%i → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words.normalize('NFC'));
  });

  it('rejects what is not a non-negative integer', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => numberToWords(bad)).toThrow(RangeError);
    }
  });
});

describe('digitsToWords', () => {
  it('reads digit by digit', () => {
    expect(digitsToWords('012')).toBe('không một hai');
    expect(digitsToWords('7')).toBe('bảy');
    expect(digitsToWords('0123456789')).toBe('không một hai ba bốn năm sáu bảy tám chín'.normalize('NFC'));
  });
  it('rejects non-digits', () => {
    expect(() => digitsToWords('')).toThrow(RangeError);
    expect(() => digitsToWords('1a')).toThrow(RangeError);
    expect(() => digitsToWords('١٢')).toThrow(RangeError);
  });
});

describe('letter names', () => {
  it.each([
    ['A', 'a'],
    ['B', 'bê'],
    ['C', 'xê'],
    ['E', 'e'],
    ['G', 'giê'],
    ['H', 'hát'],
    ['K', 'ca'],
    ['L', 'e-lờ'],
    ['M', 'em-mờ'],
    ['N', 'en-nờ'],
    ['R', 'e-rờ'],
    ['S', 'ét-xì'],
    ['T', 'tê'],
    ['V', 'vê'],
    ['X', 'ích-xì'],
  ])('%s → %s', (letter, name) => {
    expect(letterName(letter)).toBe(name.normalize('NFC'));
    expect(letterName(letter.toLowerCase())).toBe(name.normalize('NFC'));
  });

  it('names every letter A–Z and nothing else', () => {
    expect(Object.keys(LETTER_NAMES).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(() => letterName('Đ')).toThrow(RangeError);
    expect(() => letterName('AB')).toThrow(RangeError);
    expect(lettersToWords('AB')).toBe('a bê');
  });
});

describe('NFC', () => {
  it('every output is NFC, even though the library input could be decomposed', () => {
    const outputs = [
      ...Object.values(LETTER_NAMES),
      digitsToWords('0123456789'),
      ...Array.from({ length: 2000 }, (_, n) => numberToWords(n)),
    ];
    for (const s of outputs) expect(s).toBe(s.normalize('NFC'));
  });
});
