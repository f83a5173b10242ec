import type { Text } from '@luot/core';
import type { RangeBookingCounts, RangeBookingReport, RangeBookingRow } from '@luot/protocol';
import { Durations, minutes } from './stats.js';

/** One line of the bookings table grouped by day, service and status (the hub's `bookings`). */
export interface BookingStatusCount {
  date: string;
  service: string;
  status: string;
  n: number;
}

/** A called ticket's wait: its day, service (as issued), booking slot (null: walk-in), ms. */
export interface CalledTicket {
  day: string;
  service: string;
  bookingSlot: number | null;
  issuedAt: number;
  firstCalledAt: number;
}

/**
 * A booked ticket's wait counts from the later of its check-in and its slot's start: a citizen who
 * checks in 20 minutes early was told to come at the slot, so those 20 minutes are theirs, not the
 * office's. A walk-in's counts from its issue, as every other wait in the reports.
 */
export function waitOf(t: CalledTicket): number {
  const from = t.bookingSlot === null ? t.issuedAt : Math.max(t.issuedAt, t.bookingSlot);
  return Math.max(0, t.firstCalledAt - from);
}

class Group {
  booked = 0;
  pending = 0;
  checkedIn = 0;
  lapsed = 0;
  noShow = 0;
  cancelled = 0;
  readonly bookedWait = new Durations();
  readonly walkInWait = new Durations();

  count(status: string, n: number): void {
    this.booked += n;
    if (status === 'booked') this.pending += n;
    // A served booking was checked in first: "served" is what the jobs mark after its ticket ends.
    else if (status === 'checked_in' || status === 'served') this.checkedIn += n;
    else if (status === 'lapsed') this.lapsed += n;
    else if (status === 'no_show') this.noShow += n;
    else if (status === 'cancelled') this.cancelled += n;
  }

  figures(): RangeBookingCounts {
    const { booked, pending, checkedIn, lapsed, noShow, cancelled } = this;
    return {
      booked,
      pending,
      checkedIn,
      lapsed,
      noShow,
      cancelled,
      bookedWait: minutes(this.bookedWait),
      walkInWait: minutes(this.walkInWait),
    };
  }
}

/**
 * Bookings per day and service over a range, beside the waits of booked and walk-in citizens of
 * the same days and services (docs/reports.md, "Bookings"). Only days and services that had
 * bookings get a row, and the total compares waits over those rows alone: a walk-in's wait on a
 * day nobody booked says nothing about what bookings did. Undefined when nothing was booked.
 */
export function buildBookingReport(
  counts: Iterable<BookingStatusCount>,
  called: Iterable<CalledTicket>,
  names: ReadonlyMap<string, Text>,
  serviceOrder: (a: string, b: string) => number,
): RangeBookingReport | undefined {
  const groups = new Map<string, { day: string; service: string; group: Group }>();
  const group = (day: string, service: string, create: boolean) => {
    const key = `${day} ${service}`;
    let g = groups.get(key);
    if (!g && create) groups.set(key, (g = { day, service, group: new Group() }));
    return g?.group;
  };
  for (const c of counts) group(c.date, c.service, true)!.count(c.status, c.n);
  // A booked ticket whose booking row is gone still makes its day and service a row of bookings.
  const calledTickets = [...called];
  for (const t of calledTickets) if (t.bookingSlot !== null) group(t.day, t.service, true);
  if (groups.size === 0) return undefined;

  const total = new Group();
  for (const t of calledTickets) {
    const g = group(t.day, t.service, false);
    if (!g) continue;
    const wait = waitOf(t);
    (t.bookingSlot === null ? g.walkInWait : g.bookedWait).push(wait);
    (t.bookingSlot === null ? total.walkInWait : total.bookedWait).push(wait);
  }
  const rows: RangeBookingRow[] = [...groups.values()]
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : serviceOrder(a.service, b.service)))
    .map(({ day, service, group: g }) => {
      total.booked += g.booked;
      total.pending += g.pending;
      total.checkedIn += g.checkedIn;
      total.lapsed += g.lapsed;
      total.noShow += g.noShow;
      total.cancelled += g.cancelled;
      return { day, service, name: names.get(service) ?? null, ...g.figures() };
    });
  return { rows, total: total.figures() };
}
