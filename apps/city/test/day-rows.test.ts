/**
 * The stored report text of closed office days (`day_rows`, migration 3): a report across offices
 * that reads it equals one that formats every ticket, with and without a service filter; only
 * closed days have it; a late event on a closed day rewrites it; a rebuild from the raw events
 * writes it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDay } from '@luot/core';
import { quocOai } from '@luot/core/testing';
import { CityReportSchema, type StreamEvent, type UplinkBatch } from '@luot/protocol';
import { simulateDay } from '@luot/sim';
import { hello, ingestBatch } from '../src/ingest.js';
import { createOffice } from '../src/offices.js';
import { rebuildProjections } from '../src/rebuild.js';
import { FLAT_SQL } from '../src/reports/scan.js';
import type { City } from '../src/server.js';
import { startTestCity, startTestDatabase, type TestDatabase } from '../src/testing.js';

let db: TestDatabase;
let city: City;
const config = quocOai();
/** Two days closed by the supervisor, the last left open (its hub went quiet before closing). */
const CLOSED = ['2026-11-30', '2026-12-01'];
const OPEN = '2026-12-02';
const log: StreamEvent[] = [];

async function send(office: string, events: StreamEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 400) {
    const part = events.slice(i, i + 400) as UplinkBatch['events'];
    const r = await ingestBatch(city.pool, city.projector, office, {
      type: 'batch',
      fromSeq: part[0]!.seq,
      events: part,
    });
    expect(r.kind).toBe('ack');
  }
}

const report = async (query = '') => {
  const res = await fetch(`${city.url}/api/reports?from=${CLOSED[0]}&to=${OPEN}${query}`);
  expect(res.status).toBe(200);
  return CityReportSchema.parse(await res.json());
};

/** Each stored day's text beside the text PostgreSQL formats from the tickets now (as ticket sets). */
async function storedAndFormatted() {
  const { rows: stored } = await city.pool.query<{ day: string; rows: string }>(
    "SELECT to_char(day, 'YYYY-MM-DD') AS day, rows FROM day_rows WHERE office_id = 'dr' ORDER BY day",
  );
  const { rows: formatted } = await city.pool.query<{ day: string; rows: string }>(FLAT_SQL, [
    'dr',
    CLOSED[0],
    OPEN,
    null,
    null,
    null,
  ]);
  const tickets = (text: string) => text.split(';').sort();
  return {
    stored: Object.fromEntries(stored.map((r) => [r.day, tickets(r.rows)])),
    formatted: Object.fromEntries(formatted.map((r) => [String(r.day), tickets(r.rows)])),
  };
}

beforeAll(async () => {
  db = await startTestDatabase();
  city = await startTestCity(db.url);
  await createOffice(city.pool, {
    id: 'dr',
    name: 'Văn phòng Đồng Xuân',
    province: 'Hà Nội',
    commune: 'Xã Đông Anh',
  });
  for (const [i, date] of [...CLOSED, OPEN].entries()) {
    const day = simulateDay(config, {
      seed: 40 + i,
      date,
      profile: { tickets: 80, transfer: 0.1, noShow: 0.1, closeDay: date !== OPEN },
    });
    log.push({
      seq: log.length + 1,
      at: day.events[0]!.at - 1000,
      event: { type: 'day.opened', day: date, level: createDay(config, date).level },
    });
    for (const e of day.events) log.push({ seq: log.length + 1, at: e.at, event: e.event });
  }
  await hello(city.pool, 'dr', config, log.length);
  await send('dr', log);
}, 60_000);

afterAll(async () => {
  await city?.close();
  await db?.close();
});

describe('the stored text of closed days', () => {
  it('is kept for closed days only, equal to their tickets formatted now', async () => {
    const { stored, formatted } = await storedAndFormatted();
    expect(Object.keys(stored)).toEqual(CLOSED);
    for (const day of CLOSED) expect(stored[day]).toEqual(formatted[day]);
    expect(formatted[OPEN]!.length).toBeGreaterThan(10);
  });

  it('gives the report the row-by-row scan gives, with and without a service filter', async () => {
    const fromStored = [await report(), await report('&service=A'), await report('&service=B')];
    expect(fromStored[0]!.rowsScanned).toBeGreaterThan(200);
    expect(fromStored[1]!.rowsScanned).toBeLessThan(fromStored[0]!.rowsScanned);
    const kept = await city.pool.query("SELECT day, rows FROM day_rows WHERE office_id = 'dr'");
    await city.pool.query("DELETE FROM day_rows WHERE office_id = 'dr'");
    try {
      const scanned = [await report(), await report('&service=A'), await report('&service=B')];
      expect(fromStored).toEqual(scanned);
    } finally {
      for (const r of kept.rows) {
        await city.pool.query("INSERT INTO day_rows (office_id, day, rows) VALUES ('dr', $1, $2)", [
          r.day,
          r.rows,
        ]);
      }
    }
  });

  it('is rewritten when a late event changes a closed day', async () => {
    // Another office with one closed day; then a rating arrives after the close (the citizen
    // answered as the office shut) and the projector writes it into the closed day.
    await createOffice(city.pool, {
      id: 'late',
      name: 'Văn phòng Muộn',
      province: 'Hà Nội',
      commune: 'Xã Đông Anh',
    });
    const day = simulateDay(config, { seed: 7, date: CLOSED[0]!, profile: { tickets: 40 } });
    const own: StreamEvent[] = [
      {
        seq: 1,
        at: day.events[0]!.at - 1000,
        event: { type: 'day.opened', day: CLOSED[0]!, level: createDay(config, CLOSED[0]!).level },
      },
      ...day.events.map((e, i) => ({ seq: i + 2, at: e.at, event: e.event })),
    ];
    expect(own.at(-1)!.event.type).toBe('day.closed');
    await hello(city.pool, 'late', config, own.length);
    await send('late', own);
    const done = day.events.find((e) => e.event.type === 'ticket.finished');
    const ticketId = (done!.event as { ticketId: string }).ticketId;
    const text = async () =>
      (await city.pool.query<{ rows: string }>("SELECT rows FROM day_rows WHERE office_id = 'late'")).rows[0]!
        .rows;
    const before = await text();
    await send('late', [
      {
        seq: own.length + 1,
        at: own.at(-1)!.at + 60_000,
        event: { type: 'ticket.rated', ticketId, score: 1, reasons: [] },
      },
    ]);
    const after = await text();
    expect(after).not.toEqual(before);
    const { rows } = await city.pool.query<{ rows: string }>(FLAT_SQL, [
      'late',
      CLOSED[0],
      CLOSED[0],
      null,
      null,
      null,
    ]);
    expect(after.split(';').sort()).toEqual(rows[0]!.rows.split(';').sort());
  });

  it('is written again by a rebuild from the raw events', async () => {
    const before = await report('&office=dr');
    await city.pool.query("UPDATE day_rows SET rows = 'stale' WHERE office_id = 'dr'");
    await rebuildProjections(city.pool, 'dr');
    const { stored, formatted } = await storedAndFormatted();
    expect(Object.keys(stored)).toEqual(CLOSED);
    for (const day of CLOSED) expect(stored[day]).toEqual(formatted[day]);
    expect(await report('&office=dr')).toEqual(before);
  });
});
