import type { Text } from '@luot/core';
import { assign, staffed, type OfficerSkills } from './assign.js';
import { countersNeeded, mmc, servedWithin } from './erlang.js';

/**
 * A first plan of a day: per interval, the counters each service needs for the target (Erlang C),
 * the officers available put where they cover most of it (`assign`), the waits that staffing gives,
 * and in plain Vietnamese where the day breaks. The day simulator will check and adjust it against
 * the office's own rules; this is the queueing-theory answer it starts from.
 */

export interface PlanInput {
  /** Interval starts, "HH:MM", each `intervalMinutes` long (the office's sessions, cut in pieces). */
  intervals: readonly string[];
  intervalMinutes: number;
  services: ReadonlyArray<{
    prefix: string;
    name: Text;
    /** Mean minutes at the counter. */
    serviceMinutes: number;
    /** Citizens expected in each interval (same length as `intervals`). */
    arrivals: readonly number[];
  }>;
  /** Officers on duty, with what they can receive and their hours ("HH:MM", end exclusive). */
  officers: ReadonlyArray<OfficerSkills & { from?: string; to?: string }>;
  /** The office's target: `share` of citizens wait no longer than `withinMinutes` [80% in 30]. */
  target: { withinMinutes: number; share: number };
}

export interface ServiceInInterval {
  needed: number;
  staffed: number;
  /** With the counters staffed; Infinity when they cannot keep up. */
  meanWaitMinutes: number;
  p90WaitMinutes: number;
  /** Share served within the target wait. */
  withinTarget: number;
}

export interface IntervalPlan {
  start: string;
  services: Record<string, ServiceInInterval>;
  /** officer id → service prefix. */
  assignment: Record<string, string>;
}

export interface Break {
  service: string;
  from: string;
  to: string;
  needed: number;
  staffed: number;
  /** The worst p90 wait over the stretch, minutes (Infinity: the line grows all along). */
  p90WaitMinutes: number;
  text: Text;
}

export interface DayPlan {
  intervals: IntervalPlan[];
  breaks: Break[];
}

export function planDay(input: PlanInput): DayPlan {
  const intervals = input.intervals.map((start, i): IntervalPlan => {
    const need: Record<string, number> = {};
    for (const s of input.services) {
      need[s.prefix] = countersNeeded(
        (s.arrivals[i] ?? 0) / input.intervalMinutes,
        s.serviceMinutes,
        input.target,
      );
    }
    const end = addMinutes(start, input.intervalMinutes);
    const onDuty = input.officers.filter((o) => (o.from ?? '00:00') <= start && end <= (o.to ?? '24:00'));
    const assignment = assign(need, onDuty);
    const got = staffed(assignment);
    const services: Record<string, ServiceInInterval> = {};
    for (const s of input.services) {
      const q = {
        arrivalsPerMinute: (s.arrivals[i] ?? 0) / input.intervalMinutes,
        serviceMinutes: s.serviceMinutes,
        counters: got[s.prefix] ?? 0,
      };
      const f = q.arrivalsPerMinute === 0 ? null : mmc(q);
      services[s.prefix] = {
        needed: need[s.prefix]!,
        staffed: q.counters,
        meanWaitMinutes: f?.meanWaitMinutes ?? 0,
        p90WaitMinutes: f?.p90WaitMinutes ?? 0,
        withinTarget: f ? servedWithin(q, input.target.withinMinutes) : 1,
      };
    }
    return { start, services, assignment };
  });
  return { intervals, breaks: breaksOf(input, intervals) };
}

/** Consecutive intervals where a service has fewer counters than it needs, as one stretch each. */
function breaksOf(input: PlanInput, intervals: IntervalPlan[]): Break[] {
  const out: Break[] = [];
  for (const s of input.services) {
    let run: Omit<Break, 'text'> | null = null;
    const close = () => {
      if (run) out.push({ ...run, text: breakText(run, s.name) });
      run = null;
    };
    intervals.forEach((iv, i) => {
      const f = iv.services[s.prefix]!;
      if (f.staffed >= f.needed) return close();
      const to = addMinutes(input.intervals[i]!, input.intervalMinutes);
      run = run
        ? {
            ...run,
            to,
            needed: Math.max(run.needed, f.needed),
            staffed: Math.min(run.staffed, f.staffed),
            p90WaitMinutes: Math.max(run.p90WaitMinutes, f.p90WaitMinutes),
          }
        : {
            service: s.prefix,
            from: iv.start,
            to,
            needed: f.needed,
            staffed: f.staffed,
            p90WaitMinutes: f.p90WaitMinutes,
          };
    });
    close();
  }
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.service.localeCompare(b.service));
}

/** "10:00–11:30 Đất đai cần 4 quầy, chỉ có 3 cán bộ: chờ p90 ≈ 55 phút" */
function breakText(b: Omit<Break, 'text'>, name: Text): Text {
  const wait =
    b.p90WaitMinutes === Infinity
      ? { vi: 'hàng chờ dài thêm liên tục', en: 'the line keeps growing' }
      : {
          vi: `chờ p90 ≈ ${Math.round(b.p90WaitMinutes)} phút`,
          en: `p90 wait ≈ ${Math.round(b.p90WaitMinutes)} min`,
        };
  const have =
    b.staffed === 0
      ? { vi: 'không có cán bộ nào', en: 'no officer can take it' }
      : { vi: `chỉ có ${b.staffed} cán bộ`, en: `only ${b.staffed} officer${b.staffed > 1 ? 's' : ''}` };
  return {
    vi: `${b.from}–${b.to} ${name.vi} cần ${b.needed} quầy, ${have.vi}: ${wait.vi}`,
    en: `${b.from}–${b.to} ${name.en} needs ${b.needed} counters, ${have.en}: ${wait.en}`,
  };
}

function addMinutes(hm: string, minutes: number): string {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  const t = h * 60 + m + minutes;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}
