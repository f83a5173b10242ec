import type { Level, OfficeConfig, Text } from '@luot/core';
import type { PlanTarget } from '@luot/protocol';

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

// The plan's answer is protocol (it crosses HTTP to the console and a worker thread to the hub):
// its schema and types live in @luot/protocol, and the planner builds exactly that.
export type {
  Estimate,
  HallBreak,
  HallInterval,
  PlanBreak,
  PlanResult,
  PlanSeat,
  PlanTarget,
  ServiceInterval,
} from '@luot/protocol';
