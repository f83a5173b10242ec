import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOOKING_CODE_ALPHABET,
  BOOKING_DEFAULTS,
  bookingCode,
  bookingRules,
  bookingSlots,
  checkBookingLimits,
  checkInWindow,
  bookingsWithoutSlot,
  lastBookableDay,
  slotsWithRemaining,
  parseOfficeConfig,
  serviceBookingRules,
  slotPlaces,
  type BookingRecord,
  type OfficeConfig,
} from '../src/index.js';
import { at, MINUTE, MONDAY, profile, smallConfig } from './helpers.js';

/**
 * The small office with bookings on: A (10 min) at counters 1 and 2, B (5 min) at counters 2 and 3;
 * level 3 closes counter 2, level 4 keeps only B. Sessions 08–12 and 13–17, Monday to Friday;
 * Wednesday 2 December is a holiday.
 */
const booking = (change?: (c: OfficeConfig) => void) =>
  smallConfig((c) => {
    c.bookings = { enabled: true };
    change?.(c);
  });

describe('booking configuration', () => {
  it('keeps every office file valid and bookings off unless turned on', () => {
    expect(profile.bookings).toBeUndefined();
    expect(bookingRules(profile)).toEqual(BOOKING_DEFAULTS);
    expect(bookingRules(profile).enabled).toBe(false);
    expect(bookingSlots(profile, MONDAY, 'A', 1, at(7))).toEqual([]);
  });

  it('fills in the defaults, the guard from the office wait target', () => {
    const r = bookingRules(booking((c) => (c.alerts = { waitMinutes: 20 })));
    expect(r).toMatchObject({
      enabled: true,
      slotMinutes: 15,
      share: 0.5,
      fixedPlaces: null,
      horizonWorkingDays: 6,
      closeBeforeMinutes: 30,
      perDay: 2,
      perServiceDay: 1,
      cancellationsPerWeek: 3,
      blockDays: 7,
      checkIn: { earlyMinutes: 30, lateMinutes: 10, early: 'come_back' },
      walkInGuard: { afterMinutes: 20, maxBookedInRow: 2 },
    });
  });

  it('parses per-service overrides, and the more specific rule wins', () => {
    const valid = (c: OfficeConfig) => (c.zones[0]!.capacity = { 1: 40, 2: 30, 3: 20, 4: 10 });
    const config = parseOfficeConfig(
      booking((c) => {
        valid(c);
        c.bookings = { enabled: true, fixedPlaces: 4 };
        c.services[0]!.bookings = { share: 1 };
        c.services[1]!.bookings = { enabled: false };
      }),
    );
    expect(serviceBookingRules(config, 'A')).toEqual({ enabled: true, share: 1, fixedPlaces: null });
    expect(serviceBookingRules(config, 'B').enabled).toBe(false);
    expect(() =>
      parseOfficeConfig(
        booking((c) => {
          valid(c);
          c.bookings = { share: 1.5 };
        }),
      ),
    ).toThrow(/bookings.share/);
  });
});

describe('bookingSlots', () => {
  it('cuts the sessions into whole slots with places = floor(share × counters × slot ÷ service time)', () => {
    const config = booking();
    const a = bookingSlots(config, '2026-12-01', 'A', 1, at(9));
    expect(a).toHaveLength(32); // 16 in the morning, 16 in the afternoon
    expect(a[0]).toEqual({ start: '08:00', startsAt: at(8, 0, 1), places: 1, open: true }); // 0.5 × 2 × 15 ÷ 10 = 1.5
    expect(a[15]!.start).toBe('11:45');
    expect(a[16]!.start).toBe('13:00');
    expect(a.at(-1)!.start).toBe('16:45');
    expect(bookingSlots(config, '2026-12-01', 'B', 1, at(9))[0]!.places).toBe(3); // 0.5 × 2 × 15 ÷ 5
  });

  it('leaves out a slot that does not fit whole before the session ends', () => {
    const config = booking((c) => {
      c.bookings!.slotMinutes = 25;
      c.sessions.periods = [{ start: '08:00', end: '09:00' }];
    });
    expect(bookingSlots(config, '2026-12-01', 'B', 1, at(7)).map((s) => s.start)).toEqual(['08:00', '08:25']);
  });

  it('has no slots on holidays, days the office does not work, or for an unknown service', () => {
    const config = booking();
    expect(bookingSlots(config, '2026-12-02', 'A', 1, at(9))).toEqual([]); // holiday
    expect(bookingSlots(config, '2026-12-05', 'A', 1, at(9))).toEqual([]); // Saturday
    expect(bookingSlots(config, '2026-12-01', 'Z', 1, at(9))).toEqual([]);
  });

  it('follows the distancing level: closed counters lower the places, a restricted service has none', () => {
    const config = booking();
    expect(slotPlaces(config, 'A', 3)).toBe(0); // counter 2 closed: 0.5 × 1 × 15 ÷ 10 rounds down to 0
    expect(bookingSlots(config, '2026-12-01', 'A', 3, at(9))).toEqual([]);
    expect(slotPlaces(config, 'B', 3)).toBe(1);
    expect(bookingSlots(config, '2026-12-01', 'A', 4, at(9))).toEqual([]); // non-essential
    expect(bookingSlots(config, '2026-12-01', 'B', 4, at(9))).toHaveLength(32);
  });

  it('uses a fixed number of places, per office or per service, and honours a service turned off', () => {
    const config = booking((c) => {
      c.bookings!.fixedPlaces = 5;
      c.services[1]!.bookings = { fixedPlaces: 2 };
    });
    expect(slotPlaces(config, 'A', 1)).toBe(5);
    expect(slotPlaces(config, 'B', 1)).toBe(2);
    const off = booking((c) => (c.services[0]!.bookings = { enabled: false }));
    expect(bookingSlots(off, '2026-12-01', 'A', 1, at(9))).toEqual([]);
  });

  it('rounds the share down, exactly at whole numbers', () => {
    // 0.5 × 2 × 15 ÷ 5 = 3 and 0.3 × 2 × 15 ÷ 9 = 1 exactly, whatever the binary fractions say.
    expect(slotPlaces(booking(), 'B', 1)).toBe(3);
    const config = booking((c) => {
      c.bookings!.share = 0.3;
      c.services[0]!.defaultServiceMinutes = 9;
    });
    expect(slotPlaces(config, 'A', 1)).toBe(1);
  });

  it('opens today and the next 6 working days, holidays and weekends not counted', () => {
    const config = booking();
    // Monday 30 Nov: Tue 1, (Wed 2 holiday), Thu 3, Fri 4, (weekend), Mon 7, Tue 8, Wed 9.
    expect(lastBookableDay(config, at(9))).toBe('2026-12-09');
    expect(bookingSlots(config, '2026-12-09', 'B', 1, at(9))[0]!.open).toBe(true);
    expect(bookingSlots(config, '2026-12-10', 'B', 1, at(9))[0]!.open).toBe(false);
    expect(bookingSlots(config, '2026-12-10', 'B', 1, at(9, 0, 1))[0]!.open).toBe(true); // a day later
  });

  it('closes a slot 30 minutes before its start', () => {
    const slots = bookingSlots(booking(), MONDAY, 'B', 1, at(9));
    const open = (start: string) => slots.find((s) => s.start === start)!.open;
    expect(open('09:15')).toBe(false);
    expect(open('09:30')).toBe(true); // exactly 30 minutes ahead
    expect(open('08:00')).toBe(false); // past
  });
});

describe('checkBookingLimits', () => {
  const config = booking();
  const slot = at(10, 0, 1); // Tuesday 10:00
  const now = at(9);
  const record = (r: Partial<BookingRecord>): BookingRecord => ({
    phone: '+84901000001',
    service: 'B',
    date: '2026-12-01',
    slotStart: slot,
    status: 'booked',
    createdAt: at(8),
    ...r,
  });
  const me = { phone: '+84901000001', service: 'B', slotStart: slot };

  it('accepts a booking within every limit', () => {
    expect(checkBookingLimits([], me, config, now)).toBeNull();
  });

  it('refuses a slot that does not exist (NO_SLOT)', () => {
    expect(checkBookingLimits([], { ...me, slotStart: slot + 7 * MINUTE }, config, now)?.code).toBe(
      'NO_SLOT',
    );
    expect(checkBookingLimits([], { ...me, slotStart: at(10, 0, 2) }, config, now)?.code).toBe('NO_SLOT'); // holiday
    expect(checkBookingLimits([], me, config, now, 4)).toBeNull(); // B is essential
    expect(checkBookingLimits([], { ...me, service: 'A' }, config, now, 4)?.code).toBe('NO_SLOT');
  });

  it('refuses a day past the horizon or already gone (OUTSIDE_HORIZON)', () => {
    expect(checkBookingLimits([], { ...me, slotStart: at(10, 0, 10) }, config, now)?.code).toBe(
      'OUTSIDE_HORIZON',
    );
    expect(checkBookingLimits([], { ...me, slotStart: at(10, 0, -3) }, config, now)?.code).toBe(
      'OUTSIDE_HORIZON',
    );
  });

  it('refuses a slot less than 30 minutes ahead (BOOKING_CLOSED)', () => {
    expect(checkBookingLimits([], { ...me, slotStart: at(9, 15) }, config, now)?.code).toBe('BOOKING_CLOSED');
    expect(checkBookingLimits([], { ...me, slotStart: at(9, 30) }, config, now)).toBeNull();
  });

  it('allows 2 bookings a day (DAILY_LIMIT) and 1 per service (SERVICE_DAY_LIMIT), by phone or CCCD', () => {
    const other = record({ service: 'A', slotStart: at(8, 0, 1) });
    expect(checkBookingLimits([record({})], me, config, now)?.code).toBe('SERVICE_DAY_LIMIT');
    expect(checkBookingLimits([other], me, config, now)).toBeNull();
    expect(
      checkBookingLimits([other, record({ service: 'A', slotStart: at(9, 0, 1) })], me, config, now)?.code,
    ).toBe('DAILY_LIMIT');
    // Another phone with the same CCCD is the same citizen; a cancelled booking holds nothing.
    const byCccd = record({ phone: '+84909999999', cccd: '001200000001' });
    expect(checkBookingLimits([byCccd], { ...me, cccd: '001200000001' }, config, now)?.code).toBe(
      'SERVICE_DAY_LIMIT',
    );
    expect(checkBookingLimits([byCccd], me, config, now)).toBeNull();
    expect(
      checkBookingLimits([record({ status: 'cancelled', cancelledAt: at(8) })], me, config, now),
    ).toBeNull();
    // Another day is another day.
    expect(
      checkBookingLimits([record({ date: '2026-12-03', slotStart: at(10, 0, 3) })], me, config, now),
    ).toBeNull();
  });

  it('blocks booking for 7 days after 3 cancellations within 7 days (BLOCKED_FOR_CANCELLATIONS)', () => {
    const cancelled = (days: number, by?: 'citizen' | 'office') =>
      record({
        date: '2026-11-20',
        slotStart: at(10, 0, -10),
        status: 'cancelled',
        cancelledAt: at(9, 0, days),
        ...(by ? { cancelledBy: by } : {}),
      });
    const three = [cancelled(-6), cancelled(-3), cancelled(-1)];
    const refusal = checkBookingLimits(three, me, config, now);
    expect(refusal).toEqual({ code: 'BLOCKED_FOR_CANCELLATIONS', details: { until: at(9, 0, 6) } });
    expect(checkBookingLimits(three, { ...me, slotStart: at(10, 0, 7) }, config, at(9, 0, 6))).toBeNull();
    // Spread over more than 7 days, or cancelled by the office: no block.
    expect(checkBookingLimits([cancelled(-9), cancelled(-3), cancelled(-1)], me, config, now)).toBeNull();
    expect(
      checkBookingLimits([cancelled(-6), cancelled(-3), cancelled(-1, 'office')], me, config, now),
    ).toBeNull();
  });

  it('gives exactly the places there are (SLOT_FULL), counting no-shows and lapses as taken', () => {
    const others = ['booked', 'no_show', 'lapsed'].map((status, i) =>
      record({ phone: `+8490200000${i}`, status: status as BookingRecord['status'] }),
    );
    expect(checkBookingLimits(others.slice(0, 2), me, config, now)).toBeNull(); // 3 places
    expect(checkBookingLimits(others, me, config, now)).toEqual({
      code: 'SLOT_FULL',
      details: { start: '10:00', places: 3 },
    });
    // Another slot or service is not this one.
    expect(checkBookingLimits(others, { ...me, slotStart: slot + 15 * MINUTE }, config, now)).toBeNull();
  });

  it('lets N racers, checked one after another as a transaction does, take exactly the places', () => {
    const taken: BookingRecord[] = [];
    for (let i = 0; i < 50; i++) {
      const who = { phone: `+849030000${String(i).padStart(2, '0')}`, service: 'B', slotStart: slot };
      if (!checkBookingLimits(taken, who, config, now)) taken.push(record({ phone: who.phone }));
    }
    expect(taken).toHaveLength(3);
  });
});

describe('slotsWithRemaining and bookingsWithoutSlot', () => {
  const config = booking();
  const slot = at(10, 0, 1);
  const record = (r: Partial<BookingRecord>): BookingRecord => ({
    phone: '+84901000001',
    service: 'B',
    date: '2026-12-01',
    slotStart: slot,
    status: 'booked',
    createdAt: at(8),
    ...r,
  });

  it('shows the places left in each slot, a cancelled booking giving its place back', () => {
    const slots = slotsWithRemaining(
      [
        record({}),
        record({ status: 'checked_in' }),
        record({ status: 'cancelled' }),
        record({ service: 'A' }),
      ],
      config,
      '2026-12-01',
      'B',
      1,
      at(9),
    );
    expect(slots.find((s) => s.startsAt === slot)!.remaining).toBe(1);
    expect(slots.find((s) => s.startsAt === slot + 15 * MINUTE)!.remaining).toBe(3);
  });

  it('lists the bookings to come that a level leaves without a slot, keeping those with fewer places', () => {
    const a = record({ service: 'A', slotStart: at(8, 0, 1) });
    const b = record({});
    const past = record({ service: 'A', date: MONDAY, slotStart: at(8) });
    const done = record({ service: 'A', status: 'cancelled', slotStart: at(8, 15, 1) });
    // Level 3 leaves A one counter: no place in a new slot (⌊0.75⌋), but the booking stands.
    expect(bookingsWithoutSlot([a, b, past, done], config, 3, at(9))).toEqual([]);
    // Level 4 restricts A: its booking to come is told; the one already past is not.
    expect(bookingsWithoutSlot([a, b, past, done], config, 4, at(9))).toEqual([a]);
    // A level that closes every counter of B leaves B with no slot.
    const closed = booking((c) => (c.levels[2] = { closedCounters: [2, 3], restrictedServices: [] }));
    expect(bookingSlots(closed, '2026-12-01', 'B', 2, at(9))).toEqual([]);
    expect(bookingsWithoutSlot([a, b], closed, 2, at(9))).toEqual([b]);
  });
});

describe('checkInWindow', () => {
  const slotStart = at(10);
  it('opens 30 minutes before the slot and closes 10 minutes after it, both ends included', () => {
    const config = booking();
    expect(checkInWindow({ slotStart }, at(9, 29), config)).toEqual({
      kind: 'early',
      opensAt: at(9, 30),
      mayWait: false,
    });
    expect(checkInWindow({ slotStart }, at(9, 30), config)).toEqual({ kind: 'open', closesAt: at(10, 10) });
    expect(checkInWindow({ slotStart }, at(10, 10), config).kind).toBe('open');
    expect(checkInWindow({ slotStart }, at(10, 10) + 1, config)).toEqual({
      kind: 'late',
      closedAt: at(10, 10),
    });
  });

  it('says when the office lets early comers wait', () => {
    const config = booking(
      (c) => (c.bookings!.checkIn = { early: 'wait', earlyMinutes: 15, lateMinutes: 5 }),
    );
    expect(checkInWindow({ slotStart }, at(9, 40), config)).toEqual({
      kind: 'early',
      opensAt: at(9, 45),
      mayWait: true,
    });
    expect(checkInWindow({ slotStart }, at(10, 6), config).kind).toBe('late');
  });
});

describe('bookingCode', () => {
  const seeded = (seed: number) => {
    let x = seed || 1;
    return (n: number) =>
      Uint8Array.from({ length: n }, () => {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        return x >> 23;
      });
  };

  it('is 8 characters of an alphabet without 0, O, 1, I or L', () => {
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(BOOKING_CODE_ALPHABET.length);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const code = bookingCode(seeded(seed));
        expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      }),
      { numRuns: 200 },
    );
  });

  it('drops bytes that would make some symbols likelier, and is pure', () => {
    // 31 symbols: bytes 248–255 are dropped, 0 is 'A', 30 is '9', 31 is 'A' again.
    const bytes = [255, 248, 0, 30, 31, 1, 2, 3, 4, 5, 6];
    let i = 0;
    const source = (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]!);
    expect(bookingCode(source)).toBe('A9ABCDEF');
    expect(bookingCode(seeded(7))).toBe(bookingCode(seeded(7)));
  });
});
