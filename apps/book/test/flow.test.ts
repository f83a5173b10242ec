import type { BookingError, BookingView, FreeSlot, OtpRequested } from '@luot/protocol';
import { describe, expect, it } from 'vitest';
import { detailsErrors } from '../src/details';
import { flowReducer, formatCountdown, initialFlow, secondsLeft, type FlowState } from '../src/flow';
import { slotLost } from '../src/slot-lost';

const slot = (start: string, remaining = 2, open = true): FreeSlot => ({
  start,
  startsAt: Date.parse(`2026-12-08T${start}:00+07:00`),
  places: 3,
  remaining,
  open,
});
const otp: OtpRequested = {
  requestId: 'req-12345678',
  expiresAt: 1_000_000,
  phoneMasked: '091•••••678',
  attemptsLeft: 3,
};
const details = { name: 'Nguyễn Văn An', phone: '0912 345 678', cccd: '' };

function atOtp(): FlowState {
  let s = flowReducer(initialFlow, { type: 'service', service: 'C', today: '2026-12-08' });
  s = flowReducer(s, { type: 'slot', slot: slot('09:15') });
  s = flowReducer(s, { type: 'details', details });
  return flowReducer(s, { type: 'otpSent', otp });
}

describe('the booking steps', () => {
  it('service → today’s slots → details → code → done', () => {
    const s = atOtp();
    expect(s).toMatchObject({ step: 'otp', service: 'C', date: '2026-12-08', otp });
    expect(s.slot?.start).toBe('09:15');
    const booking = { code: 'K7QM2R9X' } as BookingView;
    expect(flowReducer(s, { type: 'confirmed', booking })).toMatchObject({
      step: 'done',
      booking,
      otp: null,
    });
  });

  it('a full or closed slot cannot be chosen', () => {
    const s = flowReducer(initialFlow, { type: 'service', service: 'C', today: '2026-12-08' });
    expect(flowReducer(s, { type: 'slot', slot: slot('09:15', 0) })).toBe(s);
    expect(flowReducer(s, { type: 'slot', slot: slot('09:15', 2, false) })).toBe(s);
  });

  it('a slot that filled while confirming: back to the slots, told why, with the nearest free ones; details kept', () => {
    const message = { vi: 'Khung giờ này đã hết chỗ; vui lòng chọn khung giờ khác.', en: 'full' };
    const nearest = [slot('09:30'), slot('10:00')];
    const s = flowReducer(atOtp(), { type: 'slotLost', message, nearest });
    expect(s).toMatchObject({ step: 'slot', slot: null, otp: null, refusal: { message, nearest }, details });
    // Picking one of the nearest (on another day) goes on to the details with that day.
    const next = flowReducer(s, { type: 'slot', slot: nearest[1]!, date: '2026-12-09' });
    expect(next).toMatchObject({ step: 'details', date: '2026-12-09', refusal: null });
    expect(next.slot?.start).toBe('10:00');
  });

  it('back keeps what was typed; a spent code goes back to the details to ask for a new one', () => {
    const s = atOtp();
    const back = flowReducer(s, { type: 'back' });
    expect(back).toMatchObject({ step: 'details', details, otp: null });
    expect(flowReducer(s, { type: 'otpSpent' })).toMatchObject({ step: 'details', otp: null });
    expect(flowReducer(flowReducer(back, { type: 'back' }), { type: 'back' }).step).toBe('service');
  });

  it('another service forgets the slot; the same service keeps the chosen day', () => {
    let s = flowReducer(initialFlow, { type: 'service', service: 'C', today: '2026-12-08' });
    s = flowReducer(s, { type: 'date', date: '2026-12-10' });
    s = flowReducer(s, { type: 'slot', slot: slot('09:15') });
    s = flowReducer(flowReducer(s, { type: 'back' }), { type: 'back' });
    expect(flowReducer(s, { type: 'service', service: 'C', today: '2026-12-08' }).date).toBe('2026-12-10');
    expect(flowReducer(s, { type: 'service', service: 'A', today: '2026-12-08' })).toMatchObject({
      date: '2026-12-08',
      slot: null,
    });
  });

  it('another booking starts again with the same citizen’s details', () => {
    const done = flowReducer(atOtp(), { type: 'confirmed', booking: { code: 'X' } as BookingView });
    expect(flowReducer(done, { type: 'restart' })).toEqual({ ...initialFlow, details });
  });

  it('the code’s countdown', () => {
    expect(secondsLeft(1_000_000, 1_000_000 - 299_400)).toBe(300);
    expect(secondsLeft(1_000_000, 1_000_001)).toBe(0);
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(65)).toBe('1:05');
  });
});

describe('the details form', () => {
  it('checks name, mobile and CCCD with the contract’s schemas', () => {
    expect(detailsErrors(details)).toEqual({});
    expect(detailsErrors({ ...details, phone: '+84 912-345-678', cccd: '001 203 004 005' })).toEqual({});
    expect(detailsErrors({ name: 'A', phone: '024 3825 1234', cccd: '12345' })).toEqual({
      name: 'nameError',
      phone: 'phoneError',
      cccd: 'cccdError',
    });
  });
});

describe('refusals that send the citizen back to the slots', () => {
  const error = (code: BookingError['error']): BookingError => ({ error: code, message: { vi: '', en: '' } });
  it('the slot went (full, closed, gone); not a limit or a wrong code', () => {
    expect(['SLOT_FULL', 'BOOKING_CLOSED', 'NO_SLOT'].map((c) => slotLost(error(c as never)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['DAILY_LIMIT', 'SERVICE_DAY_LIMIT', 'OTP_INVALID'].map((c) => slotLost(error(c as never))),
    ).toEqual([false, false, false]);
  });
});
