/**
 * One definition of each figure: simulated office days played through a real hub (real clients,
 * its SQLite file) whose real uplink ships them to a real city on PostgreSQL; then the office's
 * report asked of the hub over HTTP and of the city over HTTP gives the same numbers, figure by
 * figure, with every filter; the report across offices counts the office the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LuotClient } from '@luot/client';
import { CityReportSchema, ReportResponseSchema, type ReportResponse } from '@luot/protocol';
import { DaySimulator, runLive, type LiveHub, type ProfileOptions } from '@luot/sim';
import { FakeClock, MONDAY_9AM, startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { createOffice } from '../src/offices.js';
import type { City } from '../src/server.js';
import { startTestCity, startTestDatabase, type TestDatabase } from '../src/testing.js';
import { until } from './helpers.js';

let db: TestDatabase;
let city: City;
let t: TestHub;
const clock = new FakeClock(MONDAY_9AM - 2 * 3_600_000);
const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02'];
/** Short days with every kind of visit: no-shows, late arrivals, transfers, ratings. */
const profile: ProfileOptions = { tickets: 45, noShow: 0.1, late: 0.1, transfer: 0.15 };

function liveHub(): LiveHub {
  const devices = new Map<string, Promise<LuotClient>>();
  let signedIn: Promise<LuotClient> | null = null;
  const device = (token: string) => {
    let d = devices.get(token);
    if (!d) devices.set(token, (d = t.client(token)));
    return d;
  };
  return {
    kiosk: (id) => device(`test-${id}-token`),
    counter: (n) => device(`test-counter-${n}-token`),
    rating: (n) => device(`test-rating-${n}-token`),
    supervisor: () => (signedIn ??= t.supervisor()),
    pin: () => '1234',
    until: async (at) => {
      clock.now = Math.max(clock.now, at);
    },
  };
}

beforeAll(async () => {
  db = await startTestDatabase();
  // The city's "today" is the hub's: the days below are over for both whatever the real date.
  city = await startTestCity(db.url, { now: clock.fn });
  const { token } = await createOffice(city.pool, {
    id: 'qo',
    name: 'Quốc Oai',
    province: 'Hà Nội',
    commune: 'Quốc Oai',
  });
  await createOffice(city.pool, {
    id: 'dong-anh',
    name: 'Đông Anh',
    province: 'Hà Nội',
    commune: 'Đông Anh',
  });
  const config = testConfig({ city: { url: city.url, officeToken: token, retryMinMs: 20, retryMaxMs: 200 } });
  t = await startTestHub({ clock, config });
  const live = liveHub();
  for (const [i, date] of DAYS.entries()) {
    await runLive(new DaySimulator(config.office, { seed: 1500 + i, date, profile }), live);
  }
  // Thursday morning: the hub opens its next day, so the three days are over at the hub as at the city.
  // A citizen served there walks away from the rating screen (the simulator always answers).
  clock.now = Date.parse('2026-12-03T02:00:00Z');
  const issued = await (await t.client('test-kiosk-1-token')).issue({ service: 'A' });
  const c1 = await t.counter(1);
  await c1.callNext();
  clock.advance(5 * 60_000);
  await c1.finish({ kind: 'guided' });
  await (await t.client('test-rating-1-token')).rate(issued.result.ticket.id, null);
  await until(
    'the city has every event',
    async () => {
      // The engine's own last seq (the uplink's status may not have heard of the last commit yet).
      const hubSeq = t.hub.engine.seq;
      const { rows } = await city.pool.query<{ last_seq: number }>(
        "SELECT last_seq FROM office_cursors WHERE office_id = 'qo'",
      );
      return hubSeq > 0 && rows[0]!.last_seq === hubSeq;
    },
    30_000,
  );
}, 180_000);

afterAll(async () => {
  await t?.close();
  await city?.close();
  await db?.close();
});

async function hubReport(query: string): Promise<ReportResponse> {
  const res = await fetch(`${t.hub.url}/api/reports?${query}`, { headers: await t.supervisorHeaders() });
  expect(res.status).toBe(200);
  return ReportResponseSchema.parse(await res.json());
}

async function cityReport(path: string): Promise<unknown> {
  const res = await fetch(`${city.url}${path}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

describe('the same days reported by the hub (SQLite) and the city (PostgreSQL)', () => {
  const range = `from=${DAYS[0]}&to=${DAYS[2]}`;

  it('gives the same report, figure by figure, chart by chart, with every filter', async () => {
    const queries = [
      range,
      // With Thursday, the hub's today: a rating screen that timed out, a day not over yet.
      `from=${DAYS[0]}&to=2026-12-03`,
      `${range}&compare=1`,
      `${range}&service=A`,
      `${range}&counter=3`,
      `${range}&officer=cb5`,
    ];
    for (const q of queries) {
      const hub = await hubReport(q);
      const atCity = ReportResponseSchema.parse(await cityReport(`/api/offices/qo/report?${q}`));
      expect(atCity, q).toEqual(hub);
    }
    // The days were real days with every kind of visit in them.
    const { current } = await hubReport(range);
    expect(current.total.issued).toBeGreaterThan(100);
    expect(current.total.noShow).toBeGreaterThan(0);
    expect(current.total.transferred).toBeGreaterThan(0);
    expect(current.total.ratings.answered).toBeGreaterThan(0);
    // Thursday's rating screen timed out: 0 in tickets.rating at both (migration 2 at the city).
    const withThursday = await hubReport(`from=${DAYS[0]}&to=2026-12-03`);
    expect(withThursday.current.total.ratings.unanswered).toBe(current.total.ratings.unanswered + 1);
    expect(current.total.wait.p90).not.toBeNull();
    expect(current.byDay.map((d) => d.day)).toEqual(DAYS);
  });

  it('counts the office the same way in the report across offices', async () => {
    const { current: hub } = await hubReport(range);
    const report = CityReportSchema.parse(
      await cityReport(`/api/reports?${range}&province=${encodeURIComponent('Hà Nội')}`),
    );
    const figures = ({
      office: _o,
      name: _n,
      province: _p,
      commune: _c,
      ...f
    }: (typeof report.byOffice)[number]) => f;
    const qo = report.byOffice.find((o) => o.office === 'qo')!;
    expect(figures(qo)).toEqual(hub.total);
    // One office had tickets: the whole, its commune and its province are its figures.
    expect(report.total).toEqual(hub.total);
    expect(report.targetMinutes).toBe(hub.targetMinutes);
    expect(report.rating).toEqual(hub.rating);
    // The office without a hub yet still has its row, with nothing in it.
    expect(report.offices).toBe(2);
    expect(report.byOffice.find((o) => o.office === 'dong-anh')!.issued).toBe(0);
    expect(report.byService.map(({ name: _n, ...f }) => f)).toEqual(
      hub.byService.map(({ name: _n, ...f }) => f),
    );
    expect(report.byOfficer.filter((o) => o.office === 'qo').map(({ office: _o, ...f }) => f)).toEqual(
      hub.byOfficer,
    );
  });
});
