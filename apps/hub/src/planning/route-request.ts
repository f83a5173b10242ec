import type { Level, OfficeConfig } from '@luot/core';
import { inSession, planIntervals, type PlanOfficer, type PlanRequest } from '@luot/planner';
import { dayProfile } from '@luot/sim';
import type { HubConfig } from '../config.js';

export interface PlanRequestOptions {
  date: string;
  level?: Level | undefined;
  intervalMinutes?: number | undefined;
  /** Officer ids on duty; absent: every officer of the configuration. */
  officers?: string[] | undefined;
  /** Arrivals multiplied by this (the what-if "30% more citizens" is 1.3). */
  arrivalsFactor?: number | undefined;
  runs?: number | undefined;
  seed?: number | undefined;
}

/**
 * A plan request from the configuration alone — the expected daily volumes of `dayProfile` spread
 * evenly over the session intervals — so the route works before the hub learns arrivals from its
 * own history. `planRequestFor` (apps/hub/src/planning/request.ts, learned from the store) replaces
 * it; it keeps the same options so the route's call changes and nothing else.
 */
export function buildPlanRequest(
  office: OfficeConfig,
  hub: HubConfig,
  opts: PlanRequestOptions,
): PlanRequest {
  const minutes = opts.intervalMinutes ?? 30;
  const factor = opts.arrivalsFactor ?? 1;
  const intervals = planIntervals(office, minutes);
  const open = intervals.map((start) => inSession(office, start, minutes));
  const openCount = open.filter(Boolean).length || 1;
  const { volume } = dayProfile(office);
  const arrivals = Object.fromEntries(
    office.services.map((s) => {
      const each = ((volume[s.prefix] ?? 0) * factor) / openCount;
      return [s.prefix, open.map((o) => (o ? each : 0))];
    }),
  );
  return {
    config: office,
    date: opts.date,
    ...(opts.level !== undefined ? { level: opts.level } : {}),
    intervalMinutes: minutes,
    arrivals,
    officers: planOfficers(office, hub, opts.officers),
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    source: { vi: 'cấu hình (lượng dự kiến mỗi ngày)', en: 'configuration (expected daily volumes)' },
  };
}

/**
 * The officers who can sit at a counter (supervisors run the console, not a counter), each with the
 * services of the counters of their agency — an officer of the land office serves land — or every
 * service when the configuration names no agency for them (or one no counter belongs to).
 */
export function planOfficers(office: OfficeConfig, hub: HubConfig, only?: string[]): PlanOfficer[] {
  const all = office.services.map((s) => s.prefix);
  return hub.officers
    .filter((o) => o.role !== 'supervisor' && (!only || only.includes(o.id)))
    .map((o) => {
      const agency = o.agency?.vi;
      const own = agency
        ? [...new Set(office.counters.filter((c) => c.agency.vi === agency).flatMap((c) => c.services))]
        : [];
      return { id: o.id, name: o.name, services: own.length > 0 ? own : all };
    });
}
