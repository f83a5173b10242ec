/**
 * `npm run demo:city`, briefly: a city and four offices, each a real hub with its uplink driven by
 * the day simulator through real clients; every office's events and tickets reach the city and
 * its report of today (bounded: it stops as soon as every office has been seen).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localTime } from '@luot/core';
import { BoardSnapshotSchema, CityReportSchema } from '@luot/protocol';
import { DEMO_VIEWER_TOKEN, startDemoCity, type DemoCity } from '../demo/demo-city.js';
import { startTestDatabase, type TestDatabase } from '../src/testing.js';
import { until } from './helpers.js';

let db: TestDatabase;
let demo: DemoCity | undefined;
const dir = mkdtempSync(join(tmpdir(), 'luot-demo-city-'));

beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await demo?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('starts a city and simulated offices whose events all arrive at the city', async () => {
  demo = await startDemoCity({
    databaseUrl: db.url,
    dataDir: dir,
    offices: 4,
    speed: 50,
    seed: 7,
    port: 0,
    logger: pino({ level: 'silent' }),
  });
  void demo.failed.catch(() => undefined);
  expect(demo.offices.map((o) => o.id)).toEqual(['quoc-oai', 'dong-anh', 'gia-lam', 'soc-son']);
  const seen = await until(
    'tickets from every office at the city',
    async () => {
      const { rows } = await demo!.city.pool.query<{ office_id: string; tickets: number; last_seq: number }>(
        `SELECT c.office_id, c.last_seq, (SELECT count(*)::int FROM tickets t WHERE t.office_id = c.office_id) AS tickets
         FROM office_cursors c`,
      );
      return rows.length === 4 && rows.every((r) => r.tickets > 0 && r.last_seq > 0) ? rows : null;
    },
    60_000,
  );
  expect(seen).toHaveLength(4);
  // Every office online, and counted in today's report across offices.
  const offices = (await (await fetch(`${demo.city.url}/api/offices`)).json()) as Array<{
    id: string;
    disconnected_at: string | null;
    connected_at: string | null;
  }>;
  expect(offices.every((o) => o.connected_at !== null && o.disconnected_at === null)).toBe(true);
  const today = localTime(Date.now(), 'Asia/Ho_Chi_Minh').day;
  const res = await fetch(`${demo.city.url}/api/reports?from=${today}&to=${today}`);
  const report = CityReportSchema.parse(await res.json());
  expect(report.byOffice.every((o) => o.issued > 0)).toBe(true);
  expect(new Set(report.byOffice.map((o) => o.province))).toEqual(new Set(['Hà Nội']));
  // The board, with the token the demo prints: every office, online.
  const board = BoardSnapshotSchema.parse(
    await (
      await fetch(`${demo.city.url}/api/board`, { headers: { authorization: `Bearer ${DEMO_VIEWER_TOKEN}` } })
    ).json(),
  );
  expect(
    board.offices
      .filter((o) => o.online)
      .map((o) => o.id)
      .sort(),
  ).toEqual(['dong-anh', 'gia-lam', 'quoc-oai', 'soc-son']);
}, 120_000);
