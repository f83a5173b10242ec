import { z } from 'zod';
import type { Text } from '@luot/core';
import { isCalendarDate } from './reports.js';

/**
 * The staffing plan route (`POST /api/plan`, issue #16): the body the hub accepts and why it refuses
 * one. The answer is the planner's `PlanResult` (packages/planner/src/request.ts), plain JSON.
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
