/**
 * A real hub with its uplink to a real city on a real PostgreSQL, all on 127.0.0.1: tickets issued
 * and called at the office reach the city's raw events and projections; with the city stopped the
 * office keeps working, and when it is back the city catches up exactly.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { createOffice } from '../src/offices.js';
import type { City } from '../src/server.js';
import { startTestCity, startTestDatabase, type TestDatabase } from '../src/testing.js';
import { eventSeqs } from './helpers.js';

let db: TestDatabase;
let city: City;
let t: TestHub;

/** Wait for a condition by polling it (bounded): no fixed sleeps. */
async function until<T>(
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

const cityLastSeq = async () =>
  (await city.pool.query<{ last_seq: number }>("SELECT last_seq FROM office_cursors WHERE office_id = 'qo'"))
    .rows[0]!.last_seq;

/** The hub's log and ticket rows straight from its SQLite file. */
function hubRows() {
  const sqlite = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
  try {
    const events = sqlite.prepare('SELECT seq, at, data FROM events ORDER BY seq').all() as Array<{
      seq: number;
      at: number;
      data: string;
    }>;
    const tickets = sqlite
      .prepare(
        'SELECT id, status, counter, officer_id, called_at, first_called_at, finished_at, call_count FROM tickets ORDER BY id',
      )
      .all();
    return {
      events: events.map((e) => ({ seq: e.seq, at: e.at, data: JSON.parse(e.data) as unknown })),
      tickets,
    };
  } finally {
    sqlite.close();
  }
}

async function cityRows() {
  const events = (
    await city.pool.query("SELECT seq, at, data FROM events WHERE office_id = 'qo' ORDER BY seq")
  ).rows;
  const tickets = (
    await city.pool.query(
      `SELECT id, status, counter, officer_id, called_at, first_called_at, finished_at, call_count
       FROM tickets WHERE office_id = 'qo' ORDER BY id`,
    )
  ).rows;
  return { events, tickets };
}

beforeAll(async () => {
  db = await startTestDatabase();
  city = await startTestCity(db.url);
  const { token } = await createOffice(city.pool, {
    id: 'qo',
    name: 'Quốc Oai',
    province: 'Hà Nội',
    commune: 'Quốc Oai',
  });
  // Batches of 7 events: catching up takes many batches, each acked before the next is read.
  t = await startTestHub({
    config: testConfig({
      city: { url: city.url, officeToken: token, retryMinMs: 20, retryMaxMs: 200, batchSize: 7 },
    }),
  });
});
afterAll(async () => {
  await t?.close();
  await city?.close();
  await db?.close();
});

describe('the hub uplink to the city', () => {
  it('is refused with a wrong token and says so in its status', async () => {
    const wrong = await startTestHub({
      config: testConfig({
        city: { url: city.url, officeToken: 'w'.repeat(32), retryMinMs: 20, retryMaxMs: 100 },
      }),
    });
    try {
      const s = await until('a refusal', () => {
        const st = wrong.hub.uplink!.status();
        return st.lastError?.includes('HTTP 401') ? st : null;
      });
      expect(s.state).not.toBe('online');
      expect(s.lastAckedSeq).toBeNull();
    } finally {
      await wrong.close();
    }
  });

  it('ships issued and called tickets to the city', async () => {
    await until('uplink online', () => t.hub.uplink!.status().state === 'online');
    const kiosk = await t.client('test-kiosk-1-token');
    const c3 = await t.counter(3);
    for (let i = 0; i < 5; i++) await kiosk.issue({ service: 'A' });
    await c3.callNext();
    await c3.startServing();
    await c3.finish({ kind: 'received' });
    await c3.callNext();
    const hubSeq = t.hub.store.lastSeq();
    await until('city caught up', async () => (await cityLastSeq()) === hubSeq);
    const hub = hubRows();
    const mine = await cityRows();
    expect(mine.events).toEqual(hub.events);
    expect(mine.tickets).toEqual(hub.tickets);
    expect(mine.tickets.filter((r) => r.status === 'called')).toHaveLength(1);
    const status = await until('lag 0 in the status', () => {
      const s = t.hub.uplink!.status();
      return s.lag === 0 && s;
    });
    expect(status).toMatchObject({ state: 'online', lastAckedSeq: hubSeq, hubSeq, lastError: null });
    const health = (await (await fetch(`${t.hub.url}/api/health`)).json()) as { uplink: { state: string } };
    expect(health.uplink).toMatchObject({ state: 'online', lag: 0 });
  });

  it('keeps the office working while the city is down, then catches up exactly', async () => {
    const port = city.port;
    await city.close();
    await until('uplink offline', () => t.hub.uplink!.status().state !== 'online');
    const kiosk = await t.client('test-kiosk-2-token');
    const c4 = await t.counter(4);
    for (let i = 0; i < 30; i++) await kiosk.issue({ service: i % 2 ? 'A' : 'B' });
    for (let i = 0; i < 5; i++) {
      const called = await c4.callNext().catch(() => null);
      if (!called) break;
      await c4.noShow();
    }
    const hubSeq = t.hub.store.lastSeq();
    const offline = t.hub.uplink!.status();
    expect(offline.state).not.toBe('online');
    expect(offline.lag).toBeGreaterThan(30);

    // The city back on the same address (the hub's configuration names it).
    city = await startTestCity(db.url, { port });
    await until('city caught up', async () => (await cityLastSeq()) === hubSeq);
    await until('uplink online, lag 0', () => t.hub.uplink!.status().lag === 0);
    // Every seq once, in order, no gap and no duplicate (the primary key would refuse one; a gap
    // would show here).
    expect(await eventSeqs(city.pool, 'qo')).toEqual(Array.from({ length: hubSeq }, (_, i) => i + 1));
    const hub = hubRows();
    const mine = await cityRows();
    expect(mine.events).toEqual(hub.events);
    expect(mine.tickets).toEqual(hub.tickets);
  });

  it('survives PostgreSQL restarting under the city while the office works', async () => {
    const kiosk = await t.client('test-kiosk-1-token');
    const pgPort = db.cluster.port;
    await db.cluster.stop();
    // The office does not notice: tickets are issued while the city cannot write.
    for (let i = 0; i < 12; i++) await kiosk.issue({ service: 'A' });
    const hubSeq = t.hub.store.lastSeq();
    await until('uplink not online', () => t.hub.uplink!.status().state !== 'online');
    await db.cluster.start(pgPort);
    await until('city caught up', async () => (await cityLastSeq()) === hubSeq);
    await until('lag 0', () => t.hub.uplink!.status().lag === 0);
    expect(await eventSeqs(city.pool, 'qo')).toEqual(Array.from({ length: hubSeq }, (_, i) => i + 1));
    const hub = hubRows();
    const mine = await cityRows();
    expect(mine.events).toEqual(hub.events);
    expect(mine.tickets).toEqual(hub.tickets);
  });
});
