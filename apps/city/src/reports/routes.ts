/**
 * The city's report routes (docs/city.md, "Reports"). Queries are checked with the protocol's zod
 * schemas; a refused one is a 400 (404 for an office or a place the city does not have) whose
 * reason reads in Vietnamese and English, with a code to branch on, as at the hub.
 *
 *   GET /api/reports?from&to&province&commune&office&service             across offices (JSON)
 *   GET /api/exports/report.xlsx?(same)                                   every view, one sheet each
 *   GET /api/exports/report.csv?view=office|commune|province|service|officer&(same)
 *   GET /api/offices/:office/report?from&to&service&counter&officer&compare   one office, as its hub answers
 *   GET /api/offices/:office/report.xlsx?(same)                           as the hub's workbook
 *   GET /api/exports/ratings.json|csv|xlsx?from&to&province&commune&office&service   the ratings export
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { localTime } from '@luot/core';
import {
  CITY_REPORT_QUERY_ERRORS,
  CityReportQuerySchema,
  ReportQuerySchema,
  checkReportRange,
  type CityReportFilter,
  type CityReportQueryError,
} from '@luot/protocol';
import { tableCsv, type RangeFilter } from '@luot/reports';
import type { Pool } from '../db.js';
import { cityReport } from './city-report.js';
import { officeReport } from './office-report.js';
import { ratingsCsv, ratingsWorkbook } from './ratings-files.js';
import { ratingsExport } from './ratings.js';
import { officesInScope, type ReportOffice } from './scope.js';
import { cityTable } from './tables.js';

/** The city's default day: today in Vietnam (each office's own zone counts its figures). */
const CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class Refusal extends Error {
  constructor(readonly code: CityReportQueryError) {
    super(code);
  }
}

function refuse(reply: FastifyReply, code: CityReportQueryError) {
  const message = CITY_REPORT_QUERY_ERRORS[code];
  const status = code === 'BAD_OFFICE' || code === 'NO_OFFICES' ? 404 : 400;
  return reply.code(status).send({ error: `${message.vi} / ${message.en}`, code, message });
}

/** The first zod issue's message is the error code (the schemas say so); anything else is BAD_QUERY. */
function issueCode(issues: ReadonlyArray<{ message: string }>): CityReportQueryError {
  const code = issues[0]?.message ?? '';
  return (code in CITY_REPORT_QUERY_ERRORS ? code : 'BAD_QUERY') as CityReportQueryError;
}

export interface ReportRouteOptions {
  /** The clock that says which day is today (tests pin it). */
  now?: () => number;
}

/** The routes in a scope of their own, so their error handler is theirs alone. */
export function registerReportRoutes(app: FastifyInstance, pool: Pool, opts: ReportRouteOptions = {}): void {
  void app.register(async (scope) => reportRoutes(scope, pool, opts.now ?? Date.now));
}

function reportRoutes(app: FastifyInstance, pool: Pool, now: () => number): void {
  /** A query across offices: the filter and the offices in scope, or a Refusal. */
  const across = async (query: unknown) => {
    const parsed = CityReportQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw new Refusal(issueCode(parsed.error.issues));
    const q = parsed.data;
    const to = q.to ?? localTime(now(), CITY_TIME_ZONE).day;
    const from = q.from ?? to;
    const range = checkReportRange(from, to);
    if (range) throw new Refusal(range);
    const offices = await officesInScope(pool, q);
    if (offices.length === 0) throw new Refusal(q.office ? 'BAD_OFFICE' : 'NO_OFFICES');
    const filter: CityReportFilter = { from, to };
    if (q.province !== undefined) filter.province = q.province;
    if (q.commune !== undefined) filter.commune = q.commune;
    if (q.office !== undefined) filter.office = q.office;
    if (q.service !== undefined) filter.service = q.service;
    return { filter, offices, view: q.view };
  };

  /** A query of one office's report, checked against that office's configuration as its hub would. */
  const ofOffice = async (officeId: string, query: unknown) => {
    const offices = /^[a-z0-9][a-z0-9-]{0,62}$/.test(officeId)
      ? await officesInScope(pool, { office: officeId })
      : [];
    const office: ReportOffice | undefined = offices[0];
    if (!office?.config) throw new Refusal('BAD_OFFICE');
    const config = office.config;
    const parsed = ReportQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw new Refusal(issueCode(parsed.error.issues));
    const q = parsed.data;
    const to = q.to ?? localTime(now(), config.sessions.timeZone).day;
    const from = q.from ?? to;
    const range = checkReportRange(from, to);
    if (range) throw new Refusal(range);
    if (q.service !== undefined && !config.services.some((s) => s.prefix === q.service)) {
      throw new Refusal('BAD_SERVICE');
    }
    if (q.counter !== undefined && !config.counters.some((c) => c.number === q.counter)) {
      throw new Refusal('BAD_COUNTER');
    }
    const filter: RangeFilter = { from, to, service: q.service, counter: q.counter, officer: q.officer };
    return { office, config, filter, compare: q.compare, view: q.view };
  };

  // Every route answers a Refusal as its 400/404; anything else is Fastify's 500.
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof Refusal) return refuse(reply, err.code);
    return reply.send(err);
  });

  const attachment = (reply: FastifyReply, type: string, name: string) =>
    reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`);
  const stem = (f: { from: string; to: string }, what: string) => `luot-${what}-${f.from}-${f.to}`;

  app.get('/api/reports', async (req) => {
    const { filter, offices } = await across(req.query);
    return cityReport(pool, offices, filter, now());
  });

  app.get('/api/exports/report.xlsx', async (req, reply) => {
    const { filter, offices } = await across(req.query);
    const report = await cityReport(pool, offices, filter, now());
    const { cityReportWorkbook } = await import('./xlsx.js');
    const name = filter.office ? (offices[0]?.name ?? null) : null;
    return attachment(reply, XLSX, `${stem(filter, 'bao-cao-thanh-pho')}.xlsx`).send(
      await cityReportWorkbook(report, name),
    );
  });

  app.get('/api/exports/report.csv', async (req, reply) => {
    const { filter, offices, view = 'office' } = await across(req.query);
    const table = cityTable(await cityReport(pool, offices, filter, now()), view);
    return attachment(
      reply,
      'text/csv; charset=utf-8',
      `${stem(filter, 'bao-cao-thanh-pho')}-${view}.csv`,
    ).send(tableCsv(table.columns, [...table.rows, table.total]));
  });

  app.get<{ Params: { office: string } }>('/api/offices/:office/report', async (req) => {
    const q = await ofOffice(req.params.office, req.query);
    return officeReport(pool, q.office.id, q.config, q.filter, q.compare, now());
  });

  app.get<{ Params: { office: string } }>('/api/offices/:office/report.xlsx', async (req, reply) => {
    const q = await ofOffice(req.params.office, req.query);
    const response = await officeReport(pool, q.office.id, q.config, q.filter, q.compare, now());
    const { reportWorkbook } = await import('@luot/reports/xlsx');
    return attachment(reply, XLSX, `${stem(q.filter, `bao-cao-${q.office.id}`)}.xlsx`).send(
      await reportWorkbook(response, q.config),
    );
  });

  for (const format of ['json', 'csv', 'xlsx'] as const) {
    app.get(`/api/exports/ratings.${format}`, async (req, reply) => {
      const { filter, offices } = await across(req.query);
      const x = await ratingsExport(pool, offices, filter, now());
      const name = stem(filter, 'danh-gia');
      if (format === 'json') return x;
      if (format === 'csv')
        return attachment(reply, 'text/csv; charset=utf-8', `${name}.csv`).send(ratingsCsv(x));
      return attachment(reply, XLSX, `${name}.xlsx`).send(await ratingsWorkbook(x));
    });
  }
}
