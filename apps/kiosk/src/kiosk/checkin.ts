import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, normalizeBookingCode, type Text } from '@luot/core';
import type { IssueAttempt } from './issue';

/** A whole booking code: 8 symbols of the unambiguous alphabet (no 0/O, 1/I/L). */
export function isBookingCode(text: string): boolean {
  const code = normalizeBookingCode(text);
  return code.length === BOOKING_CODE_LENGTH && [...code].every((c) => BOOKING_CODE_ALPHABET.includes(c));
}

/**
 * The longest pause between two keys of a scan. A keyboard-wedge barcode scanner "types" the code
 * it read, a character every few milliseconds, then Enter; a person at a keyboard takes 100 ms or
 * more between keys. 60 ms tells them apart with room for a slow USB hub.
 */
export const SCAN_MAX_GAP_MS = 60;

/**
 * Recognises a scan among the key presses the kiosk receives anywhere (the home screen has no text
 * field): characters that come fast, then Enter, making a booking code. Anything slower, or not a
 * code, is dropped, so a stray key never checks anyone in.
 */
export class ScanBuffer {
  private chars = '';
  private last = -Infinity;

  constructor(private readonly maxGapMs = SCAN_MAX_GAP_MS) {}

  /** One key (`KeyboardEvent.key`) at `at` ms. Returns the scanned code on its Enter, else null. */
  key(key: string, at: number): string | null {
    // A pause longer than a scanner's starts afresh: what came before was typed by someone.
    if (at - this.last > this.maxGapMs) this.chars = '';
    this.last = at;
    if (key === 'Enter') {
      const text = this.chars;
      this.chars = '';
      return isBookingCode(text) ? normalizeBookingCode(text) : null;
    }
    if (key.length !== 1) return null; // Shift, Tab…: a scanner sends them too, they are not the code.
    this.chars += key;
    // Nothing longer than a code (with room for a dash or two) is a code: stop growing.
    if (this.chars.length > BOOKING_CODE_LENGTH + 4)
      this.chars = this.chars.slice(-(BOOKING_CODE_LENGTH + 4));
    return null;
  }
}

/** What the kiosk tells a citizen whose check-in was refused. */
export type CheckInRefusal =
  /** Before the check-in window: come back at `opensAt` (epoch ms; null if the hub did not say). */
  | { kind: 'early'; opensAt: number | null; message: Text }
  /** After the window: the booking lapsed; `service` gets an ordinary number with one tap. */
  | { kind: 'late'; service: string | null; message: Text }
  /** Unknown code, cancelled, already checked in, offline…: said in the hub's words. */
  | { kind: 'other'; code: string; message: Text };

export function checkInRefusal(attempt: Extract<IssueAttempt, { ok: false }>): CheckInRefusal {
  const d = attempt.details ?? {};
  if (attempt.code === 'CHECK_IN_EARLY') {
    return {
      kind: 'early',
      opensAt: typeof d.opensAt === 'number' ? d.opensAt : null,
      message: attempt.message,
    };
  }
  if (attempt.code === 'CHECK_IN_LATE') {
    const service = typeof d.service === 'string' && /^[A-Z]$/.test(d.service) ? d.service : null;
    return { kind: 'late', service, message: attempt.message };
  }
  return { kind: 'other', code: attempt.code, message: attempt.message };
}

/** The code as typed on the on-screen keyboard: only the alphabet's symbols, at most 8 of them. */
export function typeSymbol(code: string, symbol: string): string {
  const s = symbol.toUpperCase();
  if (s.length !== 1 || !BOOKING_CODE_ALPHABET.includes(s) || code.length >= BOOKING_CODE_LENGTH) return code;
  return code + s;
}
