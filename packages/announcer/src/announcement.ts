/**
 * Composing what the wall display says for a call.
 *
 *   call:   "Xin mời công dân có số thứ tự A không một hai, đến quầy số năm"
 *   entry:  "Xin mời công dân có số thứ tự A không một hai vào sảnh chờ"
 *   recall: "Xin mời lại công dân có số thứ tự A không một hai, đến quầy số năm"
 *   several entries (composeEntryCall / mergeEntryCalls):
 *           "Xin mời công dân có số thứ tự A không một hai, A không một ba vào sảnh chờ"
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
  /** Normalised ticket number, e.g. 'A012'; the first one of an entry call for several tickets. */
  number: string;
  /** Every ticket number said, in order: one, except for an entry call for several tickets. */
  numbers: readonly string[];
  counter: number | null;
  locale: Locale;
  numberStyle: NumberStyle;
  /** Whether the clips start with the chime. */
  chime: boolean;
  /** One sentence, without the final full stop. */
  sentence: string;
  /** The clips of one sentence (no chime, no pause). */
  sentenceClips: readonly ClipId[];
  clips: readonly ClipId[];
}

export const DEFAULT_REPEAT = 2;

/** The most ticket numbers `mergeEntryCalls` puts in one entry call (about 20 s of speech). */
export const MAX_MERGED_ENTRIES = 8;

/** Several tickets called into the hall in one sentence. */
export interface EntryCallRequest {
  /** Printed ticket numbers, in the order they are said; at least one. */
  numbers: readonly string[];
  /** Default 'digits'. */
  numberStyle?: NumberStyle;
  /** Times the sentence is said: default 2 for one ticket, 1 for several; 1–5. */
  repeat?: number;
  /** Default true. */
  chime?: boolean;
  /** Default 'vi'. */
  locale?: Locale;
}

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

/** "Xin mời công dân có số thứ tự A không một hai, A không một ba vào sảnh chờ": a pause between numbers. */
function composeViEntries(tickets: readonly Spoken[]): Spoken {
  const words: string[] = ['Xin mời công dân có số thứ tự'];
  const clips: ClipId[] = ['xin-moi-cong-dan-co-so-thu-tu'];
  tickets.forEach((t, i) => {
    if (i > 0) {
      const last = words.length - 1;
      words[last] = `${words[last] ?? ''},`;
      clips.push('pause');
    }
    words.push(...t.words);
    clips.push(...t.clips);
  });
  return { words: [...words, 'vào sảnh chờ'], clips: [...clips, 'vao-sanh-cho'] };
}

function enTicket(parts: TicketNumberParts, style: NumberStyle): string {
  const digits = style === 'number' ? String(Number(parts.digits)) : [...parts.digits].join(' ');
  return [parts.letters, digits].filter((s) => s !== '').join(' ');
}

function composeEn(kind: CallKind, parts: TicketNumberParts, style: NumberStyle, counter: number | null) {
  const ticket = enTicket(parts, style);
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
  checkRepeat(repeat);
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
  const base = { kind, number, numbers: [number], counter, locale, numberStyle: style, chime };
  if (locale === 'en')
    return { ...base, ...speechAnnouncement(composeEn(kind, parts, style, counter), repeat, chime) };
  return {
    ...base,
    ...clipAnnouncement(composeVi(kind, spokenTicket(parts, style), counter), repeat, chime),
  };
}

type Said = Pick<ComposedCall, 'lang' | 'mode' | 'sentence' | 'text' | 'sentenceClips' | 'clips'>;

function checkRepeat(repeat: number): void {
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 5) {
    throw new RangeError(`repeat must be an integer from 1 to 5, got ${String(repeat)}`);
  }
}

function speechAnnouncement(sentence: string, repeat: number, chime: boolean): Said {
  return {
    lang: 'en-US',
    mode: 'speech',
    sentence,
    text: Array.from({ length: repeat }, () => `${sentence}.`).join(' '),
    sentenceClips: [],
    clips: chime ? ['chime'] : [],
  };
}

function clipAnnouncement(spoken: Spoken, repeat: number, chime: boolean): Said {
  const sentence = spoken.words.join(' ').normalize('NFC');
  const clips: ClipId[] = chime ? ['chime'] : [];
  for (let i = 0; i < repeat; i++) {
    if (i > 0) clips.push('pause');
    clips.push(...spoken.clips);
  }
  return {
    lang: 'vi-VN',
    mode: 'clips',
    sentence,
    text: Array.from({ length: repeat }, () => `${sentence}.`).join(' '),
    sentenceClips: spoken.clips,
    clips,
  };
}

/**
 * One entry call for one or more tickets let into the hall. For one ticket it is exactly
 * `composeCall({ kind: 'entry', … })`; for several, the numbers are said in one sentence with a pause clip
 * between them, once by default:
 *
 * `composeEntryCall({ numbers: ['A012', 'A013'] })` → clips `['chime', 'xin-moi-cong-dan-co-so-thu-tu',
 * 'letter-a', 'digit-0', 'digit-1', 'digit-2', 'pause', 'letter-a', 'digit-0', 'digit-1', 'digit-3',
 * 'vao-sanh-cho']`, text "Xin mời công dân có số thứ tự A không một hai, A không một ba vào sảnh chờ."
 *
 * @throws RangeError on no numbers, a malformed ticket number or a bad repeat.
 */
export function composeEntryCall(request: EntryCallRequest): ComposedCall {
  const { numbers } = request;
  const [first] = numbers;
  if (first === undefined) throw new RangeError('An entry call needs at least one ticket number');
  if (numbers.length === 1) {
    return composeCall({ ...request, number: first, kind: 'entry', counter: null });
  }
  const style = request.numberStyle ?? 'digits';
  const repeat = request.repeat ?? 1;
  const locale = request.locale ?? 'vi';
  const chime = request.chime ?? true;
  checkRepeat(repeat);
  const parts = numbers.map(parseTicketNumber);
  const base = {
    kind: 'entry' as const,
    number: (parts[0]?.letters ?? '') + (parts[0]?.digits ?? ''),
    numbers: parts.map((p) => p.letters + p.digits),
    counter: null,
    locale,
    numberStyle: style,
    chime,
  };
  if (locale === 'en') {
    const tickets = parts.map((p) => enTicket(p, style)).join(', ');
    return {
      ...base,
      ...speechAnnouncement(`Tickets ${tickets}, please enter the waiting hall`, repeat, chime),
    };
  }
  const spoken = composeViEntries(parts.map((p) => spokenTicket(p, style)));
  return { ...base, ...clipAnnouncement(spoken, repeat, chime) };
}

/**
 * For the announcement queue's `merge`: an entry call still waiting plus a new one become one entry call
 * for all their tickets, said once (`composeEntryCall`). Null when either is not an entry call, they differ
 * in language, style or chime, or the result would have more than `max` numbers.
 */
export function mergeEntryCalls(
  waiting: ComposedCall,
  next: ComposedCall,
  max: number = MAX_MERGED_ENTRIES,
): ComposedCall | null {
  if (waiting.kind !== 'entry' || next.kind !== 'entry') return null;
  if (waiting.locale !== next.locale || waiting.numberStyle !== next.numberStyle) return null;
  if (waiting.chime !== next.chime) return null;
  const numbers = [...waiting.numbers, ...next.numbers];
  if (numbers.length > max) return null;
  return composeEntryCall({
    numbers,
    numberStyle: waiting.numberStyle,
    locale: waiting.locale,
    chime: waiting.chime,
    repeat: 1,
  });
}

/**
 * For the announcement queue's `priority`: calls and recalls to a counter (1) go ahead of entry calls into
 * the hall (0).
 */
export function callPriority(call: Pick<ComposedCall, 'kind'>): number {
  return call.kind === 'entry' ? 0 : 1;
}
