/**
 * Projections: the tables the board and reports read (office_days, tickets, counters, ratings),
 * kept from each office's events with @luot/core's own `applyEvent` — the very function the hub
 * runs — so a ticket's status and times at the city are the hub's by construction, not by a second
 * implementation that could drift.
 *
 * The day's state lives in memory between batches only as a cache: it is used when its seq is the
 * cursor's seq just read under the office's row lock (and its configuration the one in force), and
 * is otherwise rebuilt from the raw events of the day. So several city processes may ingest the
 * same office: correctness comes from PostgreSQL, the cache only saves a replay.
 */
import {
  applyEvent,
  createDay,
  type CounterState,
  type DayState,
  type OfficeConfig,
  type QueueEvent,
  type Ticket,
} from '@luot/core';
import type { HubEvent } from '@luot/protocol';
import type { PoolClient } from './db.js';
import { storeDayRows } from './reports/day-rows.js';

export interface LogEntry {
  seq: number;
  at: number;
  event: HubEvent;
}

interface DayCache {
  /** The last seq applied to `state`. */
  seq: number;
  /** The configuration in force (its from_seq) and its content. */
  configFrom: number;
  config: OfficeConfig;
  /** The current day, or null before the office's first day.opened. */
  state: DayState | null;
  openedSeq: number;
}

interface DayRow {
  day: string;
  level: number;
  closed: boolean;
  notice: string | null;
  opened_seq: number;
  last_seq: number;
}

/** Events that change no counter: every other one may (calls, closes, transfers, cancellations). */
const COUNTERLESS = new Set<string>([
  'ticket.issued',
  'ticket.admitted',
  'ticket.rated',
  'alert.acknowledged',
  'notice.set',
  'level.changed',
  'day.closed',
]);

export class Projector {
  private readonly cache = new Map<string, DayCache>();

  /** Forget every cached day (tests; after a rebuild). */
  clear(): void {
    this.cache.clear();
  }

  /**
   * Project `events` (consecutive, starting at lastSeq + 1) of an office inside the caller's
   * transaction, which holds the office's cursor row lock. Returns the day each event belongs to,
   * for the raw rows. The cache is updated only through `commit`, after the transaction commits.
   */
  async apply(
    c: PoolClient,
    officeId: string,
    lastSeq: number,
    events: readonly LogEntry[],
  ): Promise<{ days: (string | null)[]; commit: () => void }> {
    const first = events[0];
    if (!first) return { days: [], commit: () => undefined };
    // A statement of its own after the caller's row lock, not a subquery of it: in READ COMMITTED
    // its snapshot then includes a hello that committed while the lock was awaited.
    const configFrom = await configInForce(c, officeId, first.seq);
    // Taken out while we work: `applyEvent` changes the state in place, so a transaction that fails
    // half-way must not leave its half in the cache.
    const cached = this.cache.get(officeId);
    this.cache.delete(officeId);
    let day: DayCache;
    let rewriteDay = false;
    if (cached && cached.seq === lastSeq && cached.configFrom === configFrom) {
      day = cached;
    } else {
      day = await loadDay(c, officeId, lastSeq, configFrom);
      if (day.state) {
        const { rows } = await c.query<{ config_from: number }>(
          'SELECT config_from FROM office_days WHERE office_id = $1 AND day = $2',
          [officeId, day.state.day],
        );
        // The day was written with another configuration (the hub restarted with a new one): the
        // hub replays its day with the new one, and so do we, every row of it.
        rewriteDay = rows[0] !== undefined && rows[0].config_from !== configFrom;
      }
    }

    const { config } = day;
    const days: (string | null)[] = [];
    const tickets = new Map<string, Ticket>();
    const firstCalls = new Map<string, number>();
    const counters = new Map<string, { day: string; c: CounterState }>();
    const dayRows = new Map<string, DayRow>();
    const ratings: unknown[] = [];
    const markCounters = (s: DayState) => {
      for (const k of Object.values(s.counters)) counters.set(`${s.day}|${k.number}`, { day: s.day, c: k });
    };
    let state = day.state;
    let openedSeq = day.openedSeq;
    let prevSeq = lastSeq;
    if (state && rewriteDay) {
      for (const t of Object.values(state.tickets)) tickets.set(t.id, t);
      markCounters(state);
    }

    for (const entry of events) {
      const e = entry.event;
      if (e.type === 'day.opened') {
        // The day ending: its row as it ends, before the state object becomes the new day.
        if (state) dayRows.set(state.day, dayRow(state, openedSeq, prevSeq));
        state ??= createDay(config, e.day, e.level);
        openedSeq = entry.seq;
      }
      prevSeq = entry.seq;
      // Printer faults and anything before the office's first day are kept raw only.
      if (e.type === 'printer.status' || !state) {
        days.push(state?.day ?? null);
        continue;
      }
      const qe: QueueEvent = e;
      const changed = new Set<string>();
      applyEvent(state, qe, entry.at, config, changed);
      for (const id of changed) {
        const t = state.tickets[id];
        if (t) tickets.set(id, t);
      }
      if (qe.type === 'ticket.called' && !firstCalls.has(qe.ticketId)) firstCalls.set(qe.ticketId, entry.at);
      if (!COUNTERLESS.has(qe.type)) markCounters(state);
      if (qe.type === 'ticket.rated') {
        const t = state.tickets[qe.ticketId];
        ratings.push({
          seq: entry.seq,
          day: state.day,
          ticket_id: qe.ticketId,
          score: qe.score,
          reasons: qe.reasons,
          officer_id: t?.officerId ?? null,
          counter: t?.counter ?? null,
          service: t?.service ?? '',
          at: entry.at,
        });
      }
      days.push(state.day);
    }
    if (state) dayRows.set(state.day, dayRow(state, openedSeq, prevSeq));

    // Every projection in one statement (data-modifying CTEs all run, each to completion): one
    // round trip per batch whatever it changed. Each row appears once (the maps above), as a single
    // statement requires.
    await c.query(WRITE_PROJECTIONS, [
      officeId,
      JSON.stringify(ticketRows([...tickets.values()], firstCalls)),
      JSON.stringify(counterRows([...counters.values()])),
      JSON.stringify(ratings),
      JSON.stringify([...dayRows.values()]),
      configFrom,
    ]);
    // The report's stored text of each closed day this batch wrote, rewritten from its tickets now.
    await storeDayRows(c, officeId, [...dayRows.keys()]);
    const next: DayCache = { seq: prevSeq, configFrom, config, state, openedSeq };
    return { days, commit: () => this.cache.set(officeId, next) };
  }
}

function dayRow(s: DayState, openedSeq: number, lastSeq: number): DayRow {
  return {
    day: s.day,
    level: s.level,
    closed: s.closed,
    notice: s.notice?.text ?? null,
    opened_seq: openedSeq,
    last_seq: lastSeq,
  };
}

/** The from_seq of the configuration in force at `seq`: the last one sent at or before it. */
async function configInForce(c: PoolClient, officeId: string, seq: number): Promise<number> {
  const { rows } = await c.query<{ from_seq: number }>(
    'SELECT from_seq FROM office_configs WHERE office_id = $1 AND from_seq <= $2 ORDER BY from_seq DESC LIMIT 1',
    [officeId, seq],
  );
  const row = rows[0];
  if (!row) throw new Error(`office ${officeId} has sent no configuration (hello) for seq ${seq}`);
  return row.from_seq;
}

/** The office's current day as of `lastSeq`, replayed from its raw events with the configuration given. */
async function loadDay(
  c: PoolClient,
  officeId: string,
  lastSeq: number,
  configFrom: number,
): Promise<DayCache> {
  const { rows: cfg } = await c.query<{ config: OfficeConfig }>(
    'SELECT config FROM office_configs WHERE office_id = $1 AND from_seq = $2',
    [officeId, configFrom],
  );
  const config = cfg[0]!.config;
  const { rows: opened } = await c.query<{ seq: number }>(
    `SELECT seq FROM events WHERE office_id = $1 AND type = 'day.opened' AND seq <= $2
     ORDER BY seq DESC LIMIT 1`,
    [officeId, lastSeq],
  );
  const from = opened[0]?.seq;
  if (from === undefined) return { seq: lastSeq, configFrom, config, state: null, openedSeq: 0 };
  const { rows } = await c.query<{ at: number; data: HubEvent }>(
    'SELECT at, data FROM events WHERE office_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq',
    [officeId, from, lastSeq],
  );
  let state: DayState | null = null;
  for (const r of rows) {
    const e = r.data;
    if (e.type === 'printer.status') continue;
    if (e.type === 'day.opened') state ??= createDay(config, e.day, e.level);
    if (state) applyEvent(state, e, r.at, config);
  }
  return { seq: lastSeq, configFrom, config, state, openedSeq: from };
}

function ticketRows(tickets: Ticket[], firstCalls: Map<string, number>): unknown[] {
  return tickets.map((t) => ({
    id: t.id,
    day: t.day,
    number: t.number,
    service: t.service,
    issued_service: t.issuedService,
    priority: t.priority,
    party: t.party,
    zone: t.zone,
    status: t.status,
    issued_at: t.issuedAt,
    admitted_at: t.admittedAt,
    called_at: t.calledAt,
    first_called_at: firstCalls.get(t.id) ?? null,
    serving_at: t.servingAt,
    finished_at: t.finishedAt,
    counter: t.counter,
    target_counter: t.targetCounter,
    officer_id: t.officerId,
    call_count: t.callCount,
    transfers: t.transfers,
    outcome: t.outcome,
    kiosk_id: t.kioskId,
    // As the hub keeps it (its migration 6): null not rated, 0 the rating screen timed out.
    rating: t.rating === undefined ? null : (t.rating ?? 0),
  }));
}

function counterRows(counters: Array<{ day: string; c: CounterState }>): unknown[] {
  return counters.map(({ day, c: k }) => ({
    day,
    number: k.number,
    status: k.status,
    officer_id: k.officer?.id ?? null,
    officer_name: k.officer?.name ?? null,
    current_ticket: k.current,
    pause_reason: k.pauseReason,
    closed_by_supervisor: k.closedBySupervisor,
    closed_reason: k.closedReason,
    services: k.services,
    last_action_at: k.lastActionAt,
  }));
}

/** $1 office, $2 tickets, $3 counters, $4 ratings, $5 days (JSON arrays), $6 the configuration's from_seq. */
const WRITE_PROJECTIONS = `
WITH tickets_written AS (
  INSERT INTO tickets (office_id, id, day, number, service, issued_service, priority, party, zone, status,
    issued_at, admitted_at, called_at, first_called_at, serving_at, finished_at, counter, target_counter,
    officer_id, call_count, transfers, outcome, kiosk_id, rating)
  SELECT $1, x.id, x.day, x.number, x.service, x.issued_service, x.priority, x.party, x.zone, x.status,
    x.issued_at, x.admitted_at, x.called_at, x.first_called_at, x.serving_at, x.finished_at, x.counter,
    x.target_counter, x.officer_id, x.call_count, x.transfers, x.outcome, x.kiosk_id, x.rating
  FROM jsonb_to_recordset($2::jsonb) AS x(id text, day date, number text, service text, issued_service text,
    priority text, party integer, zone text, status text, issued_at int8, admitted_at int8, called_at int8,
    first_called_at int8, serving_at int8, finished_at int8, counter integer, target_counter integer,
    officer_id text, call_count integer, transfers integer, outcome jsonb, kiosk_id text, rating smallint)
  ON CONFLICT (office_id, id) DO UPDATE SET service = excluded.service, status = excluded.status,
    admitted_at = excluded.admitted_at, called_at = excluded.called_at,
    -- Kept once set: the waiting time runs to the first call, whatever recalls follow.
    first_called_at = COALESCE(tickets.first_called_at, excluded.first_called_at),
    serving_at = excluded.serving_at, finished_at = excluded.finished_at, counter = excluded.counter,
    target_counter = excluded.target_counter, officer_id = excluded.officer_id,
    call_count = excluded.call_count, transfers = excluded.transfers, outcome = excluded.outcome,
    rating = excluded.rating
), counters_written AS (
  INSERT INTO counters (office_id, day, number, status, officer_id, officer_name, current_ticket, pause_reason,
    closed_by_supervisor, closed_reason, services, last_action_at)
  SELECT $1, x.day, x.number, x.status, x.officer_id, x.officer_name, x.current_ticket, x.pause_reason,
    x.closed_by_supervisor, x.closed_reason, x.services, x.last_action_at
  FROM jsonb_to_recordset($3::jsonb) AS x(day date, number integer, status text, officer_id text,
    officer_name text, current_ticket text, pause_reason text, closed_by_supervisor boolean,
    closed_reason text, services jsonb, last_action_at int8)
  ON CONFLICT (office_id, day, number) DO UPDATE SET status = excluded.status,
    officer_id = excluded.officer_id, officer_name = excluded.officer_name,
    current_ticket = excluded.current_ticket, pause_reason = excluded.pause_reason,
    closed_by_supervisor = excluded.closed_by_supervisor, closed_reason = excluded.closed_reason,
    services = excluded.services, last_action_at = excluded.last_action_at
), ratings_written AS (
  INSERT INTO ratings (office_id, seq, day, ticket_id, score, reasons, officer_id, counter, service, at)
  SELECT $1, x.seq, x.day, x.ticket_id, x.score, x.reasons, x.officer_id, x.counter, x.service, x.at
  FROM jsonb_to_recordset($4::jsonb) AS x(seq int8, day date, ticket_id text, score smallint, reasons jsonb,
    officer_id text, counter integer, service text, at int8)
  ON CONFLICT (office_id, seq) DO NOTHING
), days_written AS (
  INSERT INTO office_days (office_id, day, level, closed, notice, opened_seq, last_seq, config_from)
  SELECT $1, x.day, x.level, x.closed, x.notice, x.opened_seq, x.last_seq, $6
  FROM jsonb_to_recordset($5::jsonb) AS x(day date, level smallint, closed boolean, notice text,
    opened_seq int8, last_seq int8)
  ON CONFLICT (office_id, day) DO UPDATE SET level = excluded.level, closed = excluded.closed,
    notice = excluded.notice, opened_seq = excluded.opened_seq, last_seq = excluded.last_seq,
    config_from = excluded.config_from
)
SELECT 1`;
