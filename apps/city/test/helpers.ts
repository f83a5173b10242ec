import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { createDay, type OfficeConfig } from '@luot/core';
import { MONDAY, quocOai } from '@luot/core/testing';
import {
  parseUplink,
  UplinkFromCitySchema,
  UPLINK_VERSION,
  type StreamEvent,
  type UplinkFromCity,
  type UplinkBatch,
  type UplinkFromHub,
} from '@luot/protocol';
import { simulateDay } from '@luot/sim';
import type { Pool } from '../src/db.js';

export const config: OfficeConfig = quocOai();

/** A simulated day as a hub would log it: day.opened first, then the simulator's events. */
export function simulatedLog(seed: number, date = MONDAY, firstSeq = 1): StreamEvent[] {
  const day = simulateDay(config, { seed, date });
  const first = day.events[0]!;
  const opened = {
    seq: firstSeq,
    at: first.at - 1000,
    event: { type: 'day.opened' as const, day: date, level: createDay(config, date).level },
  };
  return [opened, ...day.events.map((e, i) => ({ seq: firstSeq + i + 1, at: e.at, event: e.event }))];
}

/** Consecutive batches of `size` events. */
export function batches(log: StreamEvent[], size: number): Extract<UplinkFromHub, { type: 'batch' }>[] {
  const out: Extract<UplinkFromHub, { type: 'batch' }>[] = [];
  for (let i = 0; i < log.length; i += size) {
    const events = log.slice(i, i + size);
    // The hub's own types (no index signature) for the schema's loose objects.
    out.push({ type: 'batch', fromSeq: events[0]!.seq, events: events as UplinkBatch['events'] });
  }
  return out;
}

/** A bare uplink client speaking the protocol, one request and one answer at a time. */
export class RawUplink {
  private readonly inbox: UplinkFromCity[] = [];
  private waiter: { resolve: (m: UplinkFromCity) => void; reject: (e: Error) => void } | null = null;
  closed = false;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const r = parseUplink(UplinkFromCitySchema, String(data));
      if (!r.ok) throw new Error(r.message);
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w.resolve(r.value);
      } else this.inbox.push(r.value);
    });
    ws.on('close', () => {
      this.closed = true;
      this.waiter?.reject(new Error('closed'));
      this.waiter = null;
    });
  }

  /** Connect; rejects with the HTTP status when the city refuses the upgrade. */
  static connect(cityUrl: string, token: string): Promise<RawUplink> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(cityUrl.replace(/^http/, 'ws') + '/uplink', {
        headers: { authorization: `Bearer ${token}` },
      });
      ws.once('open', () => resolve(new RawUplink(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  next(): Promise<UplinkFromCity> {
    const m = this.inbox.shift();
    if (m) return Promise.resolve(m);
    if (this.closed) return Promise.reject(new Error('closed'));
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  async request(m: UplinkFromHub): Promise<UplinkFromCity> {
    this.ws.send(JSON.stringify(m));
    return this.next();
  }

  hello(hubSeq = 0): Promise<UplinkFromCity> {
    return this.request({ type: 'hello', version: UPLINK_VERSION, config, hubSeq });
  }

  close(): void {
    this.ws.close();
  }
}

/** Every projection row of an office, in a stable order, for comparisons. */
export interface Projections {
  office_days: Record<string, unknown>[];
  tickets: Record<string, unknown>[];
  counters: Record<string, unknown>[];
  ratings: Record<string, unknown>[];
  /** The stored report text of closed days, each as its tickets sorted (string_agg keeps no order). */
  day_rows: Record<string, unknown>[];
}

export async function projections(pool: Pool, officeId: string): Promise<Projections> {
  const q = async (sql: string) =>
    (await pool.query(sql, [officeId])).rows.map(({ office_id: _o, ...r }) => r);
  return {
    office_days: await q('SELECT * FROM office_days WHERE office_id = $1 ORDER BY day'),
    tickets: await q('SELECT * FROM tickets WHERE office_id = $1 ORDER BY id'),
    counters: await q('SELECT * FROM counters WHERE office_id = $1 ORDER BY day, number'),
    ratings: await q('SELECT * FROM ratings WHERE office_id = $1 ORDER BY seq'),
    day_rows: (await q('SELECT * FROM day_rows WHERE office_id = $1 ORDER BY day')).map((r) => ({
      ...r,
      rows: String(r.rows).split(';').sort(),
    })),
  };
}

export async function eventSeqs(pool: Pool, officeId: string): Promise<number[]> {
  const { rows } = await pool.query<{ seq: number }>(
    'SELECT seq FROM events WHERE office_id = $1 ORDER BY seq',
    [officeId],
  );
  return rows.map((r) => r.seq);
}

/**
 * `npm run city`'s entry point in a process of its own on `databaseUrl` and a free port; resolves
 * with its address once it listens.
 */
export function startCityProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ proc: ChildProcess; url: string }> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/city/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"city listening"/.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => reject(new Error(`city process exited (${code}): ${out}`)));
  });
}

/** Wait for a condition by polling it (bounded): no fixed sleeps. */
export async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
