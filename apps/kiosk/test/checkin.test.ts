import { describe, expect, it } from 'vitest';
import { checkInRefusal, isBookingCode, ScanBuffer, SCAN_MAX_GAP_MS, typeSymbol } from '../src/kiosk/checkin';
import { initialKioskState, kioskReducer, type KioskState } from '../src/kiosk/screens';

/** Keys as a scanner sends them: one every `gap` ms from `start`, then Enter. */
function feed(buffer: ScanBuffer, text: string, gap: number, start = 1000): string | null {
  let at = start;
  let out: string | null = null;
  for (const key of [...text, 'Enter']) {
    out = buffer.key(key, at) ?? out;
    at += gap;
  }
  return out;
}

describe('a keyboard-wedge scanner', () => {
  it('a fast burst and Enter is a code, normalised', () => {
    expect(feed(new ScanBuffer(), 'k7qm2r9x', 4)).toBe('K7QM2R9X');
    expect(feed(new ScanBuffer(), 'K7QM-2R9X', 8)).toBe('K7QM2R9X');
  });

  it('a person typing (slower than the scanner) is not a scan', () => {
    expect(feed(new ScanBuffer(), 'K7QM2R9X', SCAN_MAX_GAP_MS + 40)).toBeNull();
  });

  it('not a code: wrong length, or a symbol outside the alphabet (0, O, 1, I, L)', () => {
    expect(feed(new ScanBuffer(), 'K7QM2R9', 4)).toBeNull();
    expect(feed(new ScanBuffer(), 'K7QM2R90', 4)).toBeNull();
    expect(feed(new ScanBuffer(), 'K7QM2RIX', 4)).toBeNull();
  });

  it('stray keys long before the scan do not spoil it; Shift between characters is ignored', () => {
    const b = new ScanBuffer();
    b.key('A', 0);
    b.key('B', 10);
    let at = 5000;
    for (const key of ['Shift', 'K', '7', 'Shift', 'Q', 'M', '2', 'R', '9', 'X', 'Enter']) {
      expect(b.key(key, at)).toBe(key === 'Enter' ? 'K7QM2R9X' : null);
      at += 5;
    }
  });

  it('isBookingCode and the on-screen keyboard accept the alphabet only, 8 symbols at most', () => {
    expect(isBookingCode('k7qm 2r9x')).toBe(true);
    expect(isBookingCode('K7QM2R9')).toBe(false);
    let code = '';
    for (const k of ['K', '0', 'o', '7', 'I', 'l', 'q', 'M', '2', 'R', '9', 'X', 'Z'])
      code = typeSymbol(code, k);
    expect(code).toBe('K7QM2R9X');
  });
});

describe('a refused check-in', () => {
  const refused = (code: string, details?: Record<string, unknown>) => ({
    ok: false as const,
    code,
    message: { vi: 'lý do', en: 'reason' },
    unconfirmed: false,
    ...(details ? { details } : {}),
  });
  it('early: when to come back; late: the service for an ordinary number; else the hub’s reason', () => {
    expect(checkInRefusal(refused('CHECK_IN_EARLY', { opensAt: 123 }))).toMatchObject({
      kind: 'early',
      opensAt: 123,
    });
    expect(checkInRefusal(refused('CHECK_IN_EARLY'))).toMatchObject({ kind: 'early', opensAt: null });
    expect(checkInRefusal(refused('CHECK_IN_LATE', { service: 'C', closedAt: 1 }))).toMatchObject({
      kind: 'late',
      service: 'C',
    });
    expect(checkInRefusal(refused('CHECK_IN_LATE', { closedAt: 1 }))).toMatchObject({
      kind: 'late',
      service: null,
    });
    expect(checkInRefusal(refused('UNKNOWN_BOOKING'))).toMatchObject({
      kind: 'other',
      code: 'UNKNOWN_BOOKING',
    });
  });
});

describe('the check-in screens', () => {
  const at = (screen: KioskState['screen'], paused = false): KioskState => ({ screen, paused });
  const home = initialKioskState;

  it('home → check-in → checking in → the ticket', () => {
    let s = kioskReducer(home, { type: 'openCheckIn' });
    expect(s.screen.name).toBe('checkIn');
    s = kioskReducer(s, { type: 'checkIn', code: 'K7QM2R9X' });
    expect(s.screen).toEqual({ name: 'checkingIn', code: 'K7QM2R9X', confirming: false });
    // While in flight: no second check-in, no going home, a lost answer is "confirming".
    expect(kioskReducer(s, { type: 'checkIn', code: 'ABCDEFGH' })).toBe(s);
    expect(kioskReducer(s, { type: 'home' })).toBe(s);
    expect(kioskReducer(s, { type: 'confirming' }).screen).toMatchObject({ confirming: true });
    const issued = { result: {}, print: { kind: 'printed', paperNearEnd: false } } as never;
    expect(kioskReducer(s, { type: 'issued', issued, keepIssuing: true }).screen.name).toBe('ticket');
  });

  it('a scan on the home or idle screen checks in at once; not over a number being shown', () => {
    expect(kioskReducer(home, { type: 'checkIn', code: 'K7QM2R9X' }).screen.name).toBe('checkingIn');
    expect(kioskReducer(at({ name: 'idle' }), { type: 'checkIn', code: 'K7QM2R9X' }).screen.name).toBe(
      'checkingIn',
    );
    const ticket = at({ name: 'ticket', issued: {} as never });
    expect(kioskReducer(ticket, { type: 'checkIn', code: 'K7QM2R9X' })).toBe(ticket);
    const paused = at({ name: 'home', priority: null }, true);
    expect(kioskReducer(paused, { type: 'checkIn', code: 'K7QM2R9X' })).toBe(paused);
  });

  it('late: one tap takes an ordinary number of the service; early: no number from that screen', () => {
    const checking = kioskReducer(home, { type: 'checkIn', code: 'K7QM2R9X' });
    const message = { vi: '', en: '' };
    const late = kioskReducer(checking, {
      type: 'checkInRefused',
      refusal: { kind: 'late', service: 'C', message },
    });
    expect(late.screen).toMatchObject({ name: 'checkInRefused', code: 'K7QM2R9X' });
    expect(kioskReducer(late, { type: 'issue', service: 'C' }).screen).toEqual({
      name: 'issuing',
      service: 'C',
      priority: null,
      confirming: false,
    });
    const early = kioskReducer(checking, {
      type: 'checkInRefused',
      refusal: { kind: 'early', opensAt: 1, message },
    });
    expect(kioskReducer(early, { type: 'issue', service: 'C' })).toBe(early);
    expect(kioskReducer(early, { type: 'idle' }).screen.name).toBe('idle');
  });
});
