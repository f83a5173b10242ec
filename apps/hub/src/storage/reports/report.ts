import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { alertThresholds, type OfficeConfig } from '@luot/core';
import {
  daysInRange,
  ratingLevels,
  type RangeReport,
  type ReportFilter,
  type ReportResponse,
} from '@luot/protocol';
import { LocalMidnights, previousPeriod, weekdayOf } from './calendar.js';
import { ChartData } from './charts.js';
import { TicketScan, type ScanFilter, type ScanRow } from './scan.js';
import { Tallies, Tally, type TicketFacts } from './tally.js';

/** What a report needs to know beyond the database: the office, the officers' names, today. */
export interface ReportContext {
  office: OfficeConfig;
  /** Officer id → name, as the hub configuration has them (officers who left show their id only). */
  officerNames?: ReadonlyMap<string, string>;
  /** The hub's current office day, YYYY-MM-DD: its waiting tickets are not abandoned yet. */
  today: string;
}

/** Tickets beyond which a report gives the event loop a turn between its groupings. */
const LONG_SCAN = 20_000;

/** `cb2` before `cb10`: officer codes sort as people read them. */
const natural = new Intl.Collator('vi', { numeric: true }).compare;

/**
 * Reports over any range of office days (`GET /api/reports`, docs/reports.md): one scan of the
 * range's tickets, tallied per service, counter, officer, hour of issue and day, with the data of
 * the console's charts, and the same for the previous period of equal length when asked.
 */
export class RangeReports {
  private readonly scan: TicketScan;
  /** The last report asked for: reports run one after another (see `respond`). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(db: Database.Database) {
    this.scan = new TicketScan(db);
  }

  /** The report of `filter`, and with `compare` the previous period's under the same filters. */
  /**
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
  async report(filter: ScanFilter, ctx: ReportContext): Promise<RangeReport> {
    const { office } = ctx;
    const levels = ratingLevels(office.rating.scale);
    // One wait target for the office: what the console alerts on is what reports count against.
    const targetMinutes = alertThresholds(office).waitMinutes;
    const targetMs = targetMinutes * 60_000;

    const total = new Tally(levels);
    const byService = new Tallies<string>(levels);
    const byCounter = new Tallies<number | null>(levels);
    const byOfficer = new Tallies<string | null>(levels);
    const byHour = new Tallies<number>(levels);
    const byDay = new Tallies<string>(levels);
    const charts = new ChartData(levels);
    const midnights = new LocalMidnights(office.sessions.timeZone);
    let rowsScanned = 0;
    // One object for every ticket's facts, filled in turn: a year is 200,000 tickets.
    const facts = emptyFacts();
    await this.scan.forEachDay(filter, (day, rows) => {
      const weekday = weekdayOf(day);
      const midnight = midnights.midnight(day);
      const dayTally = byDay.get(day);
      // Waiting tickets of today are not abandoned yet; of an earlier day, they were.
      const over = day < ctx.today;
      rowsScanned += rows.length;
      for (const row of rows) {
        fillFacts(facts, row, targetMs, levels.length, over);
        const hour = Math.min(23, Math.max(0, Math.floor((row[C.issuedAt] - midnight) / 3_600_000)));
        total.add(facts);
        dayTally.add(facts);
        byService.get(row[C.service]).add(facts);
        byCounter.get(row[C.counter]).add(facts);
        byOfficer.get(row[C.officer]).add(facts);
        byHour.get(hour).add(facts);
        charts.add(row[C.service], day, row[C.officer], hour, weekday, facts);
      }
    });

    // Services in the office's order (the kiosk's), any no longer configured after them.
    const position = new Map(office.services.map((s, i) => [s.prefix, i]));
    const serviceOrder = (a: string, b: string) =>
      (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || natural(a, b);
    const names = new Map(office.services.map((s) => [s.prefix, s.name]));
    const officerName = (id: string) => ctx.officerNames?.get(id) ?? null;
    const nullsLast =
      <K>(order: (a: K, b: K) => number) =>
      (a: K | null, b: K | null) =>
        a === null ? (b === null ? 0 : 1) : b === null ? -1 : order(a, b);
    // Each grouping's percentiles are a pass over every ticket again: on a long range, the hub's
    // event loop gets a turn between groupings, as it does between the scan's queries.
    const long = rowsScanned > LONG_SCAN;
    const sorted = async <K>(t: Tallies<K>, order: (a: K, b: K) => number) => {
      if (long) await nextTurn();
      return [...t.map.entries()]
        .sort(([a], [b]) => order(a, b))
        .map(([key, tally]) => [key, tally.figures()] as const);
    };

    const services = (await sorted(byService, serviceOrder)).map(([service, f]) => ({
      service,
      name: names.get(service) ?? null,
      ...f,
    }));
    const counters = (
      await sorted(
        byCounter,
        nullsLast<number>((a, b) => a - b),
      )
    ).map(([counter, f]) => ({
      counter,
      ...f,
    }));
    const officers = (await sorted(byOfficer, nullsLast(natural))).map(([officer, f]) => ({
      officer,
      name: officer === null ? null : officerName(officer),
      ...f,
    }));
    const hourRows = (await sorted(byHour, (a, b) => a - b)).map(([hour, f]) => ({ hour, ...f }));
    const dayRows = (await sorted(byDay, (a, b) => (a < b ? -1 : a > b ? 1 : 0))).map(([day, f]) => ({
      day,
      weekday: weekdayOf(day),
      ...f,
    }));
    const resolved: ReportFilter = { from: filter.from, to: filter.to };
    if (filter.service !== undefined) resolved.service = filter.service;
    if (filter.counter !== undefined) resolved.counter = filter.counter;
    if (filter.officer !== undefined) resolved.officer = filter.officer;
    return {
      filter: resolved,
      days: daysInRange(filter.from, filter.to),
      targetMinutes,
      rating: { scale: office.rating.scale, levels },
      rowsScanned,
      total: total.figures(),
      byService: services,
      byCounter: counters,
      byOfficer: officers,
      byHour: hourRows,
      byDay: dayRows,
      charts: charts.build(serviceOrder, natural, officerName, services),
    };
  }
}

/** Where each value is in a scanned row (scan.ts). */
const C = {
  service: 0,
  status: 1,
  issuedAt: 2,
  wait: 3,
  serviceTime: 4,
  counter: 5,
  officer: 6,
  transferred: 7,
  rating: 8,
} as const;

const STATUS = ['other', 'done', 'no_show', 'cancelled'] as const;

function emptyFacts(): TicketFacts {
  return {
    status: 'other',
    transferred: false,
    wait: null,
    withinTarget: false,
    abandoned: false,
    serviceTime: null,
    rating: null,
  };
}

/**
 * What every group counts of one ticket (the scan has worked out its wait and service time). A
 * ticket never called is abandoned when it was cancelled (by the citizen, or at closing) or its day
 * is over.
 */
function fillFacts(f: TicketFacts, row: ScanRow, targetMs: number, scale: number, dayOver: boolean): void {
  const wait = row[C.wait];
  const rating = row[C.rating];
  f.status = STATUS[row[C.status]];
  f.transferred = row[C.transferred] === 1;
  f.wait = wait;
  f.withinTarget = wait !== null && wait <= targetMs;
  f.abandoned = wait === null && (f.status === 'cancelled' || dayOver);
  f.serviceTime = row[C.serviceTime];
  f.rating = rating === null ? null : rating === 0 ? 'unanswered' : rating <= scale ? rating - 1 : null;
}
