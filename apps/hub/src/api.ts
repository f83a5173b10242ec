import type { IncomingMessage, ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { sha256 } from './auth.js';
import type { LoadedConfig } from './config.js';
import type { Engine } from './engine.js';
import type { Store } from './store.js';

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}

function supervisor(req: IncomingMessage, config: LoadedConfig): boolean {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  const device = m ? config.devicesByTokenHash.get(sha256(m[1]!)) : undefined;
  return device?.role === 'supervisor';
}

/**
 * One day's figures for the office's report: per service, per counter and per officer. A ticket
 * counts under the service it was issued for (its number), even if it was transferred later;
 * `transferred` says how many of them were (to another service or counter).
 */
export function dayReport(db: Database.Database, day: string) {
  const byService = db
    .prepare(
      `SELECT issued_service AS service, COUNT(*) AS issued,
         SUM(status = 'done') AS done, SUM(status = 'no_show') AS noShow, SUM(status = 'cancelled') AS cancelled,
         SUM(transfers > 0) AS transferred,
         ROUND(AVG(CASE WHEN first_called_at IS NOT NULL THEN (first_called_at - issued_at) / 60000.0 END), 1) AS avgWaitMin,
         ROUND(AVG(CASE WHEN status = 'done' THEN (finished_at - COALESCE(serving_at, called_at)) / 60000.0 END), 1) AS avgServiceMin
       FROM tickets WHERE day = ? GROUP BY issued_service ORDER BY issued_service`,
    )
    .all(day);
  const byOfficer = db
    .prepare(
      `SELECT t.officer_id AS officerId, t.counter, COUNT(*) AS served,
         ROUND(AVG((t.finished_at - COALESCE(t.serving_at, t.called_at)) / 60000.0), 1) AS avgServiceMin,
         SUM(r.score IS NOT NULL) AS rated, ROUND(AVG(r.score), 2) AS avgScore
       FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id
       WHERE t.day = ? AND t.status = 'done' GROUP BY t.officer_id, t.counter ORDER BY t.counter`,
    )
    .all(day);
  const ratings = db
    .prepare(
      `SELECT score, COUNT(*) AS count FROM ratings r JOIN tickets t ON t.id = r.ticket_id
       WHERE t.day = ? GROUP BY score ORDER BY score`,
    )
    .all(day);
  return { day, byService, byOfficer, ratings };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The hub's small HTTP API: health for monitoring, state and reports for supervisors, the phone page's data. */
export function api(engine: Engine, store: Store, config: LoadedConfig, startedAt: number) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (!url.pathname.startsWith('/api/')) return false;
    if (req.method !== 'GET') return json(res, 405, { error: 'method not allowed' });
    if (url.pathname === '/api/health') {
      return json(res, 200, {
        ok: true,
        day: engine.state.day,
        seq: engine.seq,
        level: engine.state.level,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        memoryMb: Object.fromEntries(
          Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 104857.6) / 10]),
        ),
      });
    }
    const ticket = /^\/api\/tickets\/by-token\/([\w-]{10,64})$/.exec(url.pathname);
    if (ticket) {
      const id = store.ticketOfToken(ticket[1]!);
      const watch = id ? engine.watch(id) : null;
      return watch ? json(res, 200, watch) : json(res, 404, { error: 'not found' });
    }
    if (!supervisor(req, config)) return json(res, 401, { error: 'supervisor token required' });
    const day = url.searchParams.get('date') ?? engine.state.day;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return json(res, 400, { error: 'date must be YYYY-MM-DD' });
    if (url.pathname === '/api/state') return json(res, 200, engine.snapshot());
    if (url.pathname === '/api/reports/day') return json(res, 200, dayReport(store.db, day));
    if (url.pathname === '/api/exports/tickets.csv') {
      const rows = store.db
        .prepare(
          `SELECT t.number, t.service, t.priority, t.status, t.issued_at, t.called_at, t.finished_at, t.counter,
             t.officer_id, t.transfers, t.outcome, r.score AS rating
           FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.day = ? ORDER BY t.issued_at`,
        )
        .all(day) as Array<Record<string, unknown>>;
      const cols = [
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
      ];
      // Local office time, as people read it in a spreadsheet: 2026-11-30 09:05:12.
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: config.office.sessions.timeZone,
        dateStyle: 'short',
        timeStyle: 'medium',
      });
      const iso = (v: unknown) => (typeof v === 'number' ? local.format(v) : v);
      const body = [
        cols.join(','),
        ...rows.map((r) => cols.map((c) => csvCell(c.endsWith('_at') ? iso(r[c]) : r[c])).join(',')),
      ].join('\n');
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="luot-${day}.csv"`,
      });
      res.end('\uFEFF' + body + '\n'); // BOM: Excel opens Vietnamese CSV correctly
      return true;
    }
    return json(res, 404, { error: 'not found' });
  };
}
