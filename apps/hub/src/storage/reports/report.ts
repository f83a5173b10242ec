import type Database from 'better-sqlite3';
import { waitTargetMinutes, type OfficeConfig } from '@luot/core';
import {
  daysInRange,
  ratingLevels,
  type RangeReport,
  type ReportFilter,
  type ReportResponse,
} from '@luot/protocol';
import { LocalHours, previousPeriod, weekdayOf } from './calendar.js';
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

/** `cb2` before `cb10`: officer codes sort as people read them. */
const natural = new Intl.Collator('vi', { numeric: true }).compare;

/**
 * Reports over any range of office days (`GET /api/reports`, docs/reports.md): one scan of the
 * range's tickets, tallied per service, counter, officer, hour of issue and day, with the data of
 * the console's charts, and the same for the previous period of equal length when asked.
 */
export class RangeReports {
  private readonly scan: TicketScan;

  constructor(db: Database.Database) {
    this.scan = new TicketScan(db);
  }

  /** The report of `filter`, and with `compare` the previous period's under the same filters. */
  respond(filter: ScanFilter, ctx: ReportContext, compare: boolean): ReportResponse {
    const current = this.report(filter, ctx);
    const previous = compare
      ? this.report({ ...filter, ...previousPeriod(filter.from, filter.to) }, ctx)
      : null;
    return { current, previous };
  }

  report(filter: ScanFilter, ctx: ReportContext): RangeReport {
    const { office } = ctx;
    const levels = ratingLevels(office.rating.scale);
    const targetMinutes = waitTargetMinutes(office);
    const targetMs = targetMinutes * 60_000;
    const days = this.scan.days(filter);

    const total = new Tally(levels);
    const byService = new Tallies<string>(levels);
    const byCounter = new Tallies<number | null>(levels);
    const byOfficer = new Tallies<string | null>(levels);
    const byHour = new Tallies<number>(levels);
    const byDay = new Tallies<string>(levels);
    const charts = new ChartData(levels);
    const hours = new LocalHours(office.sessions.timeZone);
    let rowsScanned = 0;
    for (const { day, rows } of days) {
      const weekday = weekdayOf(day);
      const dayTally = byDay.get(day);
      // Waiting tickets of today are not abandoned yet; of an earlier day, they were.
      const over = day < ctx.today;
      rowsScanned += rows.length;
      for (const row of rows) {
        const facts = ticketFacts(row, targetMs, levels.length, over);
        const hour = hours.hour(day, row[C.issuedAt]);
        total.add(facts);
        dayTally.add(facts);
        byService.get(row[C.service]).add(facts);
        byCounter.get(row[C.counter]).add(facts);
        byOfficer.get(row[C.officer]).add(facts);
        byHour.get(hour).add(facts);
        charts.add(row[C.service], day, row[C.officer], hour, weekday, facts);
      }
    }

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
    const sorted = <K>(t: Tallies<K>, order: (a: K, b: K) => number) =>
      [...t.map.entries()]
        .sort(([a], [b]) => order(a, b))
        .map(([key, tally]) => [key, tally.figures()] as const);

    const services = sorted(byService, serviceOrder).map(([service, f]) => ({
      service,
      name: names.get(service) ?? null,
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
      byCounter: sorted(
        byCounter,
        nullsLast<number>((a, b) => a - b),
      ).map(([counter, f]) => ({ counter, ...f })),
      byOfficer: sorted(byOfficer, nullsLast(natural)).map(([officer, f]) => ({
        officer,
        name: officer === null ? null : officerName(officer),
        ...f,
      })),
      byHour: sorted(byHour, (a, b) => a - b).map(([hour, f]) => ({ hour, ...f })),
      byDay: sorted(byDay, (a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, f]) => ({
        day,
        weekday: weekdayOf(day),
        ...f,
      })),
      charts: charts.build(serviceOrder, natural, officerName, services),
    };
  }
}

/** Where each value is in a scanned row (scan.ts). */
const C = {
  service: 0,
  status: 1,
  issuedAt: 2,
  firstCalledAt: 3,
  startedAt: 4,
  finishedAt: 5,
  counter: 6,
  officer: 7,
  transfers: 8,
  rated: 9,
  score: 10,
} as const;

/**
 * What every group counts of one ticket. Waiting time runs from the issue to the first call (a
 * recall does not restart it); service time from the start of service (or the call, when nobody
 * pressed start) to the finish, for served tickets. A ticket never called is abandoned when it was
 * cancelled (by the citizen, or at closing) or its day is over.
 */
function ticketFacts(row: ScanRow, targetMs: number, scale: number, dayOver: boolean): TicketFacts {
  const status = row[C.status];
  const called = row[C.firstCalledAt];
  const wait = called === null ? null : called - row[C.issuedAt];
  const started = row[C.startedAt];
  const finished = row[C.finishedAt];
  const score = row[C.score];
  return {
    status: status === 'done' || status === 'no_show' || status === 'cancelled' ? status : 'other',
    transferred: row[C.transfers] > 0,
    wait,
    withinTarget: wait !== null && wait <= targetMs,
    abandoned: called === null && (status === 'cancelled' || dayOver),
    serviceTime: status === 'done' && started !== null && finished !== null ? finished - started : null,
    rating: !row[C.rated]
      ? null
      : score === null
        ? 'unanswered'
        : score >= 1 && score <= scale
          ? score - 1
          : null,
  };
}
