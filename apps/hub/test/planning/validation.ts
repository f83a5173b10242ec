import type Database from 'better-sqlite3';
import type { OfficeConfig } from '@luot/core';
import { makePlan, type PlanResult } from '@luot/planner';
import type { OfficerConfig } from '../../src/config.js';
import { planRequestFor } from '../../src/planning/request.js';
import { addDays } from '@luot/reports';
import { isOpenDay, localMidnight } from '@luot/sim';

/**
 * Validation against the office (issue #16): a plan made from weeks 1–8 of a synthetic history
 * predicts week 9's waits hour by hour. Shared by the test (few runs) and
 * `scripts/plan-validation.ts` (the figures in docs/planner.md).
 */

/** The office's staffing as the synthetic history has it: one officer per counter, its services, all day. */
export function officeStaffing(office: OfficeConfig): OfficerConfig[] {
  return office.counters.map((c) => ({
    id: `cb${c.number}`,
    name: `Cán bộ ${c.number}`,
    pinHash: '',
    role: 'officer',
    services: c.services,
  }));
}

/**
 * Mean wait (minutes) of the tickets issued in each hour of a day, as the planner's simulation
 * counts it: issue to first call, and a ticket never called waited until it was sent home.
 * Hours as `hours` (the plan's intervals); null where nobody was issued.
 */
export function actualHourlyWaits(
  db: Database.Database,
  office: OfficeConfig,
  date: string,
  hours: string[],
): Array<number | null> {
  const rows = db
    .prepare('SELECT issued_at, first_called_at, finished_at FROM tickets WHERE day = ?')
    .raw(true)
    .all(date) as Array<[number, number | null, number | null]>;
  const midnight = localMidnight(date, office.sessions.timeZone);
  const start = Number(hours[0]!.slice(0, 2)) * 60 + Number(hours[0]!.slice(3));
  const sum = hours.map(() => 0);
  const n = hours.map(() => 0);
  for (const [issued, called, finished] of rows) {
    const i = Math.floor(((issued - midnight) / 60_000 - start) / 60);
    if (i < 0 || i >= hours.length) continue;
    const end = called ?? finished;
    if (end === null) continue;
    sum[i]! += (end - issued) / 60_000;
    n[i]!++;
  }
  return sum.map((s, i) => (n[i]! > 0 ? s / n[i]! : null));
}

/** The plan's mean wait per hour over all services: each service's simulated mean, weighted by its arrivals. */
export function plannedHourlyWaits(plan: PlanResult): Array<number | null> {
  return plan.intervals.map((_, i) => {
    let w = 0;
    let n = 0;
    for (const s of plan.services) {
      const f = plan.perService[s.prefix]![i]!;
      if (!f.sim || f.arrivals === 0) continue;
      w += f.arrivals * f.sim.meanWaitMinutes.value;
      n += f.arrivals;
    }
    return n > 0 ? w / n : null;
  });
}

export interface HourRow {
  hour: string;
  /** The plan's simulated mean wait, minutes. */
  planned: number;
  /** Week 9's mean wait in this hour: the mean over its open days of each day's hourly mean. */
  actual: number;
  /** The planned day's own hourly mean (one day: its noise is the day's, not the plan's). */
  day: number;
  /** Day-to-day standard deviation of an hour's mean wait over the open days of weeks 1–8. */
  spread: number;
  /** Standard error of week 9's mean: spread / √(its open days). */
  standardError: number;
}

export interface Validation {
  date: string;
  plan: PlanResult;
  /** Open days of week 9 averaged. */
  week: string[];
  hours: HourRow[];
  /** Mean over the hours of |planned − actual|, minutes. */
  meanAbsError: number;
  /** Σ|planned − actual| / Σ actual. */
  relativeError: number;
  /** Largest |planned − actual| / standardError over the hours. */
  maxZ: number;
  /** The same two against the planned day alone. */
  dayMeanAbsError: number;
  dayRelativeError: number;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Plans `date` — the Monday opening week 9, so everything before it is weeks 1–8 — hour by hour
 * with the office's staffing, and compares each hour's simulated mean wait with week 9's. The
 * synthetic office has no weekday effect (every open day is drawn from the same profile), so all
 * of week 9's open days measure the same expected day and their mean is a five-times steadier
 * yardstick than the Monday alone; the Monday alone is reported too.
 */
export function validate(
  db: Database.Database,
  office: OfficeConfig,
  date: string,
  runs: number,
  seed = 1,
): Validation {
  const request = planRequestFor(
    db,
    office,
    { officers: officeStaffing(office) },
    { date, intervalMinutes: 60, runs, seed },
  );
  const plan = makePlan(request);
  const planned = plannedHourlyWaits(plan);
  const open = (from: string, days: number) =>
    Array.from({ length: days }, (_, k) => addDays(from, k)).filter((d) => isOpenDay(office.sessions, d));
  const week = open(date, 7);
  const learned = open(addDays(date, -56), 56);
  const waits = (days: string[]) => days.map((d) => actualHourlyWaits(db, office, d, plan.intervals));
  const weekWaits = waits(week);
  const pastWaits = waits(learned);
  const [dayWaits] = weekWaits;
  const hours: HourRow[] = [];
  plan.intervals.forEach((hour, i) => {
    const p = planned[i];
    const xs = weekWaits.map((w) => w[i]).filter((x): x is number => typeof x === 'number');
    const past = pastWaits.map((w) => w[i]).filter((x): x is number => typeof x === 'number');
    const day = dayWaits?.[i];
    if (typeof p !== 'number' || typeof day !== 'number' || xs.length === 0 || past.length < 2) return;
    const m = mean(past);
    const spread = Math.sqrt(past.reduce((s, x) => s + (x - m) ** 2, 0) / (past.length - 1));
    hours.push({
      hour,
      planned: p,
      actual: mean(xs),
      day,
      spread,
      standardError: spread / Math.sqrt(xs.length),
    });
  });
  const err = hours.map((h) => Math.abs(h.planned - h.actual));
  const dayErr = hours.map((h) => Math.abs(h.planned - h.day));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    date,
    plan,
    week,
    hours,
    meanAbsError: mean(err),
    relativeError: sum(err) / sum(hours.map((h) => h.actual)),
    maxZ: Math.max(...hours.map((h, i) => err[i]! / h.standardError)),
    dayMeanAbsError: mean(dayErr),
    dayRelativeError: sum(dayErr) / sum(hours.map((h) => h.day)),
  };
}
