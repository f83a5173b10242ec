/**
 * Numbers and letters as Vietnamese words, so that no speech engine has to guess how to read them.
 *
 * Northern (Hà Nội) usage throughout:
 * - "linh" for a zero tens digit after hundreds: 105 → "một trăm linh năm" (southern: "lẻ").
 * - "nghìn" for thousands (southern: "ngàn").
 * - "tư" for a final 4 after "mươi": 24 → "hai mươi tư". This is what `read-vietnamese-number` does and
 *   what is commonly said in the north; "bốn" is kept after "mười" (14 → "mười bốn") and elsewhere.
 * - "mốt" for a final 1 after "mươi" (21 → "hai mươi mốt"), "lăm" for a final 5 after a tens word
 *   (15 → "mười lăm", 25 → "hai mươi lăm").
 * - "bảy" (not "bẩy").
 *
 * Every string returned is NFC.
 */
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';

const config = new ReadingConfig();
config.unit = []; // the library's default appends "đơn vị"
config.oddText = 'linh'; // default "lẻ" is southern
config.units = [[], ['nghìn'], ['triệu'], ['tỉ']];
config.digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
config.fourToneText = 'tư';
config.oneToneText = 'mốt';
config.fiveToneText = 'lăm';
config.tenText = 'mười';
config.tenToneText = 'mươi';
config.hundredText = 'trăm';
config.separator = ' ';
config.skipTenTone = false;

/** Digit names, index = digit. */
export const DIGIT_WORDS: readonly string[] = Object.freeze(
  ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'].map((w) => w.normalize('NFC')),
);

/**
 * A non-negative integer as Vietnamese words, northern style.
 * `numberToWords(1005)` → "một nghìn không trăm linh năm".
 * @throws RangeError if `n` is not a non-negative safe integer.
 */
export function numberToWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`numberToWords: expected a non-negative integer, got ${String(n)}`);
  }
  return doReadNumber(String(n), config).normalize('NFC');
}

/**
 * A string of digits read one by one: `digitsToWords('012')` → "không một hai".
 * @throws RangeError on anything but ASCII digits.
 */
export function digitsToWords(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) {
    throw new RangeError(`digitsToWords: expected ASCII digits, got ${JSON.stringify(digits)}`);
  }
  return [...digits].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
}

/**
 * How the Latin letters of a ticket prefix are read out in the north (the names taught for reading codes
 * and licence plates). Ticket prefixes avoid D, Đ, I, O and Q, but every letter A–Z has a name so an
 * office's configuration can never make an announcement fail.
 *
 * | letter | name | note |
 * |---|---|---|
 * | A | a | |
 * | B | bê | |
 * | C | xê | |
 * | D | dê | avoided in prefixes (sounds like Đ "đê") |
 * | E | e | |
 * | F | ép-phờ | |
 * | G | giê | |
 * | H | hát | |
 * | I | i | avoided (looks like 1) |
 * | J | gi | |
 * | K | ca | |
 * | L | e-lờ | |
 * | M | em-mờ | |
 * | N | en-nờ | |
 * | O | o | avoided (looks like 0) |
 * | P | pê | |
 * | Q | quy | avoided (sounds like "cu") |
 * | R | e-rờ | |
 * | S | ét-xì | |
 * | T | tê | |
 * | U | u | |
 * | V | vê | |
 * | W | vê-kép | |
 * | X | ích-xì | |
 * | Y | i-dài | "y dài" |
 * | Z | dét | |
 */
export const LETTER_NAMES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.entries({
      A: 'a',
      B: 'bê',
      C: 'xê',
      D: 'dê',
      E: 'e',
      F: 'ép-phờ',
      G: 'giê',
      H: 'hát',
      I: 'i',
      J: 'gi',
      K: 'ca',
      L: 'e-lờ',
      M: 'em-mờ',
      N: 'en-nờ',
      O: 'o',
      P: 'pê',
      Q: 'quy',
      R: 'e-rờ',
      S: 'ét-xì',
      T: 'tê',
      U: 'u',
      V: 'vê',
      W: 'vê-kép',
      X: 'ích-xì',
      Y: 'i-dài',
      Z: 'dét',
    }).map(([k, v]) => [k, v.normalize('NFC')]),
  ),
);

/** The Latin letters that have a name (A–Z). */
export const LETTERS: readonly string[] = Object.freeze(Object.keys(LETTER_NAMES));

/**
 * The Vietnamese name of one Latin letter (case-insensitive): `letterName('L')` → "e-lờ".
 * @throws RangeError for anything but a single letter A–Z.
 */
export function letterName(letter: string): string {
  const name = letter.length === 1 ? LETTER_NAMES[letter.toUpperCase()] : undefined;
  if (name === undefined) {
    throw new RangeError(`letterName: no Vietnamese name for ${JSON.stringify(letter)}`);
  }
  return name;
}

/** Letters read one by one: `lettersToWords('AB')` → "a bê". */
export function lettersToWords(letters: string): string {
  return [...letters].map(letterName).join(' ');
}
