import type { Level, OfficeConfig, Text } from '@luot/core';

/**
 * What the planner is asked and what it answers: the contract between the planner, the hub's
 * `/api/plan` route, the console's "Kế hoạch" page and `npm run plan`. Plain data (JSON both ways)
 * so a plan can cross a worker thread or HTTP unchanged; `Infinity` never appears (a line that
 * cannot keep up has `null` waits).
 */

/** How long visits take at one service (minutes). */
export type ServiceTimeModel =
  /** Fitted to the office's own finished visits (or the configured mean with the default spread). */
  | { kind: 'lognormal'; meanMinutes: number; sigma: number; samples?: number }
  /** For checking the simulator against Erlang C (M/M/c), not for planning a real office. */
  | { kind: 'exponential'; meanMinutes: number };

export interface PlanOfficer {
  id: string;
  name: string;
  /** Service prefixes this officer can receive. */
  services: string[];
  /** On duty from/to, "HH:MM" (end exclusive); absent: the office's whole day. */
  from?: string;
  to?: string;
}

export interface PlanTarget {
  /** The office's promise: `share` of citizens wait no longer than `withinMinutes` [80% in 30]. */
  withinMinutes: number;
  share: number;
  /** The line outside the hall (people waiting to be let in) should stay under this [20]. */
  outsideMax: number;
}

export const DEFAULT_TARGET: PlanTarget = { withinMinutes: 30, share: 0.8, outsideMax: 20 };

export interface PlanRequest {
  config: OfficeConfig;
  /** YYYY-MM-DD, the day planned. */
  date: string;
  /** Distancing level of the day [the office's initial level]. */
  level?: Level;
  /** [30] */
  intervalMinutes?: number;
  /**
   * Citizens expected per service per interval, the intervals cut from the first session's start
   * (`planIntervals`). Services not listed expect nobody.
   */
  arrivals: Record<string, number[]>;
  /** Per service; absent: lognormal around the configured mean, σ 0.5. */
  serviceTimes?: Record<string, ServiceTimeModel>;
  officers: PlanOfficer[];
  target?: Partial<PlanTarget>;
  /** Simulated days [1000]. */
  runs?: number;
  seed?: number;
  /** Where the arrivals came from, shown with the plan ("8 thứ Ba gần nhất", "cấu hình"). */
  source?: Text;
}

/** A simulated figure with its 95% confidence interval (over the simulated days). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

export interface ServiceInterval {
  /** Citizens expected. */
  arrivals: number;
  /** Counters the target needs (Erlang C, then raised where the simulation says it falls short). */
  needed: number;
  /** Counters the proposed assignment opens for it. */
  staffed: number;
  /** Erlang C with the staffed counters; null waits: the counters cannot keep up. */
  erlang: { meanWaitMinutes: number | null; p90WaitMinutes: number | null; withinTarget: number };
  /** The day simulator on the office's real rules; null when nobody was simulated in it. */
  sim: { meanWaitMinutes: Estimate; p90WaitMinutes: Estimate; withinTarget: Estimate } | null;
}

export interface HallInterval {
  /** People the level lets in. */
  capacity: number;
  /** 95th percentile of people inside, over the interval's time and the simulated days. */
  occupancyP95: number;
  /** 95th percentile of the line outside. */
  outsideP95: number;
}

/** One officer's place for the day: a counter, the services it takes, and when it is open. */
export interface PlanSeat {
  officerId: string;
  officerName: string;
  counter: number;
  services: string[];
  /** Open from/to, "HH:MM" (the intervals the officer is needed in, within their hours). */
  from: string;
  to: string;
}

export interface PlanBreak {
  service: string;
  from: string;
  to: string;
  needed: number;
  staffed: number;
  /** Worst p90 wait over the stretch, minutes; null: the line keeps growing. */
  p90WaitMinutes: number | null;
  text: Text;
}

/** A stretch where the hall does not hold the day: the line outside passes the target's maximum. */
export interface HallBreak {
  from: string;
  to: string;
  /** The worst p95 of the line outside over the stretch, and the maximum the target allows. */
  outsideP95: number;
  outsideMax: number;
  text: Text;
}

export interface PlanResult {
  date: string;
  level: Level;
  intervalMinutes: number;
  target: PlanTarget;
  runs: number;
  source: Text | null;
  /** Interval starts, "HH:MM". */
  intervals: string[];
  services: Array<{ prefix: string; name: Text }>;
  /** prefix → one entry per interval. */
  perService: Record<string, ServiceInterval[]>;
  hall: HallInterval[];
  seats: PlanSeat[];
  breaks: PlanBreak[];
  /** Where the line outside the hall grows past `target.outsideMax`. */
  hallBreaks: HallBreak[];
  /** The whole day, simulated. */
  day: {
    citizens: Estimate;
    meanWaitMinutes: Estimate;
    withinTarget: Estimate;
    countersOpenMax: number;
  };
  /** Milliseconds the simulation took (for the console's footnote and the bench). */
  elapsedMs: number;
}
