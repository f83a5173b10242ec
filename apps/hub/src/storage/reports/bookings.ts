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
/** Called tickets of the days and services that had bookings (see the constructor). */
export const CALLED_SQL = `SELECT t.day, t.issued_service AS service, t.booking_slot AS bookingSlot, t.issued_at AS issuedAt,
                t.first_called_at AS firstCalledAt
           FROM (SELECT DISTINCT date, service FROM bookings
                  WHERE date BETWEEN @from AND @to AND (@service IS NULL OR service = @service)) b
           JOIN tickets t ON t.day = b.date AND t.issued_service = b.service
          WHERE t.first_called_at IS NOT NULL`;

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
      // Driven by those days (`bookings_date`), so a range without bookings reads no ticket and a
      // year's report does not read the year's tickets a second time in one go (the scan yields to
      // the event loop every 14 days; this query would not). A booked ticket is of its booking's day
      // and service, and booking rows are never deleted (retention erases their names and phones).
      called: db.prepare(CALLED_SQL),
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
