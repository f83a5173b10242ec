import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quocOai } from '@luot/core/testing';
import { ReportResponseSchema, type ReportFigures } from '@luot/protocol';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { HAND_DAY, writeHandDay } from './fixture.js';
import { writeHistory } from './history.js';

const office = quocOai();
const LATER = '2026-12-01'; // "today" after the hand day: its waiting ticket was abandoned

let dir: string;
let storage: Storage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-reports-'));
  storage = openStorage(join(dir, 'luot.sqlite'));
});
afterEach(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = async (
  filter: { from: string; to: string; service?: string; counter?: number; officer?: string },
  today = LATER,
) =>
  await storage.reports.range.report(filter, { office, today, officerNames: new Map([['cb1', 'Cán bộ 1']]) });

const minutes = (count: number, mean: number | null, median: number | null, p90: number | null) => ({
  count,
  mean,
  median,
  p90,
});

describe('a range report, against a day worked out by hand', () => {
  beforeEach(() => writeHandDay(storage.store));

  it('counts and times the whole day', async () => {
    const r = await report({ from: HAND_DAY, to: HAND_DAY });
    expect(r.rowsScanned).toBe(7);
    expect(r.days).toBe(1);
    expect(r.targetMinutes).toBe(30);
    expect(r.total).toEqual<ReportFigures>({
      issued: 7,
      served: 4,
      noShow: 1,
      cancelled: 1,
      transferred: 1,
      abandoned: 2, // A003 cancelled uncalled, B004 still waiting when the day was over
      wait: minutes(5, 21, 20, 36), // 5, 10, 20, 30, 40: p90 = 30 + 0.6 × 10
      serviceTime: minutes(4, 10, 8, 17), // 4, 6, 10, 20: median 8, p90 = 10 + 0.7 × 10
      withinTarget: { count: 4, of: 5, share: 0.8 }, // 30 is within a 30-minute target
      ratings: { counts: [1, 0, 1, 1], unanswered: 1, answered: 3, satisfied: 2, satisfaction: 0.6667 },
    });
  });

  it('uses the office’s own wait target when it has one', async () => {
    const strict = quocOai((c) => (c.alerts = { waitMinutes: 20 }));
    const r = await storage.reports.range.report(
      { from: HAND_DAY, to: HAND_DAY },
      { office: strict, today: LATER },
    );
    expect(r.targetMinutes).toBe(20);
    expect(r.total.withinTarget).toEqual({ count: 3, of: 5, share: 0.6 }); // 5, 10, 20 of 5, 10, 20, 30, 40
  });

  it('on the day itself, a ticket still waiting is not abandoned yet', async () => {
    expect((await report({ from: HAND_DAY, to: HAND_DAY }, HAND_DAY)).total.abandoned).toBe(1);
  });

  it('splits it by service, counter, officer, hour and day', async () => {
    const r = await report({ from: HAND_DAY, to: HAND_DAY });
    const [a, b] = r.byService;
    expect(a).toMatchObject({
      service: 'A',
      issued: 3,
      served: 2,
      cancelled: 1,
      abandoned: 1,
      wait: minutes(2, 25, 25, 37),
      serviceTime: minutes(2, 8, 8, 9.6),
      withinTarget: { count: 1, of: 2, share: 0.5 },
      ratings: { counts: [0, 0, 1, 1], unanswered: 0, answered: 2, satisfied: 2, satisfaction: 1 },
    });
    expect(a!.name?.vi).toBe(office.services.find((s) => s.prefix === 'A')!.name.vi);
    expect(b).toMatchObject({
      service: 'B',
      issued: 4,
      served: 2,
      noShow: 1,
      transferred: 1,
      abandoned: 1,
      wait: minutes(3, 18.3, 20, 28),
      serviceTime: minutes(2, 12, 12, 18.4),
      withinTarget: { count: 3, of: 3, share: 1 },
      ratings: { counts: [1, 0, 0, 0], unanswered: 1, answered: 1, satisfied: 0, satisfaction: 0 },
    });
    expect(r.byService).toHaveLength(2);
    expect(r.byCounter.map((c) => [c.counter, c.issued, c.served])).toEqual([
      [1, 2, 2],
      [2, 3, 2],
      [null, 2, 0],
    ]);
    expect(r.byOfficer.map((o) => [o.officer, o.name, o.issued])).toEqual([
      ['cb1', 'Cán bộ 1', 2],
      ['cb2', null, 3],
      [null, null, 2],
    ]);
    expect(r.byHour.map((h) => [h.hour, h.issued])).toEqual([
      [8, 3],
      [9, 2],
      [10, 2],
    ]);
    expect(r.byDay.map((d) => [d.day, d.weekday, d.issued])).toEqual([[HAND_DAY, 1, 7]]);
  });

  it('gives the charts their data', async () => {
    const c = (await report({ from: HAND_DAY, to: HAND_DAY })).charts;
    expect(c.hourlyByService).toEqual({
      hours: [8, 9, 10],
      series: [
        { service: 'A', counts: [2, 1, 0] },
        { service: 'B', counts: [1, 1, 2] },
      ],
    });
    // Waits 5, 10, 20, 30, 40 minutes.
    expect(c.waitHistogram.map((b) => b.count)).toEqual([0, 1, 1, 0, 1, 2, 0, 0, 0, 0]);
    expect(c.waitHistogram.at(-1)).toEqual({ from: 120, to: null, count: 0 });
    expect(c.arrivalsHeatmap.counts[0]!.slice(8, 11)).toEqual([3, 2, 2]); // Monday 8, 9, 10 h
    expect(c.arrivalsHeatmap.counts.flat().reduce((s, n) => s + n)).toBe(7);
    expect(c.arrivalsHeatmap.days).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(c.satisfactionByOfficer).toEqual([
      {
        officer: 'cb1',
        name: 'Cán bộ 1',
        days: [{ day: HAND_DAY, answered: 2, satisfied: 2, satisfaction: 1 }],
      },
      { officer: 'cb2', name: null, days: [{ day: HAND_DAY, answered: 1, satisfied: 0, satisfaction: 0 }] },
    ]);
    expect(c.withinTargetByService).toEqual([
      { service: 'A', count: 1, of: 2, share: 0.5 },
      { service: 'B', count: 3, of: 3, share: 1 },
    ]);
  });

  it('filters by service, counter and officer', async () => {
    expect((await report({ from: HAND_DAY, to: HAND_DAY, service: 'A' })).total.issued).toBe(3);
    const counter2 = await report({ from: HAND_DAY, to: HAND_DAY, counter: 2 });
    expect([counter2.total.issued, counter2.total.noShow, counter2.total.wait.median]).toEqual([3, 1, 20]);
    const cb1 = await report({ from: HAND_DAY, to: HAND_DAY, officer: 'cb1', service: 'A' });
    expect(cb1.total.issued).toBe(2);
    expect(cb1.filter).toEqual({ from: HAND_DAY, to: HAND_DAY, service: 'A', officer: 'cb1' });
    expect((await report({ from: HAND_DAY, to: HAND_DAY, officer: 'nobody' })).total.issued).toBe(0);
  });

  it('reads a long range a few weeks at a time, letting the event loop run between them', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('event loop'));
    // 60 days: DAYS_PER_QUERY at a time; the hand day and the days around it fall in the last part.
    const r = await report({ from: '2026-09-26', to: '2026-11-24' });
    order.push('report');
    expect(order).toEqual(['event loop', 'report']);
    expect([r.days, r.rowsScanned, r.total.issued]).toEqual([60, 9, 9]);
    expect(r.byDay.map((d) => d.day)).toEqual(['2026-11-22', HAND_DAY, '2026-11-24']);
    // A range of one query does not wait for the event loop.
    const quick: string[] = [];
    setImmediate(() => quick.push('event loop'));
    await report({ from: HAND_DAY, to: HAND_DAY });
    quick.push('report');
    expect(quick).toEqual(['report']); // the event loop's turn comes after
  });

  it('runs reports asked for together one after another', async () => {
    const ctx = { office, today: LATER };
    const order: string[] = [];
    await Promise.all([
      // A long range yields between its slices; a one-day report asked meanwhile waits for it.
      storage.reports.range
        .respond({ from: '2026-09-26', to: '2026-11-24' }, ctx, true)
        .then(() => order.push('long')),
      storage.reports.range
        .respond({ from: HAND_DAY, to: HAND_DAY }, ctx, false)
        .then(() => order.push('short')),
    ]);
    expect(order).toEqual(['long', 'short']);
  });

  it('compares with the previous period of the same length', async () => {
    const r = await storage.reports.range.respond(
      { from: HAND_DAY, to: HAND_DAY },
      { office, today: LATER },
      true,
    );
    expect(ReportResponseSchema.parse(r)).toEqual(r);
    expect(r.previous!.filter).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(r.previous!.total.issued).toBe(1);
    expect(r.previous!.byCounter.map((c) => c.counter)).toEqual([3]);
    // Three days: the hand day and the ones around it; the previous three hold nothing.
    const three = await storage.reports.range.respond(
      { from: '2026-11-22', to: '2026-11-24' },
      { office, today: LATER },
      true,
    );
    expect(three.current.total.issued).toBe(9);
    expect(three.previous!.filter).toEqual({ from: '2026-11-19', to: '2026-11-21' });
    expect(three.previous!.total.issued).toBe(0);
    expect(three.previous!.total.wait).toEqual(minutes(0, null, null, null));
  });
});

describe('a range report over simulated weeks', () => {
  it('agrees with what the simulator did, day by day', async () => {
    // Three weeks of the default office through the real core (~640 tickets a working day).
    const expected = {
      issued: 0,
      served: 0,
      noShow: 0,
      cancelled: 0,
      rated: 0,
      answered: 0,
      waitMs: 0,
      called: 0,
    };
    const perDay = new Map<string, number>();
    const perService = new Map<string, number>();
    writeHistory(storage.store, office, {
      from: '2026-11-02',
      days: 21,
      seed: 11,
      onDay: (day, date) => {
        expected.issued += day.stats.issued;
        perDay.set(date, day.stats.issued);
        for (const t of day.tickets) {
          perService.set(t.issuedService, (perService.get(t.issuedService) ?? 0) + 1);
          if (t.status === 'done') expected.served++;
          if (t.status === 'no_show') expected.noShow++;
          if (t.status === 'cancelled') expected.cancelled++;
          if (t.rating !== undefined) expected.rated++;
          if (typeof t.rating === 'number') expected.answered++;
        }
        // The first call, from the events: the day's tickets keep only their last call.
        const firstCall = new Map<string, number>();
        for (const { at, event } of day.events) {
          if (event.type === 'ticket.called' && !firstCall.has(event.ticketId))
            firstCall.set(event.ticketId, at);
        }
        for (const t of day.tickets) {
          const called = firstCall.get(t.id);
          if (called === undefined) continue;
          expected.waitMs += called - t.issuedAt;
          expected.called++;
        }
      },
    });
    expect(expected.issued).toBeGreaterThan(5000);

    const r = await report({ from: '2026-11-02', to: '2026-11-22' });
    expect(r.total.issued).toBe(expected.issued);
    expect(r.rowsScanned).toBe(expected.issued);
    expect(r.total.served).toBe(expected.served);
    expect(r.total.noShow).toBe(expected.noShow);
    expect(r.total.cancelled).toBe(expected.cancelled);
    expect(r.total.ratings.answered + r.total.ratings.unanswered).toBe(expected.rated);
    expect(r.total.ratings.answered).toBe(expected.answered);
    expect(r.total.wait.count).toBe(expected.called);
    expect(r.total.wait.mean).toBe(Math.round(expected.waitMs / expected.called / 6000) / 10);
    // Weekends are closed: 15 working days, each with its own count.
    expect(new Map(r.byDay.map((d) => [d.day, d.issued]))).toEqual(perDay);
    expect(r.byDay.every((d) => d.weekday <= 5)).toBe(true);
    expect(new Map(r.byService.map((s) => [s.service, s.issued]))).toEqual(perService);
    // Every group adds up to the whole.
    for (const rows of [r.byService, r.byCounter, r.byOfficer, r.byHour, r.byDay]) {
      expect(rows.reduce((s, x) => s + x.issued, 0)).toBe(expected.issued);
      expect(rows.reduce((s, x) => s + x.served, 0)).toBe(expected.served);
    }
    // Office hours only: nobody arrives before 7 or after 17 o'clock.
    expect(r.byHour[0]!.hour).toBeGreaterThanOrEqual(7);
    expect(r.byHour.at(-1)!.hour).toBeLessThanOrEqual(17);

    // One week of the three, and the week before it as the previous period.
    const week = await storage.reports.range.respond(
      { from: '2026-11-16', to: '2026-11-22' },
      { office, today: LATER },
      true,
    );
    const weekDays = [...perDay].filter(([d]) => d >= '2026-11-16');
    const earlier = [...perDay].filter(([d]) => d >= '2026-11-09' && d <= '2026-11-15');
    expect(week.current.total.issued).toBe(weekDays.reduce((s, [, n]) => s + n, 0));
    expect(week.previous!.total.issued).toBe(earlier.reduce((s, [, n]) => s + n, 0));
  }, 60_000); // three simulated weeks take a few seconds, more on a busy machine
});
