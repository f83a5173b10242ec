import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LoadedConfig } from '../config.js';
import type { Engine } from '../engine/engine.js';
import { csvCell } from '@luot/reports';
import type { Reports } from '../storage/reports.js';
import type { Store } from '../storage/store.js';
import { localMidnight } from '@luot/core';
import { ticketWatch } from '../transport/phone.js';
import type { PlanRunner } from '../planning/runner.js';
import { registerPlanRoutes } from './plan-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { LogGateway, type SmsGateway } from '@luot/sms';
import { registerDevSms } from './dev-sms.js';
import type { BookingService } from '../bookings/service.js';
import { registerBookingRoutes } from './booking-routes.js';
import { doc } from './openapi.js';
import { publicLimit } from './public-limits.js';
import { requireSupervisor } from './supervisor-auth.js';
import type { UplinkStatus } from '../uplink/uplink.js';
import { z } from 'zod';
import { BookingReportSchema } from '@luot/protocol';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The same, for the API's description. */
const DAY = z.string().regex(DATE);

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
  // The booking's slot for a booked ticket (local time), empty for a walk-in.
  'booking_slot_at',
] as const;

/** One CSV cell (formulas neutralised): the reports' own, shared with the city. */
export { csvCell };

export interface ApiDeps {
  engine: Engine;
  store: Store;
  reports: Reports;
  config: LoadedConfig;
  /** Makes staffing plans off the event loop (`POST /api/plan`). */
  planner: PlanRunner;
  /** Text messages; with the log gateway, `/dev/sms` shows what was sent. */
  sms: SmsGateway;
  /** Online numbers: the booking page's API and the import API (docs/bookings.md). */
  bookings: BookingService;
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

  app.get(
    '/api/health',
    { schema: doc({ summary: "The hub's day, last event, city uplink and memory", tags: ['hub'] }) },
    async () => ({
      ok: true,
      day: engine.state.day,
      seq: engine.seq,
      level: engine.state.level,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      uplink: deps.uplinkStatus?.() ?? null,
      memoryMb: Object.fromEntries(
        Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 104857.6) / 10]),
      ),
    }),
  );

  app.get<{ Params: { token: string } }>(
    '/api/tickets/by-token/:token',
    {
      onRequest: publicLimit(config.hub.publicRequestsPerMinute),
      schema: doc({
        summary: "A ticket's phone page: its place, wait and counter (the QR code's token)",
        tags: ['phone'],
        params: z.object({ token: z.string().regex(/^[\w-]{10,64}$/) }),
      }),
    },
    async (req, reply) => {
      const token = req.params.token;
      const id = /^[\w-]{10,64}$/.test(token) ? store.ticketOfToken(token) : null;
      const watch = id ? ticketWatch(engine.config, engine.state, id) : null;
      return watch ?? reply.code(404).send({ error: 'not found' });
    },
  );

  registerBookingRoutes(app, { bookings: deps.bookings, config });

  if (deps.sms instanceof LogGateway)
    registerDevSms(app, deps.sms, {
      name: config.office.office.name.vi,
      timeZone: config.office.sessions.timeZone,
    });

  // Everything below is for supervisors only.
  app.register(async (supervisor) => {
    supervisor.addHook('onRequest', requireSupervisor(engine, config));
    const dayOf = (req: FastifyRequest<{ Querystring: { date?: string } }>) =>
      req.query.date ?? engine.state.day;
    const badDate = { error: 'date must be YYYY-MM-DD' };

    supervisor.get(
      '/api/state',
      { schema: doc({ summary: 'The whole day as the screens mirror it', tags: ['hub'], supervisor: true }) },
      async () => engine.snapshot(),
    );
    registerReportRoutes(supervisor, { reports: reports.range, config, today: () => engine.state.day });
    registerPlanRoutes(supervisor, {
      config,
      store,
      runner: deps.planner,
      today: () => engine.state.day,
      level: () => engine.state.level,
    });

    // The audit log between two office-local days (both included; default: today), newest first.
    supervisor.get<{ Querystring: { from?: string; to?: string } }>(
      '/api/audit',
      {
        schema: doc({
          summary: 'The audit log between two office-local days (default today), newest first',
          tags: ['supervisor'],
          query: z.object({ from: DAY.optional(), to: DAY.optional() }),
          supervisor: true,
        }),
      },
      async (req, reply) => {
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
      },
    );

    supervisor.get<{ Querystring: { from?: string; to?: string } }>(
      '/api/reports/bookings',
      {
        schema: doc({
          summary: 'Bookings per day and service by what became of them (default today); counts only',
          tags: ['reports', 'bookings'],
          query: z.object({ from: DAY.optional(), to: DAY.optional() }),
          response: BookingReportSchema,
          supervisor: true,
        }),
      },
      async (req, reply) => {
        const from = req.query.from ?? engine.state.day;
        const to = req.query.to ?? from;
        if (!DATE.test(from) || !DATE.test(to) || from > to)
          return reply.code(400).send({ error: 'from and to must be YYYY-MM-DD, from ≤ to' });
        return deps.bookings.report(from, to);
      },
    );

    supervisor.get<{ Querystring: { date?: string } }>(
      '/api/reports/day',
      {
        schema: doc({
          summary: "One day's figures per service, officer and rating (default today)",
          tags: ['reports'],
          query: z.object({ date: DAY.optional() }),
          supervisor: true,
        }),
      },
      async (req, reply) => {
        const day = dayOf(req);
        return DATE.test(day) ? reports.day(day, config.office) : reply.code(400).send(badDate);
      },
    );

    supervisor.get<{ Querystring: { date?: string } }>(
      '/api/exports/tickets.csv',
      {
        schema: doc({
          summary: 'Every ticket of a day as CSV (default today)',
          tags: ['reports'],
          query: z.object({ date: DAY.optional() }),
          response: { file: 'text/csv' },
          supervisor: true,
        }),
      },
      async (req, reply) => {
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
      },
    );
  });
}

/** The calendar day after a YYYY-MM-DD date. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
