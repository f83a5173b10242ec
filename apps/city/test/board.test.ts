/**
 * The board's live feed across TWO city processes on one private PostgreSQL cluster: an office's
 * uplink on city A (in this process), a board client on city B (`npm run city`'s entry point in a
 * process of its own). B's client sees A's changes through @socket.io/postgres-adapter
 * (LISTEN/NOTIFY) within 2 s; the lines it shows are the core's own figures of the same events.
 */
import type { ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, createDay, type DayState } from '@luot/core';
import {
  BoardSnapshotSchema,
  OfficeMonitorSchema,
  OfficeSummarySchema,
  ratingLevels,
  type BoardSnapshot,
  type OfficeSummary,
  type StreamEvent,
} from '@luot/protocol';
import { BOARD_SOCKET_PATH } from '../src/board/index.js';
import { createOffice } from '../src/offices.js';
import type { City } from '../src/server.js';
import { startTestCity, startTestDatabase, type TestDatabase } from '../src/testing.js';
import { batches, config, RawUplink, simulatedLog, startCityProcess } from './helpers.js';

const VIEWER = 'viewer-token-for-the-board-test';
/** Quảng Nam's viewer: its offices only. */
const QUANG_NAM = 'quang-nam-viewer-token-test';
const PROVINCE_VIEWERS = { 'Quảng Nam': QUANG_NAM };
let db: TestDatabase;
let provinceViewer: Socket;
let hoiAnToken: string;
/** Every line the Quảng Nam viewer received. */
const provinceLines: OfficeSummary[] = [];
let provinceSnapshot: BoardSnapshot;
let cityA: City;
let cityB: { proc: ChildProcess; url: string };
let viewer: Socket;
let token: string;
/** Every line B's client received, in order. */
const received: OfficeSummary[] = [];
let snapshot: BoardSnapshot;
const log = simulatedLog(7);
const uplinks: RawUplink[] = [];
const connect = async (url: string) => {
  const u = await RawUplink.connect(url, token);
  uplinks.push(u);
  return u;
};

/** The next line of `office` B's client receives that satisfies `ok` (bounded: `ms`). */
function nextLine(office: string, ok: (s: OfficeSummary) => boolean, ms: number): Promise<OfficeSummary> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      viewer.off('office', on);
      reject(new Error(`no line for ${office} within ${ms} ms; last: ${JSON.stringify(received.at(-1))}`));
    }, ms);
    const on = (s: OfficeSummary) => {
      if (s.id !== office || !ok(s)) return;
      clearTimeout(timer);
      viewer.off('office', on);
      resolve(s);
    };
    viewer.on('office', on);
  });
}

/** What the board should say of a day, worked out by the core from the same events. */
function expectedLine(events: StreamEvent[]): Partial<OfficeSummary> {
  let state: DayState | null = null;
  for (const { at, event } of events) {
    if (event.type === 'printer.status') continue;
    if (event.type === 'day.opened') state ??= createDay(config, event.day, event.level);
    if (state) applyEvent(state, event, at, config);
  }
  const s = state!;
  const tickets = Object.values(s.tickets);
  const waiting = tickets.filter((t) => t.status === 'waiting' || t.status === 'outside');
  const levels = ratingLevels(config.rating.scale);
  const rated = tickets.filter((t) => t.rating != null);
  const satisfied = rated.filter((t) => levels[t.rating! - 1]!.satisfied).length;
  return {
    day: s.day,
    level: s.level,
    waiting: waiting.length,
    longestSince: waiting.length ? Math.min(...waiting.map((t) => t.issuedAt)) : null,
    inHall: Object.values(s.lines.occupancy).reduce((a, b) => a + b, 0),
    capacity: config.zones.reduce((a, z) => a + z.capacity[s.level], 0),
    countersOpen: Object.values(s.counters).filter((c) => c.status === 'open').length,
    counters: config.counters.length,
    ticketsToday: tickets.length,
    servedToday: tickets.filter((t) => t.status === 'done').length,
    rated: rated.length,
    satisfied,
  };
}

beforeAll(async () => {
  db = await startTestDatabase();
  cityA = await startTestCity(db.url, {
    board: { viewerToken: VIEWER, provinceViewers: PROVINCE_VIEWERS, flushMs: 50 },
  });
  ({ token } = await createOffice(cityA.pool, {
    id: 'quoc-oai',
    name: 'Quốc Oai',
    province: 'Hà Nội',
    commune: 'Quốc Oai',
  }));
  await createOffice(cityA.pool, { id: 'ba-vi', name: 'Ba Vì', province: 'Hà Nội', commune: 'Ba Vì' });
  ({ token: hoiAnToken } = await createOffice(cityA.pool, {
    id: 'hoi-an',
    name: 'Hội An',
    province: 'Quảng Nam',
    commune: 'Hội An',
  }));
  cityB = await startCityProcess(db.url, {
    CITY_VIEWER_TOKEN: VIEWER,
    CITY_PROVINCE_VIEWERS: JSON.stringify(PROVINCE_VIEWERS),
  });
  provinceViewer = io(cityB.url, {
    path: BOARD_SOCKET_PATH,
    auth: { token: QUANG_NAM },
    transports: ['websocket'],
  });
  provinceViewer.on('office', (s: unknown) => provinceLines.push(OfficeSummarySchema.parse(s)));
  provinceSnapshot = await new Promise<BoardSnapshot>((resolve, reject) => {
    provinceViewer.once('board', (b: unknown) => resolve(BoardSnapshotSchema.parse(b)));
    provinceViewer.once('connect_error', reject);
  });
  viewer = io(cityB.url, { path: BOARD_SOCKET_PATH, auth: { token: VIEWER }, transports: ['websocket'] });
  viewer.on('office', (s: unknown) => received.push(OfficeSummarySchema.parse(s)));
  snapshot = await new Promise<BoardSnapshot>((resolve, reject) => {
    viewer.once('board', (b: unknown) => resolve(BoardSnapshotSchema.parse(b)));
    viewer.once('connect_error', reject);
  });
});
afterAll(async () => {
  for (const u of uplinks) u.close();
  viewer?.close();
  provinceViewer?.close();
  cityB?.proc.kill('SIGTERM');
  await cityA?.close();
  await db?.close();
});

describe('the live board across two city processes', () => {
  it('gives a new client every office at once, offline before any uplink', () => {
    expect(snapshot.settings).toEqual({ offlineFlagMinutes: 5 });
    expect(snapshot.scope).toEqual({ province: null });
    expect(snapshot.offices.map((o) => [o.id, o.online, o.since, o.day])).toEqual([
      ['ba-vi', false, null, null],
      ['quoc-oai', false, null, null],
      ['hoi-an', false, null, null],
    ]);
  });

  it('shows on B, within 2 s, the office that connected to A and the day it sent, as the core counts it', async () => {
    const u = await connect(cityA.url);
    const online = nextLine('quoc-oai', (s) => s.online, 2000);
    expect(await u.hello(log.length)).toMatchObject({ type: 'hello', lastSeq: 0 });
    const line = await online;
    expect(line.since).toBeGreaterThan(Date.now() - 60_000);

    // The morning, up to the middle of the day: people waiting, counters busy.
    const morning = log.slice(0, Math.floor(log.length / 2));
    for (const b of batches(morning, 250)) expect((await u.request(b)).type).toBe('ack');
    const want = expectedLine(morning);
    expect(want.waiting).toBeGreaterThan(0);
    const seen = await nextLine('quoc-oai', (s) => s.ticketsToday === want.ticketsToday, 2000);
    expect(seen).toMatchObject({ ...want, online: true, lag: log.length - morning.length });

    // One more event, as live traffic sends it: on B's screen within 2 s of its commit.
    const next = log[morning.length]!;
    const afterNext = expectedLine(log.slice(0, morning.length + 1));
    const arrived = nextLine('quoc-oai', (s) => s.lag === log.length - morning.length - 1, 2000);
    const sent = Date.now();
    expect(await u.request({ type: 'batch', fromSeq: next.seq, events: [next] as never })).toEqual({
      type: 'ack',
      seq: next.seq,
    });
    expect(await arrived).toMatchObject(afterNext);
    expect(Date.now() - sent).toBeLessThan(2000);

    // The uplink goes away: offline since now, on B too.
    const offline = nextLine('quoc-oai', (s) => !s.online, 2000);
    u.close();
    expect((await offline).since).toBeGreaterThanOrEqual(line.since!);
  });

  it("serves an office's monitor from B with the core's counters and lines", async () => {
    // What A has: the morning and one event more (the test above).
    const events = log.slice(0, Math.floor(log.length / 2) + 1);
    const res = await fetch(`${cityB.url}/api/board/offices/quoc-oai`, {
      headers: { authorization: `Bearer ${VIEWER}` },
    });
    expect(res.status).toBe(200);
    const m = OfficeMonitorSchema.parse(await res.json());
    let state: DayState | null = null;
    for (const { at: t, event } of events) {
      if (event.type === 'printer.status') continue;
      if (event.type === 'day.opened') state ??= createDay(config, event.day, event.level);
      if (state) applyEvent(state, event, t, config);
    }
    const s = state!;
    expect(m.counters.map((c) => [c.number, c.status, c.current?.number ?? null])).toEqual(
      config.counters.map((cc) => {
        const k = s.counters[cc.number]!;
        return [cc.number, k.status, k.current ? s.tickets[k.current]!.number : null];
      }),
    );
    expect(m.services.map((r) => [r.prefix, r.waiting])).toEqual(
      config.services.map((sv) => [
        sv.prefix,
        Object.values(s.tickets).filter(
          (t) => t.service === sv.prefix && (t.status === 'waiting' || t.status === 'outside'),
        ).length,
      ]),
    );
    expect(m.zones.map((z) => [z.id, z.inHall])).toEqual(
      config.zones.map((z) => [z.id, s.lines.occupancy[z.id] ?? 0]),
    );
    expect(m.office.online).toBe(false);

    const missing = await fetch(`${cityB.url}/api/board/offices/nowhere`, {
      headers: { authorization: `Bearer ${VIEWER}` },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toContain('Không có văn phòng');
  });

  it("gives a province viewer its province's offices only, live and over HTTP", async () => {
    expect(provinceSnapshot.scope).toEqual({ province: 'Quảng Nam' });
    expect(provinceSnapshot.offices.map((o) => o.id)).toEqual(['hoi-an']);
    // Hội An connects to A: its viewer on B hears of it.
    const u = await RawUplink.connect(cityA.url, hoiAnToken);
    uplinks.push(u);
    const online = new Promise<void>((resolve) => {
      const on = (s: OfficeSummary) =>
        s.id === 'hoi-an' && s.online && (provinceViewer.off('office', on), resolve());
      provinceViewer.on('office', on);
    });
    await u.hello(0);
    await online;
    // Quốc Oai's many lines (the test above) never reached it.
    expect(new Set(provinceLines.map((l) => l.id))).toEqual(new Set(['hoi-an']));

    const get = (path: string) =>
      fetch(`${cityB.url}${path}`, { headers: { authorization: `Bearer ${QUANG_NAM}` } });
    const board = BoardSnapshotSchema.parse(await (await get('/api/board')).json());
    expect(board.offices.map((o) => [o.id, o.online])).toEqual([['hoi-an', true]]);
    expect((await get('/api/board/offices/hoi-an')).status).toBe(200);
    expect((await get('/api/board/offices/quoc-oai')).status).toBe(404);
  });

  it('refuses a wrong viewer token on the API and on the socket', async () => {
    const res = await fetch(`${cityB.url}/api/board`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(res.status).toBe(401);
    expect((await fetch(`${cityB.url}/api/board`)).status).toBe(401);
    const ok = await fetch(`${cityB.url}/api/board`, { headers: { authorization: `Bearer ${VIEWER}` } });
    expect(BoardSnapshotSchema.parse(await ok.json()).offices).toHaveLength(3);

    const wrong = io(cityA.url, {
      path: BOARD_SOCKET_PATH,
      auth: { token: 'x'.repeat(20) },
      transports: ['websocket'],
    });
    try {
      const err = await new Promise<Error>((resolve) => wrong.once('connect_error', resolve));
      expect(err.message).toContain('unauthorized');
    } finally {
      wrong.close();
    }
  });

  it('goes on after PostgreSQL restarts under both processes: lines still cross from A to B', async () => {
    const port = db.cluster.port;
    await db.cluster.stop();
    await db.cluster.start(port);
    // The adapter listens again after a reconnection delay of its own (1–3 s): until then a NOTIFY
    // reaches nobody, so the office says hello again until B's client hears of it (bounded).
    const deadline = Date.now() + 20_000;
    for (;;) {
      const heard = nextLine('quoc-oai', (s) => s.online, 1500).then(
        () => true,
        () => false,
      );
      const u = await connect(cityA.url).catch(() => null);
      await u?.hello(log.length).catch(() => null);
      const ok = await heard;
      u?.close();
      if (ok) break;
      if (Date.now() > deadline) throw new Error('no line crossed from A to B after PostgreSQL restarted');
    }
    expect(cityB.proc.exitCode).toBeNull();
    const res = await fetch(`${cityB.url}/api/board`, { headers: { authorization: `Bearer ${VIEWER}` } });
    expect(res.status).toBe(200);
  });

  it('still takes uplinks beside the board socket on the same server', async () => {
    const u = await connect(cityB.url);
    try {
      expect(await u.hello(log.length)).toMatchObject({ type: 'hello' });
    } finally {
      u.close();
    }
  });
});
