import { parseHm, type OfficeConfig, type Text } from '@luot/core';
import { dayProfile, isOpenDay, localMidnight } from '@luot/sim';
import { planIntervals } from './intervals.js';
import type { ServiceTimeModel } from './request.js';

/** One past ticket, as the hub's database keeps it (apps/hub/src/storage/history.ts reads them). */
export interface HistoryTicket {
  /** The office-local day it was issued on, YYYY-MM-DD. */
  date: string;
  /** The service it was issued for (a transfer does not move it: the citizen came for this one). */
  service: string;
  /** Epoch ms. */
  issuedAt: number;
  /** When its (last) visit started; null when never served. */
  servingAt: number | null;
  /** When its visit finished; null unless it was served to the end. */
  finishedAt: number | null;
}

export interface LearnOptions {
  /** The day planned, YYYY-MM-DD: history is read from the days before it. */
  date: string;
  /** [30] */
  intervalMinutes?: number;
  /** Same-weekday open days averaged [8]. */
  weeks?: number;
}

export interface Learned {
  /** Citizens expected per service per interval (`planIntervals`), every configured service listed. */
  arrivals: Record<string, number[]>;
  serviceTimes: Record<string, ServiceTimeModel>;
  /** Where the arrivals came from, shown with the plan. */
  source: Text;
  /** The same-weekday days averaged, most recent first; empty when the configuration was used. */
  days: string[];
}

/** Fewer finished visits than this and a fitted σ is mostly noise: the configured mean is used. */
export const MIN_SERVICE_SAMPLES = 30;
/** With fewer same-weekday days than this, one odd day would be the forecast: the configuration is used. */
export const MIN_HISTORY_DAYS = 2;
/** Spread of a visit's length without history, as the simulator's default office (`dayProfile`). */
export const FALLBACK_SIGMA = 0.5;

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAY_EN = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * What the planner needs to know of a day it has not seen, learned from the office's past tickets:
 *
 * - **Arrivals** per service per interval: the mean over the last `weeks` same-weekday days the
 *   office was open before `date` (a Tuesday is planned from Tuesdays: a one-stop office's weekly
 *   rhythm is strong). A day the office was open but nobody came counts as zero; a holiday does not
 *   count at all, and neither do days before the first ticket in `rows` (the history starts there:
 *   an office that installed Lượt three weeks ago has three weeks, not eight with five empty ones).
 *   With fewer than two such days the configuration's expected daily volumes (`dayProfile`) are
 *   spread over the day by its default shape (morning peak, quiet last hour) instead.
 * - **Service times** per service: a lognormal fitted by maximum likelihood to the finished visits
 *   (serving → finished) among `rows`. Lognormal because a visit's length is positive and
 *   right-skewed (most are quick, a few files take very long); its two parameters are estimated
 *   robustly from a few dozen visits, where an empirical distribution would be ragged in exactly the
 *   tail that makes queues; and it is the law the day simulator already draws visits from, so the
 *   plan simulates the fitted law itself. With fewer than 30 visits, the configured
 *   `defaultServiceMinutes` with σ 0.5.
 *
 * Pure: the caller reads `rows` (all services, all days, over some weeks before `date`).
 */
export function learnPlanInputs(rows: HistoryTicket[], config: OfficeConfig, options: LearnOptions): Learned {
  const minutes = options.intervalMinutes ?? 30;
  const weeks = options.weeks ?? 8;
  const intervals = planIntervals(config, minutes);
  const prefixes = config.services.map((s) => s.prefix);
  const before = rows.filter((r) => r.date < options.date);

  const first = before.reduce<string | null>((m, r) => (m === null || r.date < m ? r.date : m), null);
  const days: string[] = [];
  if (first !== null) {
    for (let d = addDays(options.date, -7); d >= first && days.length < weeks; d = addDays(d, -7)) {
      if (isOpenDay(config.sessions, d)) days.push(d);
    }
  }

  let arrivals: Record<string, number[]>;
  let source: Text;
  if (days.length >= MIN_HISTORY_DAYS) {
    arrivals = Object.fromEntries(prefixes.map((p) => [p, intervals.map(() => 0)]));
    const chosen = new Set(days);
    const start = parseHm(intervals[0] ?? '00:00');
    const midnights = new Map(days.map((d) => [d, localMidnight(d, config.sessions.timeZone)]));
    for (const r of before) {
      if (!chosen.has(r.date)) continue;
      const counts = arrivals[r.service];
      if (!counts) continue; // a service no longer configured
      const minute = (r.issuedAt - midnights.get(r.date)!) / 60_000;
      const i = Math.floor((minute - start) / minutes);
      // Issued outside the day's intervals (an always-open demo hub): not part of any planned interval.
      if (i >= 0 && i < counts.length) counts[i]! += 1;
    }
    for (const p of prefixes) arrivals[p] = arrivals[p]!.map((n) => n / days.length);
    const wd = weekday(options.date);
    source = {
      vi: `${days.length} ngày ${WEEKDAY_VI[wd]} gần nhất`,
      en: `last ${days.length} ${WEEKDAY_EN[wd]}`,
    };
  } else {
    arrivals = configuredArrivals(config, intervals, minutes);
    source = {
      vi: 'cấu hình văn phòng (chưa đủ lịch sử)',
      en: 'office configuration (not enough history)',
    };
  }

  const durations = new Map<string, number[]>(prefixes.map((p) => [p, []]));
  for (const r of before) {
    if (r.servingAt === null || r.finishedAt === null) continue;
    const d = (r.finishedAt - r.servingAt) / 60_000;
    // A visit of no length (start and finish pressed together) has no logarithm and says nothing.
    if (d > 0) durations.get(r.service)?.push(d);
  }
  const serviceTimes: Record<string, ServiceTimeModel> = {};
  for (const s of config.services) {
    const fit = fitLognormal(durations.get(s.prefix)!);
    serviceTimes[s.prefix] =
      fit && fit.samples >= MIN_SERVICE_SAMPLES
        ? fit
        : {
            kind: 'lognormal',
            meanMinutes: s.defaultServiceMinutes,
            sigma: FALLBACK_SIGMA,
            samples: fit?.samples ?? 0,
          };
  }
  return { arrivals, serviceTimes, source, days: days.length >= MIN_HISTORY_DAYS ? days : [] };
}

/**
 * Maximum-likelihood lognormal: μ and σ are the mean and the (1/n) standard deviation of the
 * logarithms; the mean of the law is exp(μ + σ²/2). Null without any sample.
 */
export function fitLognormal(
  minutes: number[],
): { kind: 'lognormal'; meanMinutes: number; sigma: number; samples: number } | null {
  const n = minutes.length;
  if (n === 0) return null;
  const logs = minutes.map(Math.log);
  const mu = logs.reduce((a, b) => a + b, 0) / n;
  const variance = logs.reduce((a, b) => a + (b - mu) ** 2, 0) / n;
  return {
    kind: 'lognormal',
    meanMinutes: Math.exp(mu + variance / 2),
    sigma: Math.sqrt(variance),
    samples: n,
  };
}

/**
 * The configuration's day: each service's expected daily volume (`dayProfile`: a busy day its
 * counters can keep up with) spread over the intervals in proportion to the default day shape's
 * weight × minutes inside each.
 */
export function configuredArrivals(
  config: OfficeConfig,
  intervals: string[],
  minutes: number,
): Record<string, number[]> {
  const profile = dayProfile(config);
  const spans = profile.shape.map((s) => ({
    start: parseHm(s.start),
    end: parseHm(s.end),
    weight: s.weight,
  }));
  const total = spans.reduce((a, s) => a + s.weight * (s.end - s.start), 0);
  const share = intervals.map((at) => {
    const from = parseHm(at);
    const to = from + minutes;
    const w = spans.reduce(
      (a, s) => a + s.weight * Math.max(0, Math.min(to, s.end) - Math.max(from, s.start)),
      0,
    );
    return total > 0 ? w / total : 0;
  });
  return Object.fromEntries(
    config.services.map((s) => [s.prefix, share.map((x) => x * (profile.volume[s.prefix] ?? 0))]),
  );
}
