/**
 * Composing what the wall display says for a call.
 *
 *   call:   "Xin mời công dân có số thứ tự A không một hai, đến quầy số năm"
 *   entry:  "Xin mời công dân có số thứ tự A không một hai vào sảnh chờ"
 *   recall: "Xin mời lại công dân có số thứ tự A không một hai, đến quầy số năm"
 *
 * A chime first, then the sentence `repeat` times (default 2) with a pause clip between.
 */
import { NUMBER_WORD_CLIPS, type ClipId } from './clips.js';
import { DIGIT_WORDS, letterName, numberToWords } from './words.js';

export type CallKind = 'call' | 'entry' | 'recall';
/** 'digits': A012 → "a không một hai"; 'number': A012 → "a mười hai". */
export type NumberStyle = 'digits' | 'number';
export type Locale = 'vi' | 'en';
export type SpeechLang = 'vi-VN' | 'en-US';

/**
 * What the announcement queue plays. `mode: 'clips'`: the clips say everything and `text` is their
 * transcript (a speech-synthesis backend may speak the clip texts instead). `mode: 'speech'`: the clips are
 * at most the chime; `text` must then be spoken with `lang`.
 */
export interface Announcement {
  clips: readonly string[];
  text: string;
  lang: SpeechLang;
  mode: 'clips' | 'speech';
}

export interface CallRequest {
  /** Printed ticket number: letters then digits, e.g. 'A012' (case, spaces and one '-' are tolerated). */
  number: string;
  /** Counter number; required for 'call', optional for 'recall' (without it a recall is to the hall). */
  counter?: number | null;
  /** Default 'call'. */
  kind?: CallKind;
  /** Default 'digits'. */
  numberStyle?: NumberStyle;
  /** Times the sentence is said; default 2, 1–5. */
  repeat?: number;
  /** Play the chime first; default true. */
  chime?: boolean;
  /** Default 'vi'. 'en' is text only (spoken by speech synthesis). */
  locale?: Locale;
}

export interface ComposedCall extends Announcement {
  kind: CallKind;
  /** Normalised ticket number, e.g. 'A012'. */
  number: string;
  counter: number | null;
  locale: Locale;
  /** One sentence, without the final full stop. */
  sentence: string;
  /** The clips of one sentence (no chime, no pause). */
  sentenceClips: readonly ClipId[];
  clips: readonly ClipId[];
}

export const DEFAULT_REPEAT = 2;

export interface TicketNumberParts {
  letters: string;
  digits: string;
}

/**
 * Split a printed ticket number into its prefix letters and digits: 'A012' → { letters: 'A', digits: '012' }.
 * @throws RangeError when it is not 0–3 letters A–Z followed by 1–6 digits.
 */
export function parseTicketNumber(number: string): TicketNumberParts {
  const m = /^([A-Z]{0,3})[\s-]?([0-9]{1,6})$/.exec(number.normalize('NFC').trim().toUpperCase());
  if (!m) throw new RangeError(`Not a ticket number: ${JSON.stringify(number)}`);
  return { letters: m[1] ?? '', digits: m[2] ?? '' };
}

interface Spoken {
  words: string[];
  clips: ClipId[];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An integer as number-word clips and words (0–999 999; larger ones fall back to digits). */
function spokenNumber(n: number): Spoken {
  if (n > 999_999) return spokenDigits(String(n));
  const words = numberToWords(n).split(' ');
  return {
    words,
    clips: words.map((w) => {
      const id = NUMBER_WORD_CLIPS[w];
      if (id === undefined) throw new Error(`No clip for number word ${JSON.stringify(w)}`);
      return id;
    }),
  };
}

function spokenDigits(digits: string): Spoken {
  return {
    words: [...digits].map((d) => DIGIT_WORDS[Number(d)] ?? ''),
    clips: [...digits].map((d) => `digit-${d}` as ClipId),
  };
}

function spokenTicket(parts: TicketNumberParts, style: NumberStyle): Spoken {
  const letters: Spoken = {
    words: [...parts.letters].map((l) => capitalise(letterName(l))),
    clips: [...parts.letters].map((l) => `letter-${l.toLowerCase()}` as ClipId),
  };
  const num = style === 'number' ? spokenNumber(Number(parts.digits)) : spokenDigits(parts.digits);
  return { words: [...letters.words, ...num.words], clips: [...letters.clips, ...num.clips] };
}

function checkCounter(counter: number): void {
  if (!Number.isSafeInteger(counter) || counter < 1) {
    throw new RangeError(`Counter must be a positive integer, got ${String(counter)}`);
  }
}

function composeVi(kind: CallKind, ticket: Spoken, counter: number | null): Spoken {
  const opening: ClipId =
    kind === 'recall' ? 'xin-moi-lai-cong-dan-co-so-thu-tu' : 'xin-moi-cong-dan-co-so-thu-tu';
  const start = kind === 'recall' ? 'Xin mời lại công dân có số thứ tự' : 'Xin mời công dân có số thứ tự';
  if (counter === null) {
    return {
      words: [start, ...ticket.words, 'vào sảnh chờ'],
      clips: [opening, ...ticket.clips, 'vao-sanh-cho'],
    };
  }
  const c = spokenNumber(counter);
  const last = ticket.words.length - 1;
  const words = ticket.words.map((w, i) => (i === last ? `${w},` : w));
  return {
    words: [start, ...words, 'đến quầy số', ...c.words],
    clips: [opening, ...ticket.clips, 'den-quay-so', ...c.clips],
  };
}

function composeEn(kind: CallKind, parts: TicketNumberParts, style: NumberStyle, counter: number | null) {
  const digits = style === 'number' ? String(Number(parts.digits)) : [...parts.digits].join(' ');
  const ticket = [parts.letters, digits].filter((s) => s !== '').join(' ');
  const start = kind === 'recall' ? 'Calling again ticket' : 'Ticket';
  return counter === null
    ? `${start} ${ticket}, please enter the waiting hall`
    : `${start} ${ticket}, please go to counter ${counter}`;
}

/**
 * Compose a call announcement.
 *
 * `composeCall({ number: 'A012', counter: 5 })` →
 * clips `['chime', 'xin-moi-cong-dan-co-so-thu-tu', 'letter-a', 'digit-0', 'digit-1', 'digit-2',
 * 'den-quay-so', 'num-5', 'pause', …the same sentence again]`,
 * text "Xin mời công dân có số thứ tự A không một hai, đến quầy số năm. Xin mời … năm."
 *
 * @throws RangeError on a malformed ticket number, a missing/invalid counter for a call, or a bad repeat.
 */
export function composeCall(request: CallRequest): ComposedCall {
  const kind = request.kind ?? 'call';
  const style = request.numberStyle ?? 'digits';
  const repeat = request.repeat ?? DEFAULT_REPEAT;
  const locale = request.locale ?? 'vi';
  const chime = request.chime ?? true;
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 5) {
    throw new RangeError(`repeat must be an integer from 1 to 5, got ${String(repeat)}`);
  }
  const parts = parseTicketNumber(request.number);
  let counter: number | null = null;
  if (kind !== 'entry') {
    if (request.counter !== undefined && request.counter !== null) {
      checkCounter(request.counter);
      counter = request.counter;
    } else if (kind === 'call') {
      throw new RangeError('A call needs a counter');
    }
  }
  const number = parts.letters + parts.digits;
  const times = Array.from({ length: repeat }, (_, i) => i);

  if (locale === 'en') {
    const sentence = composeEn(kind, parts, style, counter);
    return {
      kind,
      number,
      counter,
      locale,
      lang: 'en-US',
      mode: 'speech',
      sentence,
      text: times.map(() => `${sentence}.`).join(' '),
      sentenceClips: [],
      clips: chime ? ['chime'] : [],
    };
  }

  const spoken = composeVi(kind, spokenTicket(parts, style), counter);
  const sentence = spoken.words.join(' ').normalize('NFC');
  const clips: ClipId[] = chime ? ['chime'] : [];
  for (const i of times) {
    if (i > 0) clips.push('pause');
    clips.push(...spoken.clips);
  }
  return {
    kind,
    number,
    counter,
    locale,
    lang: 'vi-VN',
    mode: 'clips',
    sentence,
    text: times.map(() => `${sentence}.`).join(' '),
    sentenceClips: spoken.clips,
    clips,
  };
}
