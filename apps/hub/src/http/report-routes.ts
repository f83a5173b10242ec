import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  REPORT_QUERY_ERRORS,
  ReportQuerySchema,
  ReportResponseSchema,
  checkReportRange,
  type ReportQueryError,
  type ReportCsvView,
} from '@luot/protocol';
import type { LoadedConfig } from '../config.js';
import type { RangeReports } from '../storage/reports/report.js';
import type { ScanFilter } from '../storage/reports/scan.js';
import { csvTable, tableCsv } from '@luot/reports';
import { doc } from './openapi.js';

export interface ReportRouteDeps {
  reports: RangeReports;
  config: LoadedConfig;
  /** The hub's current office day (YYYY-MM-DD): the default range, and not over yet. */
  today: () => string;
}

type Resolved =
  { error: ReportQueryError } | { filter: ScanFilter; compare: boolean; view?: ReportCsvView | undefined };

/** A 400 whose reason reads in Vietnamese and English, with the code the console can branch on. */
function refuse(reply: FastifyReply, code: ReportQueryError) {
  const message = REPORT_QUERY_ERRORS[code];
  return reply.code(400).send({ error: `${message.vi} / ${message.en}`, code, message });
}

/**
 * Reports over any range of days for supervisors (docs/reports.md): the figures as JSON, the XLSX
 * workbook, and one CSV per view. Registered inside the API's supervisor scope, so its token check
 * applies to every route here.
 *
 *   GET /api/reports?from&to&service&counter&officer&compare=1
 *   GET /api/exports/report.xlsx?(same)
 *   GET /api/exports/report.csv?view=service|counter|officer|hour|day&(same)
 */
export function registerReportRoutes(app: FastifyInstance, deps: ReportRouteDeps): void {
  const { reports, config } = deps;
  const office = config.office;
  const officerNames = new Map(config.hub.officers.map((o) => [o.id, o.name]));

  /** The query checked and resolved (dates defaulted to today), or the reason it is refused. */
  const resolve = (query: unknown): Resolved => {
    const parsed = ReportQuerySchema.safeParse(query ?? {});
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.message ?? '';
      return { error: (code in REPORT_QUERY_ERRORS ? code : 'BAD_QUERY') as ReportQueryError };
    }
    const q = parsed.data;
    const to = q.to ?? deps.today();
    const from = q.from ?? to;
    const range = checkReportRange(from, to);
    if (range) return { error: range };
    if (q.service !== undefined && !office.services.some((s) => s.prefix === q.service)) {
      return { error: 'BAD_SERVICE' };
    }
    if (q.counter !== undefined && !office.counters.some((c) => c.number === q.counter)) {
      return { error: 'BAD_COUNTER' };
    }
    const filter: ScanFilter = { from, to, service: q.service, counter: q.counter, officer: q.officer };
    return { filter, compare: q.compare, view: q.view };
  };
  const respond = (filter: ScanFilter, compare: boolean) =>
    reports.respond(filter, { office, officerNames, today: deps.today() }, compare);
  const fileName = (f: ScanFilter, ext: string, view?: ReportCsvView) =>
    `luot-bao-cao-${f.from}-${f.to}${view ? `-${view}` : ''}.${ext}`;

  app.get(
    '/api/reports',
    {
      schema: doc({
        summary: 'A report over any range of days, with filters, charts and the previous period',
        tags: ['reports'],
        query: ReportQuerySchema,
        response: ReportResponseSchema,
        supervisor: true,
      }),
    },
    async (req, reply) => {
      const q = resolve(req.query);
      if ('error' in q) return refuse(reply, q.error);
      return respond(q.filter, q.compare);
    },
  );

  app.get(
    '/api/exports/report.xlsx',
    {
      schema: doc({
        summary: 'The same report as an Excel workbook, one sheet per view',
        tags: ['reports'],
        query: ReportQuerySchema,
        response: { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        supervisor: true,
      }),
    },
    async (req, reply) => {
      const q = resolve(req.query);
      if ('error' in q) return refuse(reply, q.error);
      // Loaded on first use: exceljs and its dependencies would add megabytes to every hub's memory.
      const { reportWorkbook } = await import('@luot/reports/xlsx');
      const xlsx = await reportWorkbook(await respond(q.filter, q.compare), office);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName(q.filter, 'xlsx')}"`)
        .send(xlsx);
    },
  );

  app.get(
    '/api/exports/report.csv',
    {
      schema: doc({
        summary: 'One view of the report as CSV (UTF-8 with BOM, Vietnamese headers)',
        tags: ['reports'],
        query: ReportQuerySchema,
        response: { file: 'text/csv' },
        supervisor: true,
      }),
    },
    async (req, reply) => {
      const q = resolve(req.query);
      if ('error' in q) return refuse(reply, q.error);
      const view = q.view ?? 'service';
      const table = csvTable((await respond(q.filter, false)).current, view);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(q.filter, 'csv', view)}"`)
        .send(tableCsv(table.columns, [...table.rows, table.total]));
    },
  );
}
