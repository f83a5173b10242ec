import { z } from 'zod';
import { LevelSchema, TextSchema, type Text } from '@luot/core';
import { isCalendarDate } from './reports.js';

/**
 * The staffing plan route (`POST /api/plan`, issue #16): the body the hub accepts, why it refuses
 * one, and the plan it answers with (`PlanResultSchema`: the planner's result, which the planner
 * takes its types from, and which the console checks on arrival).
 */

/** The most simulated days one plan may ask for: 1,000 is the planner's default and the bench's. */
export const MAX_PLAN_RUNS = 1000;

/** Why a plan was not made, in Vietnamese and English (the `code` of a 400, 429 or 503 answer). */
export const PLAN_ERRORS = {
  BAD_DATE: {
    vi: 'Ngày không hợp lệ: hãy dùng dạng YYYY-MM-DD (ví dụ 2026-12-08).',
    en: 'Invalid date: use YYYY-MM-DD (for example 2026-12-08).',
  },
  BAD_LEVEL: { vi: 'Cấp độ phải là 1, 2, 3 hoặc 4.', en: 'The level must be 1, 2, 3 or 4.' },
  BAD_OFFICERS: {
    vi: 'Danh sách cán bộ không hợp lệ (mã cán bộ trong cấu hình).',
    en: 'Invalid officer list (officer codes from the configuration).',
  },
  NO_OFFICERS: { vi: 'Cần ít nhất một cán bộ có mặt.', en: 'At least one officer must be present.' },
  BAD_ARRIVALS: {
    vi: 'Hệ số lượng người đến phải từ 0,5 đến 3.',
    en: 'The arrivals factor must be between 0.5 and 3.',
  },
  BAD_RUNS: {
    vi: `Số ngày mô phỏng phải từ 1 đến ${MAX_PLAN_RUNS}.`,
    en: `Simulated days must be between 1 and ${MAX_PLAN_RUNS}.`,
  },
  BAD_BODY: { vi: 'Yêu cầu không hợp lệ.', en: 'Invalid request.' },
  PLAN_BUSY: {
    vi: 'Máy chủ đang lập kế hoạch khác; vui lòng thử lại sau ít phút.',
    en: 'The hub is busy making other plans; please retry in a few minutes.',
  },
  PLAN_TIMEOUT: {
    vi: 'Lập kế hoạch quá lâu nên đã dừng; hãy giảm số ngày mô phỏng.',
    en: 'The plan took too long and was stopped; use fewer simulated days.',
  },
  PLAN_FAILED: { vi: 'Không lập được kế hoạch.', en: 'The plan could not be made.' },
} as const satisfies Record<string, Text>;
export type PlanError = keyof typeof PLAN_ERRORS;

/**
 * The body of `POST /api/plan`. Issue messages are `PLAN_ERRORS` codes, so the hub answers each
 * refusal in words; unknown keys are refused (a misspelt option must not be silently ignored).
 */
export const PlanBodySchema = z.strictObject(
  {
    /** The day planned (office-local). */
    date: z.string('BAD_DATE').refine(isCalendarDate, 'BAD_DATE'),
    /** Distancing level [the office's current one]. */
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], 'BAD_LEVEL').optional(),
    /** Officer ids present; absent: every officer of the configuration. */
    officers: z
      .array(z.string('BAD_OFFICERS').min(1, 'BAD_OFFICERS'), 'BAD_OFFICERS')
      .max(200, 'BAD_OFFICERS')
      .optional(),
    /** Expected arrivals multiplied by this (1.3: 30% more citizens). */
    arrivalsFactor: z.number('BAD_ARRIVALS').min(0.5, 'BAD_ARRIVALS').max(3, 'BAD_ARRIVALS').optional(),
    /** Simulated days [1000]. */
    runs: z
      .number('BAD_RUNS')
      .int('BAD_RUNS')
      .min(1, 'BAD_RUNS')
      .max(MAX_PLAN_RUNS, 'BAD_RUNS')
      .default(MAX_PLAN_RUNS),
  },
  'BAD_BODY',
);
export type PlanBody = z.infer<typeof PlanBodySchema>;
export type PlanBodyInput = z.input<typeof PlanBodySchema>;

/**
 * `GET /api/plan/options`: what the console's plan form starts from — the hub's day and level, the
 * next working day (the default date planned), and the officers who can be seated at a counter.
 */
export const PlanOptionsSchema = z.object({
  today: z.string(),
  nextWorkingDay: z.string(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  officers: z.array(z.object({ id: z.string(), name: z.string(), services: z.array(z.string()) })),
  maxRuns: z.number().int(),
});
export type PlanOptions = z.infer<typeof PlanOptionsSchema>;

// ── The plan (the answer of POST /api/plan) ─────────────────────────────────────────────────────

/** A simulated figure with its 95% confidence interval (over the simulated days). */
export const EstimateSchema = z.object({ value: z.number(), low: z.number(), high: z.number() });
export type Estimate = z.infer<typeof EstimateSchema>;

export const PlanTargetSchema = z.object({
  /** The office's promise: `share` of citizens wait no longer than `withinMinutes` [80% in 30]. */
  withinMinutes: z.number().positive(),
  share: z.number().min(0).max(1),
  /** The line outside the hall (people waiting to be let in) should stay under this [20]. */
  outsideMax: z.number().int().min(0),
});
export type PlanTarget = z.infer<typeof PlanTargetSchema>;

const hm = z.string().regex(/^\d\d:\d\d$/);

export const ServiceIntervalSchema = z.object({
  /** Citizens expected. */
  arrivals: z.number().min(0),
  /** Counters the target needs (Erlang C, then raised where the simulation says it falls short). */
  needed: z.number().int().min(0),
  /** Counters the proposed assignment opens for it in this interval. */
  staffed: z.number().int().min(0),
  /** Erlang C with the staffed counters; null waits: the counters cannot keep up. */
  erlang: z.object({
    meanWaitMinutes: z.number().nullable(),
    p90WaitMinutes: z.number().nullable(),
    withinTarget: z.number(),
  }),
  /** The day simulator on the office's real rules; null when nobody was simulated in it. */
  sim: z
    .object({ meanWaitMinutes: EstimateSchema, p90WaitMinutes: EstimateSchema, withinTarget: EstimateSchema })
    .nullable(),
});
export type ServiceInterval = z.infer<typeof ServiceIntervalSchema>;

export const HallIntervalSchema = z.object({
  /** People the level lets in. */
  capacity: z.number(),
  /** 95th percentile of people inside, over the interval's time and the simulated days. */
  occupancyP95: z.number(),
  /** 95th percentile of the line outside. */
  outsideP95: z.number(),
});
export type HallInterval = z.infer<typeof HallIntervalSchema>;

/** One officer's place for the day: a counter, the services it takes, and when it is open. */
export const PlanSeatSchema = z.object({
  officerId: z.string(),
  officerName: z.string(),
  counter: z.number().int(),
  services: z.array(z.string()),
  /** Open from/to, "HH:MM" (the intervals the officer is needed in, within their hours). */
  from: hm,
  to: hm,
});
export type PlanSeat = z.infer<typeof PlanSeatSchema>;

/** Where a service misses the target, in words. */
export const PlanBreakSchema = z.object({
  service: z.string(),
  from: hm,
  to: hm,
  needed: z.number().int(),
  staffed: z.number().int(),
  /** Worst p90 wait over the stretch, minutes; null: the line keeps growing. */
  p90WaitMinutes: z.number().nullable(),
  text: TextSchema,
});
export type PlanBreak = z.infer<typeof PlanBreakSchema>;

/** A stretch where the hall does not hold the day: the line outside passes the target's maximum. */
export const HallBreakSchema = z.object({
  from: hm,
  to: hm,
  /** The worst p95 of the line outside over the stretch, and the maximum the target allows. */
  outsideP95: z.number(),
  outsideMax: z.number(),
  text: TextSchema,
});
export type HallBreak = z.infer<typeof HallBreakSchema>;

/** The plan of a day: plain JSON (it crosses a worker thread and HTTP); no Infinity anywhere. */
export const PlanResultSchema = z.object({
  date: z.string(),
  level: LevelSchema,
  intervalMinutes: z.number().int().positive(),
  target: PlanTargetSchema,
  runs: z.number().int().min(1),
  source: TextSchema.nullable(),
  /** Interval starts, "HH:MM". */
  intervals: z.array(hm),
  services: z.array(z.object({ prefix: z.string(), name: TextSchema })),
  /** prefix → one entry per interval. */
  perService: z.record(z.string(), z.array(ServiceIntervalSchema)),
  hall: z.array(HallIntervalSchema),
  seats: z.array(PlanSeatSchema),
  breaks: z.array(PlanBreakSchema),
  /** Where the line outside the hall grows past `target.outsideMax`. */
  hallBreaks: z.array(HallBreakSchema),
  /** The whole day, simulated. */
  day: z.object({
    citizens: EstimateSchema,
    meanWaitMinutes: EstimateSchema,
    withinTarget: EstimateSchema,
    countersOpenMax: z.number().int(),
  }),
  /** Milliseconds the simulation took (for the console's footnote and the bench). */
  elapsedMs: z.number(),
});
export type PlanResult = z.infer<typeof PlanResultSchema>;
