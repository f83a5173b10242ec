import type Database from 'better-sqlite3';
import type { Level, OfficeConfig } from '@luot/core';
import { learnPlanInputs, type PlanOfficer, type PlanRequest } from '@luot/planner';
import { officerSkills, type HubConfig } from '../config.js';
import { readHistory } from '../storage/history.js';
import { addDays } from '@luot/reports';
import type { Store } from '../storage/store.js';

export interface PlanFor {
  /** YYYY-MM-DD, the day planned. */
  date: string;
  level?: Level;
  /** [30] */
  intervalMinutes?: number;
  /** Ids of the officers on duty; absent: every officer of the configuration (not supervisors). */
  officers?: string[];
  /** What if more (1.3) or fewer citizens come than the history says [1]. */
  arrivalsFactor?: number;
  /** Same-weekday days learned from [8]. */
  weeks?: number;
  runs?: number;
  seed?: number;
}

/**
 * Weeks read beyond the `weeks` averaged: holidays are skipped when looking for the last eight
 * same-weekday open days, and a long one (Tết) takes a week or more.
 */
const SPARE_WEEKS = 4;

/**
 * The planner's request for a day of this hub's office: arrivals and visit times learned from the
 * hub's database (`learnPlanInputs`: the last 8 same-weekday open days, else the configuration),
 * the officers of the hub configuration with the services each can receive (`officerSkills`), on
 * duty their configured hours (the whole day when none are given). Read-only; `makePlan` does the rest. The `/api/plan` route and `npm run plan`
 * both build their request here, so the console and the command line plan the same day the same way.
 */
export function planRequestFor(
  source: Store | Database.Database,
  office: OfficeConfig,
  hub: Pick<HubConfig, 'officers'>,
  options: PlanFor,
): PlanRequest {
  const db = 'prepare' in source ? source : source.db;
  const weeks = options.weeks ?? 8;
  const rows = readHistory(db, addDays(options.date, -7 * (weeks + SPARE_WEEKS)), addDays(options.date, -1));
  const learned = learnPlanInputs(rows, office, {
    date: options.date,
    weeks,
    ...(options.intervalMinutes !== undefined ? { intervalMinutes: options.intervalMinutes } : {}),
  });

  const factor = options.arrivalsFactor ?? 1;
  if (!(factor >= 0) || !Number.isFinite(factor)) throw new RangeError(`arrivalsFactor ${factor}`);
  const arrivals = Object.fromEntries(
    Object.entries(learned.arrivals).map(([s, counts]) => [s, counts.map((n) => n * factor)]),
  );
  const source_ =
    factor === 1
      ? learned.source
      : {
          vi: `${learned.source.vi}, lượt đến × ${String(factor).replace('.', ',')}`,
          en: `${learned.source.en}, arrivals × ${factor}`,
        };

  // Supervisors may sign in at a counter, but the head of the office is not on the rota unless named.
  const chosen =
    options.officers === undefined
      ? hub.officers.filter((o) => o.role === 'officer')
      : options.officers.map((id) => {
          const o = hub.officers.find((x) => x.id === id);
          if (!o) throw new Error(`unknown officer ${id}`);
          return o;
        });
  const officers: PlanOfficer[] = chosen.map((o) => ({
    id: o.id,
    name: o.name,
    services: officerSkills(o, office),
    ...(o.hours ? { from: o.hours.from, to: o.hours.to } : {}),
  }));

  return {
    config: office,
    date: options.date,
    ...(options.level !== undefined ? { level: options.level } : {}),
    ...(options.intervalMinutes !== undefined ? { intervalMinutes: options.intervalMinutes } : {}),
    arrivals,
    serviceTimes: learned.serviceTimes,
    officers,
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    source: source_,
  };
}
