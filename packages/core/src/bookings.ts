/**
 * Online numbers (docs/queue-rules.md, "Bookings"): the pure rules the hub runs around its own
 * store of bookings. Bookings span days and live in the hub's database, not in the day state; the
 * hub passes them in as plain records and keeps the answer inside one transaction, so the rule and
 * the write cannot be raced. No clock and no randomness here: time and random bytes come in.
 */
import { localMidnight, localTime, parseHm } from './clock.js';
import { bookingRules, serviceBookingRules, type Level, type OfficeConfig } from './config.js';
import type { QueueErrorCode } from './errors.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One bookable slot of a service on a day. */
export interface BookingSlot {
  /** Local start, "HH:MM". */
  start: string;
  /** The same instant, epoch ms: what a booking stores as its `slotStart`. */
  startsAt: number;
  /** Places offered for booking in this slot (the rest of the counters' time stays for walk-ins). */
  places: number;
  /** Whether it can be booked at `now`: inside the horizon and not yet closed. */
  open: boolean;
}

/** A working day of the office's calendar: a session weekday and not a holiday. */
export function isWorkingDay(config: OfficeConfig, day: string): boolean {
  if (config.sessions.holidays?.includes(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return config.sessions.days.includes(weekday);
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + DAY).toISOString().slice(0, 10);
}

/**
 * The last bookable day at `now`: today and the next `horizonWorkingDays` working days ("today +
 * 6 days" counts working days, so a Friday booker still sees six days the office is open).
 */
export function lastBookableDay(config: OfficeConfig, now: number): string {
  let day = localTime(now, config.sessions.timeZone).day;
  for (let left = bookingRules(config).horizonWorkingDays; left > 0;) {
    day = nextDay(day);
    if (isWorkingDay(config, day)) left--;
  }
  return day;
}

/** Counters that serve the service at a level (configured services; closures of the level). */
function countersAtLevel(config: OfficeConfig, service: string, level: Level): number {
  const closed = config.levels[level].closedCounters;
  return config.counters.filter((c) => c.services.includes(service) && !closed.includes(c.number)).length;
}

function restrictedAtLevel(config: OfficeConfig, service: string, level: Level): boolean {
  const r = config.levels[level].restrictedServices;
  if (r === 'non-essential') return !config.services.find((s) => s.prefix === service)?.essential;
  return r.includes(service);
}

/**
 * Places per slot: a fixed number, or the share of what the counters that serve the service at
 * that level can finish in one slot (counters × slot length ÷ mean service time), rounded down so
 * that bookings never take more than their share of the counters' time.
 */
export function slotPlaces(config: OfficeConfig, service: string, level: Level): number {
  const svc = config.services.find((s) => s.prefix === service);
  if (!svc) return 0;
  const rules = serviceBookingRules(config, service);
  if (rules.fixedPlaces !== null) return rules.fixedPlaces;
  const counters = countersAtLevel(config, service, level);
  const perSlot = (counters * bookingRules(config).slotMinutes) / svc.defaultServiceMinutes;
  // A hair of tolerance: 0.5 × 2 × 15 ÷ 5 must be 3, whatever the binary fractions say.
  return Math.floor(rules.share * perSlot + 1e-9);
}

/**
 * Whether a service has slots on a day at a level at all: bookings on for it, a working day, not
 * restricted by the level, and a counter to serve it that the level leaves open.
 */
function hasSlots(config: OfficeConfig, date: string, service: string, level: Level): boolean {
  return (
    config.services.some((s) => s.prefix === service) &&
    serviceBookingRules(config, service).enabled &&
    isWorkingDay(config, date) &&
    !restrictedAtLevel(config, service, level) &&
    countersAtLevel(config, service, level) > 0
  );
}

/** Slot starts of a day: every `slotMinutes` from the start of each session period, whole slots only. */
function slotTimes(config: OfficeConfig, date: string): Array<{ start: string; startsAt: number }> {
  const { slotMinutes } = bookingRules(config);
  const midnight = localMidnight(date, config.sessions.timeZone);
  const times: Array<{ start: string; startsAt: number }> = [];
  for (const period of config.sessions.periods) {
    const end = parseHm(period.end);
    for (let m = parseHm(period.start); m + slotMinutes <= end; m += slotMinutes) {
      const start = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      times.push({ start, startsAt: midnight + m * MINUTE });
    }
  }
  return times.sort((a, b) => a.startsAt - b.startsAt);
}

/**
 * The slots of a service on a day (YYYY-MM-DD). None on a holiday or a day the office does not
 * work, for an unknown service, when bookings are off for it, or when the distancing level
 * restricts it or closes every counter serving it (its existing bookings are the hub's to tell:
 * `bookingsWithoutSlot`). A slot with no place is not a slot: it is left out.
 */
export function bookingSlots(
  config: OfficeConfig,
  date: string,
  service: string,
  level: Level,
  now: number,
): BookingSlot[] {
  if (!hasSlots(config, date, service, level)) return [];
  const places = slotPlaces(config, service, level);
  if (places <= 0) return [];
  const { closeBeforeMinutes } = bookingRules(config);
  const today = localTime(now, config.sessions.timeZone).day;
  const inHorizon = date >= today && date <= lastBookableDay(config, now);
  return slotTimes(config, date).map(({ start, startsAt }) => ({
    start,
    startsAt,
    places,
    open: inHorizon && now <= startsAt - closeBeforeMinutes * MINUTE,
  }));
}

/** What became of a booking. `lapsed`: came after the check-in window; `no_show`: never came. */
export type BookingStatus = 'booked' | 'checked_in' | 'served' | 'lapsed' | 'no_show' | 'cancelled';

/** A booking as the hub stores it, reduced to what the limits read. */
export interface BookingRecord {
  phone: string;
  cccd?: string | null;
  service: string;
  /** Local day of the slot, YYYY-MM-DD. */
  date: string;
  /** The slot's start, epoch ms. */
  slotStart: number;
  status: BookingStatus;
  createdAt: number;
  cancelledAt?: number | null;
  /**
   * Who cancelled: the citizen, or the office (a day closed by the level, a closure). Only the
   * citizen's own cancellations count towards the block. Absent: the citizen.
   */
  cancelledBy?: 'citizen' | 'office';
}

/** A booking being made: who, what and when. */
export interface BookingCandidate {
  phone: string;
  cccd?: string | null;
  service: string;
  slotStart: number;
}

export interface BookingRefusal {
  code: Extract<
    QueueErrorCode,
    | 'NO_SLOT'
    | 'OUTSIDE_HORIZON'
    | 'BOOKING_CLOSED'
    | 'BLOCKED_FOR_CANCELLATIONS'
    | 'DAILY_LIMIT'
    | 'SERVICE_DAY_LIMIT'
    | 'SLOT_FULL'
  >;
  details: Record<string, string | number | null>;
}

/** Statuses that hold a place: a no-show or a lapse does not give it back (the slot has passed). */
const HOLDS_PLACE: ReadonlySet<BookingStatus> = new Set([
  'booked',
  'checked_in',
  'served',
  'lapsed',
  'no_show',
]);

/** The same citizen: the same phone number, or the same CCCD number when both give one. */
function sameCitizen(a: { phone: string; cccd?: string | null }, b: BookingRecord): boolean {
  return a.phone === b.phone || (!!a.cccd && !!b.cccd && a.cccd === b.cccd);
}

/**
 * Until when the citizen may not book because of cancellations (epoch ms), or null: the block runs
 * `blockDays` from the cancellation that made `cancellationsPerWeek` within 7 days.
 */
export function blockedUntil(
  existing: readonly BookingRecord[],
  citizen: { phone: string; cccd?: string | null },
  config: OfficeConfig,
): number | null {
  const rules = bookingRules(config);
  const times = existing
    .filter((b) => b.status === 'cancelled' && (b.cancelledBy ?? 'citizen') === 'citizen')
    .filter((b) => b.cancelledAt !== null && b.cancelledAt !== undefined && sameCitizen(citizen, b))
    .map((b) => b.cancelledAt!)
    .sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = rules.cancellationsPerWeek - 1; i < times.length; i++) {
    if (times[i]! - times[i - rules.cancellationsPerWeek + 1]! < 7 * DAY)
      until = times[i]! + rules.blockDays * DAY;
  }
  return until;
}

/**
 * Whether this booking may be made now, given every booking the hub holds for the office (it
 * passes at least those of the citizen and of the slot). Null: it may; else the first refusal, in
 * this order: the slot (exists, in the horizon, still open), the citizen (block, per-day,
 * per-service-day limits), then the places left. The hub runs this and the insert in one SQLite
 * transaction, so a thousand people racing for the last place get exactly the places there are.
 * `level` is the distancing level to plan with (the current one).
 */
export function checkBookingLimits(
  existing: readonly BookingRecord[],
  candidate: BookingCandidate,
  config: OfficeConfig,
  now: number,
  level: Level = config.initialLevel,
): BookingRefusal | null {
  const rules = bookingRules(config);
  const date = localTime(candidate.slotStart, config.sessions.timeZone).day;
  const slot = bookingSlots(config, date, candidate.service, level, now).find(
    (s) => s.startsAt === candidate.slotStart,
  );
  if (!slot) return { code: 'NO_SLOT', details: { service: candidate.service, date } };
  const today = localTime(now, config.sessions.timeZone).day;
  if (date < today || date > lastBookableDay(config, now))
    return { code: 'OUTSIDE_HORIZON', details: { date, last: lastBookableDay(config, now) } };
  if (!slot.open)
    return { code: 'BOOKING_CLOSED', details: { start: slot.start, minutes: rules.closeBeforeMinutes } };

  const until = blockedUntil(existing, candidate, config);
  if (until !== null && now < until) return { code: 'BLOCKED_FOR_CANCELLATIONS', details: { until } };
  const mine = existing.filter(
    (b) => HOLDS_PLACE.has(b.status) && b.date === date && sameCitizen(candidate, b),
  );
  if (mine.length >= rules.perDay) return { code: 'DAILY_LIMIT', details: { date, limit: rules.perDay } };
  const sameService = mine.filter((b) => b.service === candidate.service).length;
  if (sameService >= rules.perServiceDay)
    return {
      code: 'SERVICE_DAY_LIMIT',
      details: { date, service: candidate.service, limit: rules.perServiceDay },
    };

  const taken = existing.filter(
    (b) =>
      HOLDS_PLACE.has(b.status) && b.service === candidate.service && b.slotStart === candidate.slotStart,
  ).length;
  if (taken >= slot.places) return { code: 'SLOT_FULL', details: { start: slot.start, places: slot.places } };
  return null;
}

/** A slot with the places still free: what the booking page shows and offers instead of a full one. */
export interface FreeSlot extends BookingSlot {
  remaining: number;
}

/** The day's slots of a service with their free places, given the bookings the hub holds for it. */
export function slotsWithRemaining(
  existing: readonly BookingRecord[],
  config: OfficeConfig,
  date: string,
  service: string,
  level: Level,
  now: number,
): FreeSlot[] {
  const taken = new Map<number, number>();
  for (const b of existing)
    if (b.service === service && HOLDS_PLACE.has(b.status))
      taken.set(b.slotStart, (taken.get(b.slotStart) ?? 0) + 1);
  return bookingSlots(config, date, service, level, now).map((s) => ({
    ...s,
    remaining: Math.max(0, s.places - (taken.get(s.startsAt) ?? 0)),
  }));
}

/**
 * Bookings still to come whose slot no longer exists: the distancing level restricts their service
 * or closes every counter that would serve it, the day became a holiday, bookings were turned off.
 * The hub tells these citizens (and offers to rebook); bookings whose slot merely has fewer places
 * at the new level are kept — the office honours what it promised.
 */
export function bookingsWithoutSlot<B extends BookingRecord>(
  existing: readonly B[],
  config: OfficeConfig,
  level: Level,
  now: number,
): B[] {
  const starts = new Map<string, Set<number>>();
  const exists = (b: BookingRecord) => {
    const key = `${b.date}/${b.service}`;
    let set = starts.get(key);
    if (!set) {
      // Whether the slot exists at all; its places at the new level are not the question.
      const times = hasSlots(config, b.date, b.service, level) ? slotTimes(config, b.date) : [];
      starts.set(key, (set = new Set(times.map((t) => t.startsAt))));
    }
    return set.has(b.slotStart);
  };
  return existing.filter((b) => b.status === 'booked' && b.slotStart >= now && !exists(b));
}

/** Where a booking stands against its check-in window at `now`. */
export type CheckInWindow =
  /** Before the window. `opensAt`: when to come back; `mayWait`: the office checks early comers in to wait. */
  | { kind: 'early'; opensAt: number; mayWait: boolean }
  /** In the window: check in. `closesAt`: its end. */
  | { kind: 'open'; closesAt: number }
  /** After the window: the booking has lapsed (the kiosk offers an ordinary number). */
  | { kind: 'late'; closedAt: number };

/** The check-in window: from `earlyMinutes` before the slot start to `lateMinutes` after it, both ends included. */
export function checkInWindow(
  booking: { slotStart: number },
  now: number,
  config: OfficeConfig,
): CheckInWindow {
  const { checkIn } = bookingRules(config);
  const opensAt = booking.slotStart - checkIn.earlyMinutes * MINUTE;
  const closesAt = booking.slotStart + checkIn.lateMinutes * MINUTE;
  if (now < opensAt) return { kind: 'early', opensAt, mayWait: checkIn.early === 'wait' };
  if (now > closesAt) return { kind: 'late', closedAt: closesAt };
  return { kind: 'open', closesAt };
}

/**
 * Booking codes are read aloud, typed on a kiosk and scanned: no 0/O, 1/I/L to confuse. 31
 * symbols, 8 of them: about 8.5 × 10¹¹ codes, so guessing one (with the phone's last digits
 * also asked) is hopeless.
 */
export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BOOKING_CODE_LENGTH = 8;

/**
 * A random booking code from `randomBytes(n)` (the hub passes `crypto.randomBytes`; tests a seeded
 * source). Bytes at or above the largest multiple of the alphabet's size are dropped, so every
 * symbol is equally likely.
 */
export function bookingCode(randomBytes: (n: number) => Uint8Array): string {
  const n = BOOKING_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let code = '';
  while (code.length < BOOKING_CODE_LENGTH) {
    for (const b of randomBytes(BOOKING_CODE_LENGTH)) {
      if (b >= limit) continue;
      code += BOOKING_CODE_ALPHABET[b % n];
      if (code.length === BOOKING_CODE_LENGTH) break;
    }
  }
  return code;
}

/** A code as typed or scanned: upper case, spaces and dashes dropped. */
export function normalizeBookingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
