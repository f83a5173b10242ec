/**
 * What the "Kế hoạch" page shows, read from a `PlanResult` alone (pure; the page renders it, the
 * tests read it): figures with their 95% intervals in words, the charts' options, per-service peaks
 * for the what-if comparison, and the counter services the seats amount to.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Text } from '@luot/core';
import type { Estimate, PlanResult } from '@luot/protocol';
import { formatNumber } from '../reports/format.js';
import { PALETTE } from '../reports/chart-options.js';

type Locale = 'vi' | 'en';

const pct = (s: number) => `${formatNumber(Math.round(s * 100), 0)}%`;

/** A share with its interval: "83% (81–85%)". */
export function shareWithInterval(e: Estimate): string {
  const whole = (s: number) => formatNumber(Math.round(s * 100), 0);
  return `${pct(e.value)} (${whole(e.low)}–${pct(e.high)})`;
}

/** Minutes with their interval: "9,2 (7,6–10,8)". */
export function minutesWithInterval(e: Estimate): string {
  return `${formatNumber(e.value, 1)} (${formatNumber(e.low, 1)}–${formatNumber(e.high, 1)})`;
}

/** A count with its interval: "377 (369–385)". */
export function countWithInterval(e: Estimate): string {
  return `${formatNumber(e.value, 0)} (${formatNumber(e.low, 0)}–${formatNumber(e.high, 0)})`;
}

/** The target in words: "80% trong 30 phút". */
export function targetText(plan: PlanResult): Text {
  const share = pct(plan.target.share);
  return {
    vi: `${share} trong ${plan.target.withinMinutes} phút`,
    en: `${share} within ${plan.target.withinMinutes} min`,
  };
}

/** Whether interval `i` lies in one of the plan's break stretches (a service short of counters). */
export function inBreak(plan: PlanResult, i: number, service?: string): boolean {
  const start = plan.intervals[i]!;
  return plan.breaks.some(
    (b) => (service === undefined || b.service === service) && b.from <= start && start < b.to,
  );
}

/** The stretches of consecutive break intervals, as [first, last] interval starts. */
function breakSpans(plan: PlanResult): Array<[string, string]> {
  const spans: Array<[string, string]> = [];
  plan.intervals.forEach((start, i) => {
    if (!inBreak(plan, i)) return;
    const last = spans.at(-1);
    if (last && inBreak(plan, i - 1)) last[1] = start;
    else spans.push([start, start]);
  });
  return spans;
}

const base = {
  animation: false,
  textStyle: { fontFamily: "'Be Vietnam Pro', 'Noto Sans', sans-serif" },
  grid: { left: 40, right: 16, top: 44, bottom: 28, containLabel: true },
};

/**
 * Counters per interval over the day: what the assignment opens, stacked by service, against the
 * line of what the target needs; the intervals where a service is short shaded red.
 */
export function needOption(plan: PlanResult, locale: Locale): EChartsCoreOption {
  const used = plan.services.filter((s) =>
    plan.perService[s.prefix]?.some((x) => x.needed > 0 || x.staffed > 0),
  );
  const needed = plan.intervals.map((_, i) =>
    plan.services.reduce((a, s) => a + (plan.perService[s.prefix]?.[i]?.needed ?? 0), 0),
  );
  return {
    ...base,
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0, textStyle: { width: 120, overflow: 'truncate' } },
    xAxis: { type: 'category', data: plan.intervals },
    yAxis: { type: 'value', minInterval: 1, name: locale === 'vi' ? 'quầy' : 'counters' },
    series: [
      ...used.map((s) => ({
        type: 'bar',
        stack: 'staffed',
        name: `${s.prefix} · ${s.name[locale]}`,
        data: plan.perService[s.prefix]!.map((x) => x.staffed),
      })),
      {
        type: 'line',
        step: 'middle',
        name: locale === 'vi' ? 'Cần (tổng)' : 'Needed (total)',
        data: needed,
        lineStyle: { color: '#14213d', width: 2, type: 'dashed' },
        itemStyle: { color: '#14213d' },
        symbol: 'none',
        z: 10,
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(200, 16, 46, 0.12)' },
          data: breakSpans(plan).map(([from, to]) => [{ xAxis: from }, { xAxis: to }]),
        },
      },
    ],
  };
}

/** The hall: people inside (p95) against what the level lets in, and the line outside (p95). */
export function hallOption(plan: PlanResult, locale: Locale): EChartsCoreOption {
  return {
    ...base,
    color: ['#1d5fbf', '#c8102e', '#c77700'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: plan.intervals },
    yAxis: { type: 'value', minInterval: 1, name: locale === 'vi' ? 'người' : 'people' },
    series: [
      {
        type: 'bar',
        name: locale === 'vi' ? 'Trong sảnh (p95)' : 'In the hall (p95)',
        data: plan.hall.map((h) => Math.round(h.occupancyP95)),
      },
      {
        type: 'line',
        step: 'middle',
        symbol: 'none',
        name: locale === 'vi' ? 'Sức chứa' : 'Capacity',
        data: plan.hall.map((h) => h.capacity),
      },
      {
        type: 'line',
        name: locale === 'vi' ? 'Hàng bên ngoài (p95)' : 'Line outside (p95)',
        data: plan.hall.map((h) => Math.round(h.outsideP95)),
      },
    ],
  };
}

export interface ServicePeak {
  prefix: string;
  name: Text;
  arrivals: number;
  /** Most counters needed / staffed in one interval. */
  needed: number;
  staffed: number;
  /** Intervals where fewer are staffed than needed. */
  short: number;
}

/** Per service with anyone expected: the day's arrivals, peak need and staffing, intervals short. */
export function servicePeaks(plan: PlanResult): ServicePeak[] {
  return plan.services.flatMap((s) => {
    const xs = plan.perService[s.prefix] ?? [];
    const arrivals = xs.reduce((a, x) => a + x.arrivals, 0);
    if (arrivals === 0 && xs.every((x) => x.needed === 0)) return [];
    return [
      {
        prefix: s.prefix,
        name: s.name,
        arrivals,
        needed: Math.max(0, ...xs.map((x) => x.needed)),
        staffed: Math.max(0, ...xs.map((x) => x.staffed)),
        short: xs.filter((x) => x.staffed < x.needed).length,
      },
    ];
  });
}

/**
 * The services each seated counter takes for the day: the union of its seats' services, in the
 * order the seats come (morning first). A counter set to them serves everything the plan puts there;
 * the officers at it call only what is waiting.
 */
export function counterAssignments(
  plan: PlanResult,
): Map<number, { services: string[]; officers: string[] }> {
  const out = new Map<number, { services: string[]; officers: string[] }>();
  const seats = [...plan.seats].sort((a, b) => a.counter - b.counter || a.from.localeCompare(b.from));
  for (const seat of seats) {
    const c = out.get(seat.counter) ?? { services: [], officers: [] };
    for (const s of seat.services) if (!c.services.includes(s)) c.services.push(s);
    if (!c.officers.includes(seat.officerName)) c.officers.push(seat.officerName);
    out.set(seat.counter, c);
  }
  return out;
}

export interface AssignmentChange {
  counter: number;
  officers: string[];
  from: string[];
  to: string[];
}

/** The counters whose services today differ from the plan's, with both lists. */
export function assignmentChanges(
  plan: PlanResult,
  current: (counter: number) => string[],
): AssignmentChange[] {
  return [...counterAssignments(plan)].flatMap(([counter, a]) => {
    const from = current(counter);
    const same = from.length === a.services.length && from.every((s, i) => s === a.services[i]);
    return same ? [] : [{ counter, officers: a.officers, from, to: a.services }];
  });
}
