import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookingSlots,
  checkBookingLimits,
  dueBooking,
  type BookingRecord,
  type OfficeConfig,
  type Ticket,
  type TicketBooking,
} from '../src/index.js';
import { at, MINUTE, MONDAY, Office, replay, smallConfig } from './helpers.js';

/**
 * Simulated mornings with bookings beside walk-ins (docs/queue-rules.md, "Bookings", "What the
 * tests hold"). The office: one service A, `counters` counters that serve only it, staffed from
 * 08:00 to the end and calling the next citizen the minute they are free; each citizen takes a
 * whole number of minutes, at most the configured mean `S`; bookings made the Friday before through
 * `checkBookingLimits`; everyone checks in by their slot start (0–30 minutes early); walk-ins come
 * at random minutes; no priority tickets, no closures (no capacity loss). It asserts:
 *
 * 1. Places are never oversold: no slot holds more bookings than its places.
 * 2. Nobody waits for ever: every citizen, booked or not, is called.
 * 3. On a day where the walk-in guard never let a walk-in go before a due booking, every booking is
 *    called at most 10 minutes after its slot starts. Why it must hold: with the default share
 *    (0.5) a slot has floor(0.5 × c × 15 ÷ S) places, and in the 10 minutes after a slot starts each
 *    counter calls at least floor(10 ÷ S) times (every service ends within S); for S in
 *    {3, 4, 5, 8, 9, 10} the calls are at least the places. (For S = 6 or 7 a slot's places can
 *    exceed the calls of its first 10 minutes: there the rule promises 15 minutes, not 10.)
 * 4. Replaying the log rebuilds the day.
 */

interface Morning {
  /** Share of the counters' time offered for booking. */
  share: number;
  counters: number;
  serviceMinutes: number;
  /** Booking requests: a citizen (by phone) and a slot index; the limits decide which are taken. */
  requests: Array<{ phone: number; slot: number; early: number }>;
  /** Minutes after 08:00 at which walk-ins arrive. */
  walkIns: number[];
  /** Service durations in minutes, taken in turn. */
  durations: number[];
}

const SERVICE_MINUTES = [3, 4, 5, 8, 9, 10];

/**
 * Mornings with `share` of the time bookable and walk-ins for up to `walkInShare` of it; with
 * `full`, every citizen takes the whole mean S (the counters never get ahead).
 */
const morningArb = (share: number, walkInShare: number, full = false): fc.Arbitrary<Morning> =>
  fc
    .record({
      counters: fc.integer({ min: 1, max: 4 }),
      serviceMinutes: fc.constantFrom(...SERVICE_MINUTES),
    })
    .chain(({ counters, serviceMinutes }) =>
      fc.record({
        share: fc.constant(share),
        counters: fc.constant(counters),
        serviceMinutes: fc.constant(serviceMinutes),
        requests: fc.array(
          fc.record({
            phone: fc.integer({ min: 0, max: 300 }),
            slot: fc.integer({ min: 0, max: 11 }),
            early: fc.integer({ min: 0, max: 30 }),
          }),
          { maxLength: 150, size: 'max' },
        ),
        // Walk-ins for up to `walkInShare` of the counters' time (services average under S: less).
        walkIns: fc.array(fc.integer({ min: 0, max: 179 }), {
          maxLength: Math.floor((walkInShare * counters * 180) / serviceMinutes),
          size: 'max',
        }),
        durations: fc.array(fc.integer({ min: full ? serviceMinutes : 1, max: serviceMinutes }), {
          minLength: 1,
          maxLength: 50,
        }),
      }),
    );

function office(m: Morning): OfficeConfig {
  return smallConfig((c) => {
    c.services = [c.services[0]!];
    c.services[0]!.defaultServiceMinutes = m.serviceMinutes;
    c.counters = Array.from({ length: m.counters }, (_, i) => ({
      number: i + 1,
      services: ['A'],
      agency: { vi: 'Một cửa', en: 'One-stop' },
    }));
    c.levels = {
      1: { closedCounters: [], restrictedServices: [] },
      2: { closedCounters: [], restrictedServices: [] },
      3: { closedCounters: [], restrictedServices: [] },
      4: { closedCounters: [], restrictedServices: [] },
    };
    c.zones[0]!.capacity = { 1: 1000, 2: 1000, 3: 1000, 4: 1000 };
    c.sessions.periods = [{ start: '08:00', end: '11:00' }];
    c.bookings = { enabled: true, share: m.share };
  });
}

/** Run one morning; returns whether the walk-in guard let a walk-in go before a due booking. */
function simulate(m: Morning): boolean {
  const config = office(m);
  const bookedOn = at(9, 0, -3); // the Friday before
  const slots = bookingSlots(config, MONDAY, 'A', 1, bookedOn);
  const records: BookingRecord[] = [];
  const checkIns = new Map<number, TicketBooking[]>();
  // One counter of a 10-minute service has no place to offer (0.5 × 1 × 15 ÷ 10 rounds down): no slots.
  for (const [i, r] of (slots.length > 0 ? m.requests : []).entries()) {
    const slot = slots[r.slot % slots.length]!;
    const candidate = {
      phone: `+8490${String(r.phone).padStart(7, '0')}`,
      service: 'A',
      slotStart: slot.startsAt,
    };
    if (checkBookingLimits(records, candidate, config, bookedOn)) continue;
    records.push({ ...candidate, date: MONDAY, status: 'booked', createdAt: bookedOn });
    const when = slot.startsAt - r.early * MINUTE;
    checkIns.set(when, [...(checkIns.get(when) ?? []), { code: `C${i}`, slotStart: slot.startsAt }]);
  }
  // 1. Never oversold.
  for (const slot of slots) {
    const taken = records.filter((r) => r.slotStart === slot.startsAt).length;
    if (taken > slot.places) throw new Error(`${slot.start}: ${taken} booked, ${slot.places} places`);
  }

  const o = new Office(config, at(7, 30));
  const busyUntil = new Map<number, number>();
  let served = 0;
  let guardFired = false;
  const arrivals = new Map<number, number>();
  for (const w of m.walkIns) arrivals.set(at(8, w), (arrivals.get(at(8, w)) ?? 0) + 1);
  const tickets = () => Object.values(o.state.tickets);
  const open = (t: Ticket) => t.status === 'waiting' || t.status === 'outside';

  for (let now = at(7, 30); now < at(15); now += MINUTE) {
    o.now = now;
    if (now === at(8)) for (let c = 1; c <= m.counters; c++) o.signIn(c);
    for (const [c, until] of busyUntil) {
      if (until !== now) continue;
      o.finish(c);
      busyUntil.delete(c);
    }
    for (const booking of checkIns.get(now) ?? []) o.issue('A', { booking });
    for (let i = 0; i < (arrivals.get(now) ?? 0); i++) o.issue('A');
    if (now < at(8)) continue;
    for (let c = 1; c <= m.counters; c++) {
      if (busyUntil.has(c) || !tickets().some((t) => t.status === 'waiting')) continue;
      const dueWaiting = tickets().some((t) => t.status === 'waiting' && dueBooking(t, now));
      const t = o.callNext(c);
      if (dueWaiting && !dueBooking(t, now)) guardFired = true;
      busyUntil.set(c, now + m.durations[served++ % m.durations.length]! * MINUTE);
    }
    if (now >= at(11) && busyUntil.size === 0 && !tickets().some(open)) break;
  }

  // 2. Nobody waits for ever.
  const left = tickets().filter((t) => t.calledAt === null);
  if (left.length > 0) throw new Error(`never called: ${left.map((t) => t.number).join(' ')}`);
  // 3. Booked citizens are called within 10 minutes of their slot, unless the guard let walk-ins first.
  if (!guardFired && m.share <= 0.5) {
    for (const t of tickets()) {
      if (!t.booking) continue;
      const late = (t.calledAt! - t.booking.slotStart) / MINUTE;
      if (late > 10)
        throw new Error(`${t.number} (slot ${t.booking.slotStart}) called ${late} minutes after its slot`);
    }
  }
  // 4. Replay.
  expect(replay(config, o.log)).toEqual(o.state);
  return guardFired;
}

describe('simulated mornings with bookings', { timeout: 60_000 }, () => {
  it('never oversell, starve nobody, and call booked citizens within 10 minutes of their slot', () => {
    fc.assert(
      fc.property(morningArb(0.5, 0.6), (m) => void simulate(m)),
      { numRuns: 80 },
    );
  });

  it('starve nobody when bookings may take every place and walk-ins crowd in: the guard lets them through', () => {
    let fired = 0;
    fc.assert(
      fc.property(morningArb(1, 1, true), (m) => {
        if (simulate(m)) fired++;
      }),
      { numRuns: 40 },
    );
    // Not a timing: the overloaded mornings must reach the guard at all, or this test says nothing.
    expect(fired).toBeGreaterThan(0);
  });
});
