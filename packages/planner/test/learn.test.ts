import { describe, expect, it } from 'vitest';
import { quocOai } from '@luot/core/testing';
import { dayProfile } from '@luot/sim';
import {
  configuredArrivals,
  fitLognormal,
  learnPlanInputs,
  planIntervals,
  type HistoryTicket,
} from '../src/index.js';

/** Hà Nội is UTC+7 all year: epoch ms of a local time on a day. */
const hanoi = (date: string, hour: number, minute = 0) =>
  Date.parse(`${date}T00:00:00Z`) + ((hour - 7) * 60 + minute) * 60_000;

const ticket = (
  date: string,
  service: string,
  hour: number,
  minute: number,
  visit?: number,
): HistoryTicket => {
  const issuedAt = hanoi(date, hour, minute);
  const servingAt = visit === undefined ? null : issuedAt + 60_000;
  return {
    date,
    service,
    issuedAt,
    servingAt,
    finishedAt: servingAt === null || visit === undefined ? null : servingAt + visit * 60_000,
  };
};

// 17 November 2026 is a holiday in this office: it is not a Tuesday of the history.
const config = quocOai((c) => {
  c.sessions.holidays = ['2026-11-17'];
});
const PLANNED = '2026-12-08'; // a Tuesday

/**
 * Tuesdays before 8 December: 1 December (A at 08:05, 08:20, 09:10, and one at 07:30 before
 * opening), 24 November (A at 08:10, B at 13:40), 17 November (holiday), 10 November (open, nobody
 * came). The history starts on Monday 9 November (C's visits), so 3 November is not history.
 */
const history: HistoryTicket[] = [
  ticket('2026-12-01', 'A', 8, 5),
  ticket('2026-12-01', 'A', 8, 20),
  ticket('2026-12-01', 'A', 9, 10),
  ticket('2026-12-01', 'A', 7, 30),
  ticket('2026-11-24', 'A', 8, 10),
  ticket('2026-11-24', 'B', 13, 40),
  // The planned day itself and later: not history.
  ticket('2026-12-08', 'A', 8, 0),
  ticket('2026-12-15', 'A', 8, 0),
  // Visits of C on a Monday: 15 of 5 minutes and 15 of 20 minutes.
  ...Array.from({ length: 30 }, (_, i) => ticket('2026-11-09', 'C', 8, i, i < 15 ? 5 : 20)),
  // B: 29 visits only, and a no-show and a zero-length visit that say nothing.
  ...Array.from({ length: 29 }, (_, i) => ticket('2026-11-09', 'B', 9, i, 10)),
  ticket('2026-11-09', 'B', 10, 0),
  ticket('2026-11-09', 'B', 10, 1, 0),
];

describe('learning a day’s plan from the office’s history', () => {
  it('averages arrivals per interval over the same weekday’s open days, empty ones as zeros', () => {
    const learned = learnPlanInputs(history, config, { date: PLANNED });
    expect(learned.days).toEqual(['2026-12-01', '2026-11-24', '2026-11-10']);
    expect(learned.source).toEqual({ vi: '3 ngày thứ Ba gần nhất', en: 'last 3 Tuesdays' });
    const n = planIntervals(config, 30).length; // 08:00 … 16:30
    expect(n).toBe(18);
    const a = Array<number>(n).fill(0);
    a[0] = (2 + 1 + 0) / 3; // 08:00–08:30
    a[2] = 1 / 3; // 09:00–09:30
    const b = Array<number>(n).fill(0);
    b[11] = 1 / 3; // 13:30–14:00
    expect(learned.arrivals.A).toEqual(a);
    expect(learned.arrivals.B).toEqual(b);
    expect(learned.arrivals.C).toEqual(Array<number>(n).fill(0));
    // Every configured service is listed.
    expect(Object.keys(learned.arrivals).sort()).toEqual(config.services.map((s) => s.prefix).sort());
  });

  it('reads only the last `weeks` of them, and other interval lengths', () => {
    const two = learnPlanInputs(history, config, { date: PLANNED, weeks: 2 });
    expect(two.days).toEqual(['2026-12-01', '2026-11-24']);
    expect(two.arrivals.A![0]).toBe(1.5);
    expect(two.source.en).toBe('last 2 Tuesdays');
    const hourly = learnPlanInputs(history, config, { date: PLANNED, intervalMinutes: 60 });
    expect(hourly.arrivals.A!.slice(0, 2)).toEqual([3 / 3, 1 / 3]); // 08:00–09:00 and 09:00–10:00
  });

  it('fits a lognormal to the visits by maximum likelihood, and falls back below 30 visits', () => {
    const { serviceTimes } = learnPlanInputs(history, config, { date: PLANNED });
    // ln 5 and ln 20 half each: μ = ln 10, σ = ln 2, mean = 10·e^(ln²2 / 2) ≈ 12.71537 minutes.
    expect(serviceTimes.C).toEqual({
      kind: 'lognormal',
      meanMinutes: expect.closeTo(12.71537, 4) as number,
      sigma: expect.closeTo(Math.LN2, 12) as number,
      samples: 30,
    });
    const b = config.services.find((s) => s.prefix === 'B')!;
    expect(serviceTimes.B).toEqual({
      kind: 'lognormal',
      meanMinutes: b.defaultServiceMinutes,
      sigma: 0.5,
      samples: 29,
    });
    const t = config.services.find((s) => s.prefix === 'T')!;
    expect(serviceTimes.T).toEqual({
      kind: 'lognormal',
      meanMinutes: t.defaultServiceMinutes,
      sigma: 0.5,
      samples: 0,
    });
  });

  it('fitLognormal: one value has no spread; none is nothing', () => {
    expect(fitLognormal([7, 7, 7])).toEqual({ kind: 'lognormal', meanMinutes: 7, sigma: 0, samples: 3 });
    expect(fitLognormal([])).toBeNull();
  });

  it('uses the configuration’s volumes and day shape with fewer than two same-weekday days', () => {
    const thin = history.filter((r) => r.date >= '2026-11-25'); // only 1 December
    const learned = learnPlanInputs(thin, config, { date: PLANNED });
    expect(learned.days).toEqual([]);
    expect(learned.source).toEqual({
      vi: 'cấu hình văn phòng (chưa đủ lịch sử)',
      en: 'office configuration (not enough history)',
    });
    expect(learnPlanInputs([], config, { date: PLANNED }).source).toEqual(learned.source);
    const volume = dayProfile(config).volume.A!;
    const a = learned.arrivals.A!;
    // Shape: 08–10 weight 1.6, 10–12 and 13–16 weight 1, 16–17 weight 0.5: 192 + 120 + 180 + 30 = 522.
    expect(a[0]).toBeCloseTo((volume * 1.6 * 30) / 522, 10); // 08:00, the morning peak
    expect(a[4]).toBeCloseTo((volume * 30) / 522, 10); // 10:00
    expect(a[8]).toBe(0); // 12:00, lunch
    expect(a[17]).toBeCloseTo((volume * 0.5 * 30) / 522, 10); // 16:30, the quiet end
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(volume, 10);
    expect(learned.arrivals).toEqual(configuredArrivals(config, planIntervals(config, 30), 30));
  });
});
