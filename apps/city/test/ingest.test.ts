import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../src/migrations.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { createOffice } from '../src/offices.js';
import { rebuildProjections } from '../src/rebuild.js';
import type { City } from '../src/server.js';
import { startTestCity, startTestDatabase, type TestDatabase } from '../src/testing.js';
import { MONDAY } from '@luot/core/testing';
import { simulateDay } from '@luot/sim';
import { batches, config, eventSeqs, projections, RawUplink, simulatedLog } from './helpers.js';

let db: TestDatabase;
let cityA: City;
let cityB: City;
const log = simulatedLog(1);
const uplinks: RawUplink[] = [];
const connect = async (city: City, token: string) => {
  const u = await RawUplink.connect(city.url, token);
  uplinks.push(u);
  return u;
};

/** Poll a condition (bounded): no fixed sleeps. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  db = await startTestDatabase();
  // Two city processes' worth of state (pools, projector caches) on one database.
  [cityA, cityB] = await Promise.all([startTestCity(db.url), startTestCity(db.url)]);
});
afterAll(async () => {
  for (const u of uplinks) u.close();
  await cityA?.close();
  await cityB?.close();
  await db?.close();
});

describe('migrations', () => {
  it('run once, whatever number of city processes start at the same time', async () => {
    // Both cities above started at once; three more migrators now.
    const versions = await Promise.all([1, 2, 3].map(() => runMigrations(cityB.pool)));
    expect(versions).toEqual([MIGRATIONS.length, MIGRATIONS.length, MIGRATIONS.length]);
    const { rows } = await cityA.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });
});

describe('the uplink endpoint', () => {
  it('refuses a wrong token before the WebSocket opens', async () => {
    await createOffice(cityA.pool, {
      id: 'tok',
      name: 'Tok',
      province: 'Hà Nội',
      commune: 'Tok',
      token: 'a'.repeat(32),
    });
    await expect(RawUplink.connect(cityA.url, 'b'.repeat(32))).rejects.toThrow('HTTP 401');
    const ok = await connect(cityA, 'a'.repeat(32));
    expect(await ok.hello()).toEqual({ type: 'hello', officeId: 'tok', lastSeq: 0 });
  });

  it('marks an office offline when its latest connection closes, not an older one', async () => {
    const { token } = await createOffice(cityA.pool, {
      id: 'live',
      name: 'Live',
      province: 'Hà Nội',
      commune: 'Live',
    });
    const cursor = async () =>
      (
        await cityA.pool.query<{ connected_at: Date | null; disconnected_at: Date | null }>(
          "SELECT connected_at, disconnected_at FROM office_cursors WHERE office_id = 'live'",
        )
      ).rows[0]!;
    const old = await connect(cityA, token);
    await old.hello();
    const fresh = await connect(cityB, token);
    await fresh.hello();
    old.close();
    // The old connection is gone from its city and its close written: the office is still online.
    await until(async () => !cityA.connectedOffices().includes('live'));
    await cityA.settled();
    expect((await cursor()).connected_at).not.toBeNull();
    expect((await cursor()).disconnected_at).toBeNull();
    fresh.close();
    await until(async () => (await cursor()).disconnected_at !== null);
  });

  it('drops a peer that piles messages up without waiting for answers', async () => {
    const { token } = await createOffice(cityA.pool, {
      id: 'flood',
      name: 'Flood',
      province: 'Hà Nội',
      commune: 'Flood',
    });
    const u = await connect(cityA, token);
    const hello = JSON.stringify({ type: 'hello', version: 1, config, hubSeq: 0 });
    // One write, so the city reads them all before it can answer any.
    const socket = (u.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.cork();
    for (let i = 0; i < 20; i++) u.ws.send(hello);
    socket.uncork();
    const m = await u.next();
    expect(m).toMatchObject({ type: 'error', message: expect.stringMatching(/more than 8 messages/) });
    await until(async () => u.closed);
  });

  it('refuses a malformed message and closes', async () => {
    const u = await connect(cityA, 'a'.repeat(32));
    const m = await u.request({ type: 'batch', fromSeq: 1, events: [] } as never);
    expect(m).toMatchObject({ type: 'error' });
    expect((m as { message: string }).message).toMatch(/invalid message/);
  });

  it('acks a batch, takes a re-sent batch as a no-op, refuses a gap with the seq to resend from', async () => {
    const { token } = await createOffice(cityA.pool, {
      id: 'one',
      name: 'Một',
      province: 'Hà Nội',
      commune: 'Quốc Oai',
    });
    const u = await connect(cityA, token);
    expect(await u.hello(log.length)).toEqual({ type: 'hello', officeId: 'one', lastSeq: 0 });
    const [b1, b2, b3] = batches(log, 100);
    expect(await u.request(b1!)).toEqual({ type: 'ack', seq: 100 });
    expect(await u.request(b1!)).toEqual({ type: 'ack', seq: 100 });
    const gap = await u.request(b3!);
    expect(gap).toMatchObject({ type: 'resend', fromSeq: 101 });
    expect((gap as { message: string }).message).toMatch(/send again from 101/);
    // A batch that overlaps what the city has: only the new part is written.
    const overlap = batches(log.slice(50, 150), 100)[0]!;
    expect(await u.request(overlap)).toEqual({ type: 'ack', seq: 150 });
    expect(await u.request(b2!)).toEqual({ type: 'ack', seq: 200 });
    expect(await eventSeqs(cityA.pool, 'one')).toEqual(log.slice(0, 200).map((e) => e.seq));
    // A reconnect learns where the city is.
    const again = await connect(cityB, token);
    expect(await again.hello(log.length)).toMatchObject({ lastSeq: 200 });
  });

  it('two city processes ingesting the same office concurrently store every event exactly once', async () => {
    const { token } = await createOffice(cityA.pool, {
      id: 'two',
      name: 'Hai',
      province: 'Hà Nội',
      commune: 'Thạch Thất',
    });
    const { token: refToken } = await createOffice(cityA.pool, {
      id: 'ref',
      name: 'Ref',
      province: 'Hà Nội',
      commune: 'Ref',
    });
    // The reference: the same day through one connection.
    const ref = await connect(cityA, refToken);
    await ref.hello();
    for (const b of batches(log, 250))
      expect(await ref.request(b)).toEqual({ type: 'ack', seq: b.events.at(-1)!.seq });

    // Three connections of one office (a hub whose old connection lingers while it reconnects, on
    // two city processes), each sending the whole day in batches of different sizes at once.
    const send = async (city: City, size: number) => {
      const u = await connect(city, token);
      await u.hello();
      const all = batches(log, size);
      for (let i = 0; i < all.length;) {
        const m = await u.request(all[i]!);
        if (m.type === 'ack') {
          // Skip what the city already has (another connection sent it).
          while (i < all.length && all[i]!.events.at(-1)!.seq <= m.seq) i++;
        } else if (m.type === 'resend') {
          throw new Error(`no gap expected when sending in order: ${m.message}`);
        } else throw new Error(JSON.stringify(m));
      }
    };
    await Promise.all([send(cityA, 97), send(cityB, 101), send(cityB, 50)]);
    expect(await eventSeqs(cityA.pool, 'two')).toEqual(log.map((e) => e.seq));
    expect(await projections(cityA.pool, 'two')).toEqual(await projections(cityA.pool, 'ref'));
  });

  it('keeps a configuration sent again at a reconnect once, and a changed one from the next seq', async () => {
    const { token } = await createOffice(cityA.pool, {
      id: 'cfg',
      name: 'Cfg',
      province: 'Hà Nội',
      commune: 'Cfg',
    });
    const all = batches(log, 400);
    const half = Math.floor(all.length / 2);
    const first = await connect(cityA, token);
    await first.hello();
    for (const b of all.slice(0, half)) await first.request(b);
    first.close();
    // The same configuration again: nothing new kept.
    const again = await connect(cityB, token);
    await again.hello();
    again.close();
    // The hub restarted with a new configuration (another name): in force from the next seq.
    const renamed = { ...config, office: { ...config.office, name: { vi: 'Mới', en: 'New' } } };
    const next = await connect(cityB, token);
    const from = all[half]!.fromSeq;
    expect(
      await next.request({ type: 'hello', version: 1, config: renamed, hubSeq: log.length }),
    ).toMatchObject({
      lastSeq: from - 1,
    });
    for (const b of all.slice(half)) await next.request(b);
    const { rows } = await cityA.pool.query(
      "SELECT from_seq, config->'office'->'name'->>'vi' AS name FROM office_configs WHERE office_id = 'cfg' ORDER BY from_seq",
    );
    expect(rows).toEqual([
      { from_seq: 1, name: config.office.name.vi },
      { from_seq: from, name: 'Mới' },
    ]);
    // The day was rewritten with the new configuration, to the same rows (a name changes no ticket).
    const live = await projections(cityA.pool, 'cfg');
    const ref = await projections(cityA.pool, 'ref');
    expect(live.tickets).toEqual(ref.tickets);
    expect(live.counters).toEqual(ref.counters);
    expect(live.ratings).toEqual(ref.ratings);
    expect(live.office_days).toEqual(ref.office_days.map((d) => ({ ...d, config_from: from })));
  });

  it('projects two days whose batches straddle the day change, alternating city processes', async () => {
    const TUESDAY = '2026-12-01';
    const twoDays = [...log, ...simulatedLog(2, TUESDAY, log.length + 1)];
    const { token } = await createOffice(cityA.pool, {
      id: 'days',
      name: 'Days',
      province: 'Hà Nội',
      commune: 'Days',
    });
    const onA = await connect(cityA, token);
    const onB = await connect(cityB, token);
    await onA.hello();
    await onB.hello();
    // Each batch on the other process: every batch finds the other's cache stale and replays.
    for (const [i, b] of batches(twoDays, 333).entries()) {
      expect(await (i % 2 ? onB : onA).request(b)).toEqual({ type: 'ack', seq: b.events.at(-1)!.seq });
    }
    const p = await projections(cityA.pool, 'days');
    const tuesday = simulateDay(config, { seed: 2, date: TUESDAY }).state;
    expect(p.office_days.map((d) => [d.day, d.opened_seq, d.last_seq, d.closed])).toEqual([
      [MONDAY, 1, log.length, true],
      [TUESDAY, log.length + 1, twoDays.length, true],
    ]);
    // Monday as the single-day office has it; Tuesday as the simulated hub ended it.
    const ref = await projections(cityA.pool, 'ref');
    expect(p.tickets.filter((t) => t.day === MONDAY)).toEqual(ref.tickets);
    expect(p.counters.filter((c) => c.day === MONDAY)).toEqual(ref.counters);
    expect(
      p.tickets.filter((t) => t.day === TUESDAY).map((t) => [t.id, t.status, t.counter, t.rating]),
    ).toEqual(
      Object.values(tuesday.tickets)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((t) => [t.id, t.status, t.counter, t.rating === undefined ? null : (t.rating ?? 0)]),
    );
    expect(p.counters.filter((c) => c.day === TUESDAY).map((c) => [c.number, c.status])).toEqual(
      Object.values(tuesday.counters).map((c) => [c.number, c.status]),
    );
    await rebuildProjections(cityA.pool, 'days');
    expect(await projections(cityA.pool, 'days')).toEqual(p);
  });

  it('projects the day as the hub sees it, and a rebuild from the raw events gives the same tables', async () => {
    const live = await projections(cityA.pool, 'ref');
    const cfgBefore = await projections(cityA.pool, 'cfg');
    const { rows } = await cityA.pool.query<{ status: string; n: number }>(
      "SELECT status, count(*)::int AS n FROM tickets WHERE office_id = 'ref' GROUP BY status ORDER BY status",
    );
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(
      log.filter((e) => e.event.type === 'ticket.issued').length,
    );
    expect(live.ratings.length).toBe(log.filter((e) => e.event.type === 'ticket.rated').length);
    // Ticket by ticket, what the simulated hub's own state ended with.
    const hub = simulateDay(config, { seed: 1, date: MONDAY }).state;
    const mine = live.tickets.map((t) => [
      t.id,
      t.status,
      t.counter,
      t.officer_id,
      t.call_count,
      t.transfers,
      t.rating,
    ]);
    const theirs = Object.values(hub.tickets)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((t) => [
        t.id,
        t.status,
        t.counter,
        t.officerId,
        t.callCount,
        t.transfers,
        t.rating === undefined ? null : (t.rating ?? 0),
      ]);
    expect(mine).toEqual(theirs);
    const counters = live.counters.map((c) => [c.number, c.status, c.current_ticket]);
    expect(counters).toEqual(Object.values(hub.counters).map((c) => [c.number, c.status, c.current]));
    // The closed day's stored report text too (day_rows), rebuilt below with the rest.
    expect(live.day_rows.length).toBe(1);
    const r = await rebuildProjections(cityA.pool);
    expect(r.offices).toBe(8);
    expect(await projections(cityA.pool, 'ref')).toEqual(live);
    // Rebuilt across a change of configuration, as it was ingested.
    expect(await projections(cityA.pool, 'cfg')).toEqual(cfgBefore);
    expect(await projections(cityA.pool, 'two')).toEqual(live);
  });
});
