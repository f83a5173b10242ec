import type Database from 'better-sqlite3';
import type { OfficeConfig } from '@luot/core';
import { RangeReports } from './reports/report.js';

/** One ticket as the CSV export lists it (times are epoch ms; the HTTP layer formats them). */
export interface TicketExportRow {
  number: string;
  service: string;
  priority: string | null;
  status: string;
  issued_at: number;
  called_at: number | null;
  finished_at: number | null;
  counter: number | null;
  officer_id: string | null;
  transfers: number;
  outcome: string | null;
  rating: number | null;
  /** printed / maybe_printed / not_printed; null when nobody asked the hub to record it (no printer) */
  print: string | null;
  print_fault: string | null;
  /** The booking's slot start for a booked ticket (migration 9); null for a walk-in. */
  booking_slot_at: number | null;
}

/** The office's figures, read from the ticket and rating rows kept beside the event log. */
export class Reports {
  private readonly s;
  /** Reports over any range of days, with filters and charts (storage/reports/, docs/reports.md). */
  readonly range: RangeReports;

  constructor(db: Database.Database) {
    this.range = new RangeReports(db);
    this.s = {
      byService: db.prepare(
        `SELECT issued_service AS service, COUNT(*) AS issued,
           SUM(status = 'done') AS done, SUM(status = 'no_show') AS noShow, SUM(status = 'cancelled') AS cancelled,
           SUM(transfers > 0) AS transferred,
           ROUND(AVG(CASE WHEN first_called_at IS NOT NULL THEN (first_called_at - issued_at) / 60000.0 END), 1) AS avgWaitMin,
           ROUND(AVG(CASE WHEN status = 'done' THEN (finished_at - COALESCE(serving_at, called_at)) / 60000.0 END), 1) AS avgServiceMin
         FROM tickets WHERE day = ? GROUP BY issued_service ORDER BY issued_service`,
      ),
      byOfficer: db.prepare(
        `SELECT t.officer_id AS officerId, t.counter, COUNT(*) AS served,
           ROUND(AVG((t.finished_at - COALESCE(t.serving_at, t.called_at)) / 60000.0), 1) AS avgServiceMin,
           SUM(r.score IS NOT NULL) AS rated, ROUND(AVG(r.score), 2) AS avgScore
         FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id
         WHERE t.day = ? AND t.status = 'done' GROUP BY t.officer_id, t.counter ORDER BY t.counter`,
      ),
      ratings: db.prepare(
        `SELECT score, COUNT(*) AS count FROM ratings r JOIN tickets t ON t.id = r.ticket_id
         WHERE t.day = ? GROUP BY score ORDER BY score`,
      ),
      tickets: db.prepare(
        `SELECT t.number, t.service, t.priority, t.status, t.issued_at, t.called_at, t.finished_at, t.counter,
           t.officer_id, t.transfers, t.outcome, r.score AS rating, p.outcome AS print, p.fault AS print_fault,
           t.booking_slot AS booking_slot_at
         FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id LEFT JOIN ticket_prints p ON p.ticket_id = t.id
         WHERE t.day = ? ORDER BY t.issued_at`,
      ),
      prints: db.prepare(
        `SELECT p.device, p.outcome, p.fault, COUNT(*) AS count
         FROM ticket_prints p JOIN tickets t ON t.id = p.ticket_id
         WHERE t.day = ? GROUP BY p.device, p.outcome, p.fault ORDER BY p.device, p.outcome, p.fault`,
      ),
    };
  }

  /**
   * One day's figures: per service, per counter and officer, and ratings. A ticket counts under the
   * service it was issued for (its number), even if it was transferred later; `transferred` says how
   * many of them were (to another service or counter).
   */
  day(day: string, office: OfficeConfig) {
    return {
      day,
      /** Bookings per service and their waits beside walk-ins' (null: nothing was booked that day). */
      bookings: this.range.dayBookings(day, { office }) ?? null,
      byService: this.s.byService.all(day),
      byOfficer: this.s.byOfficer.all(day),
      ratings: this.s.ratings.all(day),
      /** Tickets per kiosk and print outcome (and fault): how often citizens left without paper. */
      prints: this.s.prints.all(day) as Array<{
        device: string;
        outcome: string;
        fault: string | null;
        count: number;
      }>,
    };
  }

  /** Every ticket of the day, in issue order, for the CSV export. */
  tickets(day: string): TicketExportRow[] {
    return this.s.tickets.all(day) as TicketExportRow[];
  }
}
