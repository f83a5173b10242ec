import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quocOai } from '@luot/core/testing';
import { learnPlanInputs, planIntervals } from '@luot/planner';
import { localMidnight } from '@luot/sim';
import { resolveConfig, officerSkills, type HubConfig } from '../../src/config.js';
import { planRequestFor } from '../../src/planning/request.js';
import { HISTORY_SQL, readHistory } from '../../src/storage/history.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { writeHistory } from '../reports/history.js';

const office = quocOai();
const LAND = office.counters.find((c) => c.number === 1)!.agency; // counters 1–3: service A
const TAX = office.counters.find((c) => c.services.includes('T'))!.agency;
const hub: Pick<HubConfig, 'officers'> = {
  officers: [
    { id: 'ld01', name: 'Lãnh đạo', pinHash: 'x', role: 'supervisor' },
    { id: 'cb1', name: 'Cán bộ 1', agency: LAND, pinHash: 'x', role: 'officer' },
    { id: 'cb2', name: 'Cán bộ 2', agency: TAX, pinHash: 'x', role: 'officer' },
    {
      id: 'cb3',
      name: 'Cán bộ 3',
      services: ['A', 'C'],
      hours: { from: '08:00', to: '12:00' },
      pinHash: 'x',
      role: 'officer',
    },
    { id: 'cb4', name: 'Cán bộ 4', pinHash: 'x', role: 'officer' },
  ],
};
const PLANNED = '2026-12-08'; // a Tuesday
const START = '2026-10-05'; // a Monday: nine weeks before

let dir: string;
let storage: Storage;
/** Tickets per service per half hour on each Tuesday, counted from the simulated days themselves. */
const tuesdays = new Map<string, Record<string, number[]>>();
const intervals = planIntervals(office, 30);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-plan-request-'));
  storage = openStorage(join(dir, 'luot.sqlite'));
  writeHistory(storage.store, office, {
    from: START,
    days: 63,
    seed: 100,
    // A lighter office keeps the test quick; what is learned does not depend on how busy it is.
    profile: { tickets: 150 },
    onDay: (day, date) => {
      if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 2) return;
      const counts: Record<string, number[]> = {};
      const midnight = localMidnight(date, office.sessions.timeZone);
      for (const t of day.tickets) {
        const i = Math.floor(((t.issuedAt - midnight) / 60_000 - 8 * 60) / 30);
        if (i < 0 || i >= intervals.length) continue;
        (counts[t.issuedService] ??= intervals.map(() => 0))[i]! += 1;
      }
      tuesdays.set(date, counts);
    },
  });
}, 60_000);
afterAll(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the history the planner learns from', () => {
  it('is every ticket of the range, read from the reports’ covering index alone', () => {
    const db = storage.store.db;
    const rows = readHistory(db, START, '2026-12-06');
    const count = db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number };
    expect(rows.length).toBe(count.n);
    expect(rows.every((r) => r.date >= START && r.date <= '2026-12-06')).toBe(true);
    // Served visits only have an end: a no-show's time is not a visit.
    const done = db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'done'").get() as { n: number };
    expect(rows.filter((r) => r.finishedAt !== null).length).toBe(done.n);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${HISTORY_SQL}`)
      .all({ from: START, to: PLANNED })
      .map((r) => (r as { detail: string }).detail);
    expect(plan).toEqual([expect.stringContaining('USING COVERING INDEX tickets_report')]);
  });
});

describe('a plan request from the hub', () => {
  it('takes arrivals from the last 8 Tuesdays and visit times from the visits', () => {
    const request = planRequestFor(storage.store, office, hub, { date: PLANNED, runs: 20, seed: 3 });
    expect(request.source).toEqual({ vi: '8 ngày thứ Ba gần nhất', en: 'last 8 Tuesdays' });
    // The eight Tuesdays before 8 December (the first of the nine, 6 October, is one too many).
    const eight = [...tuesdays.keys()].filter((d) => d < PLANNED).slice(-8);
    expect(eight).toHaveLength(8);
    for (const s of office.services) {
      const expected = intervals.map(
        (_, i) => eight.reduce((a, d) => a + (tuesdays.get(d)![s.prefix]?.[i] ?? 0), 0) / 8,
      );
      expect(request.arrivals[s.prefix]).toEqual(expected);
    }
    // The same as learning from the database's rows directly.
    const learned = learnPlanInputs(readHistory(storage.store.db, START, '2026-12-07'), office, {
      date: PLANNED,
    });
    expect(request.serviceTimes).toEqual(learned.serviceTimes);
    expect(request.serviceTimes!.A).toMatchObject({
      kind: 'lognormal',
      samples: expect.any(Number) as number,
    });
    expect((request.serviceTimes!.A as { samples: number }).samples).toBeGreaterThanOrEqual(30);
    expect(request).toMatchObject({ date: PLANNED, runs: 20, seed: 3, config: office });
    expect(request.level).toBeUndefined();
  });

  it('puts the officers on duty with the services each can receive', () => {
    const request = planRequestFor(storage.store.db, office, hub, { date: PLANNED });
    const all = [...new Set(office.counters.flatMap((c) => c.services))];
    expect(request.officers).toEqual([
      { id: 'cb1', name: 'Cán bộ 1', services: ['A'] }, // the land office's counters
      { id: 'cb2', name: 'Cán bộ 2', services: ['T'] },
      { id: 'cb3', name: 'Cán bộ 3', services: ['A', 'C'], from: '08:00', to: '12:00' }, // configured, mornings
      { id: 'cb4', name: 'Cán bộ 4', services: all }, // no agency: anywhere
    ]);
    const named = planRequestFor(storage.store.db, office, hub, { date: PLANNED, officers: ['cb3', 'ld01'] });
    expect(named.officers.map((o) => o.id)).toEqual(['cb3', 'ld01']);
    expect(() => planRequestFor(storage.store.db, office, hub, { date: PLANNED, officers: ['cb9'] })).toThrow(
      'unknown officer cb9',
    );
  });

  it('scales the arrivals for a what-if, and says so', () => {
    const base = planRequestFor(storage.store, office, hub, { date: PLANNED });
    const more = planRequestFor(storage.store, office, hub, { date: PLANNED, arrivalsFactor: 1.3, level: 3 });
    expect(more.arrivals.A).toEqual(base.arrivals.A!.map((n) => n * 1.3));
    expect(more.source).toEqual({
      vi: '8 ngày thứ Ba gần nhất, lượt đến × 1,3',
      en: 'last 8 Tuesdays, arrivals × 1.3',
    });
    expect(more.level).toBe(3);
  });

  it('falls back to the configuration before the office has two same weekdays of history', () => {
    const request = planRequestFor(storage.store, office, hub, { date: '2026-10-13' });
    expect(request.source?.vi).toBe('cấu hình văn phòng (chưa đủ lịch sử)');
  });
});

describe('officers’ skills in the hub configuration', () => {
  const base = { devices: [{ id: 'kiosk-1', role: 'kiosk', token: 'test-kiosk-1-token' }] };
  it('are optional services, checked against the office', () => {
    const { hub: parsed, office: o } = resolveConfig({
      ...base,
      officers: [{ id: 'cb1', name: 'A', pinHash: 'x', services: ['A', 'T'] }],
    });
    expect(officerSkills(parsed.officers[0]!, o)).toEqual(['A', 'T']);
    expect(() =>
      resolveConfig({ ...base, officers: [{ id: 'cb1', name: 'A', pinHash: 'x', services: ['Z'] }] }),
    ).toThrow('officer cb1 names unknown service Z');
  });
});
