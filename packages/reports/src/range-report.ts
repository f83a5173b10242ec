import { setImmediate as nextTurn } from 'node:timers/promises';
import { alertThresholds, type OfficeConfig } from '@luot/core';
import { daysInRange, ratingLevels, type RangeReport, type ReportFilter } from '@luot/protocol';
import { LocalMidnights, weekdayOf } from './calendar.js';
import { ChartData } from './charts.js';
import { C, emptyFacts, fillFacts, type ScanRow } from './facts.js';
import { Tallies, Tally } from './tally.js';

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

/** A report's range (office-local days, both included) and its filters. */
export interface RangeFilter {
  from: string;
  to: string;
  service?: string | undefined;
  counter?: number | undefined;
  officer?: string | undefined;
}

/**
 * Where a report's tickets come from: calls `onDay` for each day of the filter's range that has
 * tickets passing the filter, in date order (the hub reads SQLite, the city PostgreSQL).
 */
export type DayScan = (filter: RangeFilter, onDay: (day: string, rows: ScanRow[]) => void) => Promise<void>;

/**
 * One office's report over a range of its days (`GET /api/reports` at the hub, docs/reports.md; the
 * same at the city from its projections): one pass over the range's tickets, tallied per service,
 * counter, officer, hour of issue and day, with the data of the console's charts.
 */
export async function buildRangeReport(
  scan: DayScan,
  filter: RangeFilter,
  ctx: ReportContext,
): Promise<RangeReport> {
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
  await scan(filter, (day, rows) => {
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
