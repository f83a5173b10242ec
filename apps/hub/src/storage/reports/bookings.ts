import type Database from 'better-sqlite3';
import type { OfficeConfig } from '@luot/core';
import type { RangeBookingReport } from '@luot/protocol';
import {
  buildBookingReport,
  type BookingStatusCount,
  type CalledTicket,
  type RangeFilter,
} from '@luot/reports';

/**
 * The bookings part of a report (docs/reports.md, "Bookings"): counts per day, service and status
 * from the bookings table — it keeps them after the retention job erases names and phones — and the
 * waits of called tickets from the ticket rows, booked (`booking_slot`, migration 9) or walk-in.
 * Only the service filter applies: a booking has no counter or officer until it is called.
 */
export class BookingFigures {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      counts: db.prepare(
        `SELECT date, service, status, COUNT(*) AS n FROM bookings
          WHERE date BETWEEN @from AND @to AND (@service IS NULL OR service = @service)
          GROUP BY date, service, status`,
      ),
      // Walk-ins only of the days and services that had bookings: the comparison is like with like.
      called: db.prepare(
        `SELECT t.day, t.issued_service AS service, t.booking_slot AS bookingSlot, t.issued_at AS issuedAt,
                t.first_called_at AS firstCalledAt
           FROM tickets t
          WHERE t.day BETWEEN @from AND @to AND t.first_called_at IS NOT NULL
            AND (@service IS NULL OR t.issued_service = @service)
            AND (t.booking_slot IS NOT NULL
                 OR EXISTS (SELECT 1 FROM bookings b WHERE b.date = t.day AND b.service = t.issued_service))`,
      ),
    };
  }

  /** The range's bookings, or undefined when none were made for its days. */
  report(filter: RangeFilter, office: OfficeConfig): RangeBookingReport | undefined {
    const params = { from: filter.from, to: filter.to, service: filter.service ?? null };
    const position = new Map(office.services.map((s, i) => [s.prefix, i]));
    return buildBookingReport(
      this.s.counts.all(params) as BookingStatusCount[],
      this.s.called.iterate(params) as Iterable<CalledTicket>,
      new Map(office.services.map((s) => [s.prefix, s.name])),
      (a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
    );
  }
}
