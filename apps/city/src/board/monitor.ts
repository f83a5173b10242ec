/**
 * One office's read-only monitor at the city: its counters, its lines per service and its hall, as
 * the supervisor console's monitor shows them at the office — read from the city's projections of
 * the office's latest day (not a replay of its events), with the office's configuration for names,
 * capacities and which counter calls which service.
 */
import type { OfficeConfig } from '@luot/core';
import { OfficeMonitorSchema, type OfficeMonitor } from '@luot/protocol';
import type { Pool } from '../db.js';
import { officeSummaries } from './summaries.js';

interface CounterRow {
  number: number;
  status: 'open' | 'paused' | 'offline' | 'closed';
  officer_name: string | null;
  pause_reason: string | null;
  closed_reason: string | null;
  closed_by_supervisor: boolean;
  services: string[] | null;
  current_number: string | null;
  current_since: number | null;
  served: number;
}

interface LineRow {
  service: string;
  zone: string;
  status: 'waiting' | 'outside' | 'called' | 'serving';
  n: number;
  people: number;
  longest_since: number;
}

/** The office's monitor, or null when no such office is registered. */
export async function officeMonitor(pool: Pool, officeId: string): Promise<OfficeMonitor | null> {
  const [office] = await officeSummaries(pool, [officeId]);
  if (!office) return null;
  const [{ rows: cfg }, { rows: days }] = await Promise.all([
    pool.query<{ config: OfficeConfig }>(
      'SELECT config FROM office_configs WHERE office_id = $1 ORDER BY from_seq DESC LIMIT 1',
      [officeId],
    ),
    pool.query<{ notice: string | null; closed: boolean }>(
      'SELECT notice, closed FROM office_days WHERE office_id = $1 AND day = $2::date',
      [officeId, office.day],
    ),
  ]);
  const config = cfg[0]?.config;
  const base = { office, notice: days[0]?.notice ?? null, closed: days[0]?.closed ?? false, now: Date.now() };
  if (!config || !office.day)
    return OfficeMonitorSchema.parse({ ...base, counters: [], services: [], zones: [] });

  const [{ rows: counterRows }, { rows: lines }] = await Promise.all([
    pool.query<CounterRow>(
      `SELECT k.number, k.status, k.officer_name, k.pause_reason, k.closed_reason, k.closed_by_supervisor,
              k.services, t.number AS current_number, COALESCE(t.serving_at, t.called_at) AS current_since,
              (SELECT count(*)::int FROM tickets d
               WHERE d.office_id = k.office_id AND d.day = k.day AND d.counter = k.number AND d.status = 'done') AS served
       FROM counters k LEFT JOIN tickets t ON t.office_id = k.office_id AND t.id = k.current_ticket
       WHERE k.office_id = $1 AND k.day = $2::date`,
      [officeId, office.day],
    ),
    pool.query<LineRow>(
      `SELECT service, zone, status, count(*)::int AS n, sum(party)::int AS people, min(issued_at) AS longest_since
       FROM tickets WHERE office_id = $1 AND day = $2::date AND status IN ('waiting', 'outside', 'called', 'serving')
       GROUP BY service, zone, status`,
      [officeId, office.day],
    ),
  ]);

  const level = (office.level ?? config.initialLevel) as 1 | 2 | 3 | 4;
  const closedAtLevel = new Set(config.levels[level].closedCounters);
  const byNumber = new Map(counterRows.map((r) => [r.number, r]));
  const counters = config.counters.map((cc) => {
    const r = byNumber.get(cc.number);
    // A counter no event touched today has no row yet: signed out, as the day starts it.
    const status = r?.status ?? 'offline';
    // Who closed it, in the order the core's counterClosure gives.
    const closure = r?.closed_by_supervisor
      ? ('supervisor' as const)
      : closedAtLevel.has(cc.number)
        ? ('level' as const)
        : status === 'closed'
          ? ('officer' as const)
          : null;
    return {
      number: cc.number,
      status,
      closure,
      officer: r?.officer_name ?? null,
      pauseReason: r?.pause_reason ?? null,
      closedReason: r?.closed_reason ?? null,
      current:
        r?.current_number && r.current_since !== null
          ? { number: r.current_number, since: r.current_since }
          : null,
      servedToday: r?.served ?? 0,
      services: r?.services ?? cc.services,
    };
  });

  const services = config.services.map((s) => {
    const mine = lines.filter(
      (l) => l.service === s.prefix && (l.status === 'waiting' || l.status === 'outside'),
    );
    return {
      prefix: s.prefix,
      name: s.name,
      waiting: mine.reduce((a, l) => a + l.n, 0),
      longestSince: mine.length ? Math.min(...mine.map((l) => l.longest_since)) : null,
      openCounters: counters
        .filter((k) => k.status === 'open' && k.closure === null && k.services.includes(s.prefix))
        .map((k) => k.number),
    };
  });

  const zones = config.zones.map((z) => {
    const here = lines.filter((l) => l.zone === z.id);
    return {
      id: z.id,
      name: z.name,
      inHall: here.filter((l) => l.status !== 'outside').reduce((a, l) => a + l.people, 0),
      capacity: z.capacity[level],
      outside: here.filter((l) => l.status === 'outside').reduce((a, l) => a + l.n, 0),
    };
  });

  return OfficeMonitorSchema.parse({
    ...base,
    counters: counters.map(({ services: _s, ...k }) => k),
    services,
    zones,
  });
}
