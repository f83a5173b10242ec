import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LoadedConfig } from '../config.js';
import type { Engine } from '../engine/engine.js';
import type { Reports } from '../storage/reports.js';
import type { Store } from '../storage/store.js';
import { localMidnight } from '@luot/core';
import { ticketWatch } from '../transport/phone.js';
import type { PlanRunner } from '../planning/runner.js';
import { registerPlanRoutes } from './plan-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { requireSupervisor } from './supervisor-auth.js';
import type { UplinkStatus } from '../uplink/uplink.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The CSV export's columns, in order; `*_at` columns are written as local office time. */
const CSV_COLUMNS = [
  'number',
  'service',
  'priority',
  'status',
  'issued_at',
  'called_at',
  'finished_at',
  'counter',
  'officer_id',
  'transfers',
  'outcome',
  'rating',
  'print',
  'print_fault',
] as const;

/**
 * One CSV cell. Text that begins with = + - @ (or a tab or carriage return, which some spreadsheets
 * skip before looking) would run as a formula when the export is opened — a note such as
 * `=HYPERLINK(…)` could send the office's data elsewhere — so it gets a leading ' as OWASP's CSV
 * injection guidance says: the spreadsheet shows the text and runs nothing. Numbers are left alone:
 * they are data, and a count must stay a number.
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export interface ApiDeps {
  engine: Engine;
  store: Store;
  reports: Reports;
  config: LoadedConfig;
  /** Makes staffing plans off the event loop (`POST /api/plan`). */
  planner: PlanRunner;
  startedAt: number;
  /** The city uplink's state and lag; null without one (docs/city.md). */
  uplinkStatus?: () => UplinkStatus | null;
}

/**
 * The hub's HTTP API: health for monitoring, the phone page's data, and state, reports and exports
 * for supervisors (their device's token and a signed-in session: `requireSupervisor`).
 */
export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  const { engine, store, reports, config } = deps;

  app.get('/api/health', async () => ({
    ok: true,
    day: engine.state.day,
    seq: engine.seq,
    level: engine.state.level,
    uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    uplink: deps.uplinkStatus?.() ?? null,
    memoryMb: Object.fromEntries(
      Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 104857.6) / 10]),
    ),
  }));

  app.get<{ Params: { token: string } }>('/api/tickets/by-token/:token', async (req, reply) => {
    const token = req.params.token;
    const id = /^[\w-]{10,64}$/.test(token) ? store.ticketOfToken(token) : null;
    const watch = id ? ticketWatch(engine.config, engine.state, id) : null;
    return watch ?? reply.code(404).send({ error: 'not found' });
  });

  // Everything below is for supervisors only.
  app.register(async (supervisor) => {
    supervisor.addHook('onRequest', requireSupervisor(engine, config));
    const dayOf = (req: FastifyRequest<{ Querystring: { date?: string } }>) =>
      req.query.date ?? engine.state.day;
    const badDate = { error: 'date must be YYYY-MM-DD' };

    supervisor.get('/api/state', async () => engine.snapshot());
    registerReportRoutes(supervisor, { reports: reports.range, config, today: () => engine.state.day });
    registerPlanRoutes(supervisor, {
      config,
      store,
      runner: deps.planner,
      today: () => engine.state.day,
      level: () => engine.state.level,
    });

    // The audit log between two office-local days (both included; default: today), newest first.
    supervisor.get<{ Querystring: { from?: string; to?: string } }>('/api/audit', async (req, reply) => {
      const from = req.query.from ?? engine.state.day;
      const to = req.query.to ?? from;
      if (!DATE.test(from) || !DATE.test(to) || from > to)
        return reply.code(400).send({ error: 'from and to must be YYYY-MM-DD, from ≤ to' });
      const tz = config.office.sessions.timeZone;
      const names = new Map(config.hub.officers.map((o) => [o.id, o.name]));
      const entries = store.supervisors
        .auditLog(localMidnight(from, tz), localMidnight(nextDay(to), tz))
        .map((e) => ({ ...e, officerName: e.officerId ? (names.get(e.officerId) ?? null) : null }));
      return { from, to, entries };
    });

    supervisor.get<{ Querystring: { date?: string } }>('/api/reports/day', async (req, reply) => {
      const day = dayOf(req);
      return DATE.test(day) ? reports.day(day) : reply.code(400).send(badDate);
    });

    supervisor.get<{ Querystring: { date?: string } }>('/api/exports/tickets.csv', async (req, reply) => {
      const day = dayOf(req);
      if (!DATE.test(day)) return reply.code(400).send(badDate);
      // Local office time, as people read it in a spreadsheet: 2026-11-30 09:05:12.
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: config.office.sessions.timeZone,
        dateStyle: 'short',
        timeStyle: 'medium',
      });
      const rows = reports.tickets(day).map((r) =>
        CSV_COLUMNS.map((c) => {
          const v = r[c];
          return csvCell(c.endsWith('_at') && typeof v === 'number' ? local.format(v) : v);
        }).join(','),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="luot-${day}.csv"`)
        .send('\uFEFF' + [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n'); // BOM: Excel reads Vietnamese right
    });
  });
}

/** The calendar day after a YYYY-MM-DD date. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
