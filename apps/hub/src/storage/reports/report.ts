import type Database from 'better-sqlite3';
import type { ReportResponse } from '@luot/protocol';
import { buildRangeReport, previousPeriod, type ReportContext } from '@luot/reports';
import { BookingFigures } from './bookings.js';
import { TicketScan, type ScanFilter } from './scan.js';

export type { ReportContext };

/**
 * Reports over any range of office days (`GET /api/reports`, docs/reports.md): the figures are
 * `@luot/reports`' (the city's are the same code), the tickets come from this hub's SQLite scan,
 * and the same for the previous period of equal length when asked.
 */
export class RangeReports {
  private readonly scan: TicketScan;
  private readonly bookings: BookingFigures;
  /** The last report asked for: reports run one after another (see `respond`). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(db: Database.Database) {
    this.scan = new TicketScan(db);
    this.bookings = new BookingFigures(db);
  }

  /**
   * The report of `filter`, and with `compare` the previous period's under the same filters.
   * Reports asked for at the same time run one after another, not interleaved: each gives the
   * event loop a turn between its slices, and a kiosk's command, which needs a few turns, should
   * wait behind one slice at a time, not one of every report in flight.
   */
  respond(filter: ScanFilter, ctx: ReportContext, compare: boolean): Promise<ReportResponse> {
    const run = this.queue.then(async () => {
      const current = await this.report(filter, ctx);
      const previous = compare
        ? await this.report({ ...filter, ...previousPeriod(filter.from, filter.to) }, ctx)
        : null;
      return { current, previous };
    });
    this.queue = run.catch(() => undefined); // a failed report does not stop the next
    return run;
  }

  /** One range's report; the scan lets the hub's event loop run every few weeks of days. */
  async report(filter: ScanFilter, ctx: ReportContext) {
    const report = await buildRangeReport((f, onDay) => this.scan.forEachDay(f, onDay), filter, ctx);
    const bookings = this.bookings.report(filter, ctx.office);
    return bookings ? { ...report, bookings } : report;
  }

  /** One day's bookings (the day report's), or undefined when none were made for it. */
  dayBookings(day: string, ctx: Pick<ReportContext, 'office'>) {
    return this.bookings.report({ from: day, to: day }, ctx.office);
  }
}
