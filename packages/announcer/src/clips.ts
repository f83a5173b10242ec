/**
 * The finite set of recorded clips an announcement is made of.
 *
 * Every Vietnamese announcement is a sequence of these ids; the display plays `<baseUrl>/<id>.wav`.
 * An office may replace any file with its own recording of the same text (see README.md).
 *
 * | ids | text |
 * |---|---|
 * | `chime` | two-tone ding-dong (no speech) |
 * | `pause` | ~400 ms of silence between repetitions |
 * | `xin-moi-cong-dan-co-so-thu-tu` | "Xin mời công dân có số thứ tự" |
 * | `xin-moi-lai-cong-dan-co-so-thu-tu` | "Xin mời lại công dân có số thứ tự" (recall) |
 * | `den-quay-so` | "đến quầy số" |
 * | `vao-sanh-cho` | "vào sảnh chờ" |
 * | `letter-a` … `letter-z` | letter names, see `LETTER_NAMES` ("a", "bê", "xê", …) |
 * | `digit-0` … `digit-9` | digit names for digit-by-digit reading ("không" … "chín") |
 * | `num-0` … `num-9` | the same words inside a number ("không" … "chín") |
 * | `num-10` | "mười" (ten, 10–19) |
 * | `num-tens` | "mươi" (the tens word: "hai mươi") |
 * | `num-mot` | "mốt" (final 1 after "mươi": "hai mươi mốt") |
 * | `num-tu` | "tư" (final 4 after "mươi": "hai mươi tư") |
 * | `num-lam` | "lăm" (final 5 after a tens word: "mười lăm") |
 * | `num-linh` | "linh" (zero tens: "một trăm linh năm") |
 * | `num-tram` | "trăm" (hundred) |
 * | `num-nghin` | "nghìn" (thousand) |
 *
 * The `num-*` parts compose every integer from 0 to 999 999; `digit-*` and `num-0…9` say the same words but
 * are kept apart so that a human recording can read digits one by one with a different cadence.
 */
import { DIGIT_WORDS, LETTERS, LETTER_NAMES } from './words.js';

const PHRASES = {
  'xin-moi-cong-dan-co-so-thu-tu': 'Xin mời công dân có số thứ tự',
  'xin-moi-lai-cong-dan-co-so-thu-tu': 'Xin mời lại công dân có số thứ tự',
  'den-quay-so': 'đến quầy số',
  'vao-sanh-cho': 'vào sảnh chờ',
} as const;

/** Number words other than the digit names, by clip id. */
const NUMBER_PARTS = {
  'num-10': 'mười',
  'num-tens': 'mươi',
  'num-mot': 'mốt',
  'num-tu': 'tư',
  'num-lam': 'lăm',
  'num-linh': 'linh',
  'num-tram': 'trăm',
  'num-nghin': 'nghìn',
} as const;

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type Lower =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z';

export type ClipId =
  | 'chime'
  | 'pause'
  | keyof typeof PHRASES
  | keyof typeof NUMBER_PARTS
  | `letter-${Lower}`
  | `digit-${Digit}`
  | `num-${Digit}`;

const texts: Array<[ClipId, string]> = [
  ['chime', ''],
  ['pause', ''],
  ...(Object.entries(PHRASES) as Array<[ClipId, string]>),
  ...LETTERS.map((l): [ClipId, string] => [`letter-${l.toLowerCase() as Lower}`, LETTER_NAMES[l] ?? '']),
  ...DIGIT_WORDS.map((w, d): [ClipId, string] => [`digit-${d as Digit}`, w]),
  ...DIGIT_WORDS.map((w, d): [ClipId, string] => [`num-${d as Digit}`, w]),
  ...(Object.entries(NUMBER_PARTS) as Array<[ClipId, string]>),
];

/** What each clip says (NFC); empty for `chime` and `pause`. */
export const CLIP_TEXTS: Readonly<Record<ClipId, string>> = Object.freeze(
  Object.fromEntries(texts.map(([id, text]) => [id, text.normalize('NFC')])) as Record<ClipId, string>,
);

/** Every clip id, in a stable order (the order of the table above). */
export const CLIP_IDS: readonly ClipId[] = Object.freeze(texts.map(([id]) => id));

const clipIdSet: ReadonlySet<string> = new Set(CLIP_IDS);

export function isClipId(id: string): id is ClipId {
  return clipIdSet.has(id);
}

/** The number word → clip id map used to turn `numberToWords` output into clips. */
export const NUMBER_WORD_CLIPS: Readonly<Record<string, ClipId>> = Object.freeze(
  Object.fromEntries([
    ...DIGIT_WORDS.map((w, d) => [w, `num-${d}`]),
    ...Object.entries(NUMBER_PARTS).map(([id, w]) => [w.normalize('NFC'), id]),
  ]) as Record<string, ClipId>,
);

/** The words a clip sequence says, joined by spaces (chime, pause and unknown ids say nothing). */
export function clipsToText(clips: readonly string[]): string {
  return clips
    .map((id) => (isClipId(id) ? CLIP_TEXTS[id] : ''))
    .filter((t) => t !== '')
    .join(' ');
}
