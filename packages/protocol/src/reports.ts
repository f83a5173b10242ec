import { z } from 'zod';
import { TextSchema, type Text } from '@luot/core';

/**
 * The reports over a date range (`GET /api/reports`, docs/reports.md): the query the hub accepts and
 * the figures it answers with. The hub builds them (apps/hub/src/storage/reports/), the supervisor
 * console shows and charts them, the XLSX export writes them; every type is inferred from here.
 */

/** The longest range one report may cover, in years: `to` must come before the same date that many years after `from`. */
export const MAX_REPORT_YEARS = 2;

/** The tables a report has, each a sheet of the XLSX export and a CSV of its own. */
export const REPORT_VIEWS = ['service', 'counter', 'officer', 'hour', 'day'] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];
/** The CSV export's tables: the views, and the bookings per day and service (`view=bookings`). */
export const REPORT_CSV_VIEWS = [...REPORT_VIEWS, 'bookings'] as const;
export type ReportCsvView = (typeof REPORT_CSV_VIEWS)[number];

/** Why a report query was refused, in Vietnamese and English (the `code` of a 400 answer). */
export const REPORT_QUERY_ERRORS = {
  BAD_DATE: {
    vi: 'Ngày không hợp lệ: hãy dùng dạng YYYY-MM-DD (ví dụ 2026-11-30).',
    en: 'Invalid date: use YYYY-MM-DD (for example 2026-11-30).',
  },
  RANGE_REVERSED: {
    vi: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
    en: 'The start date must not be after the end date.',
  },
  RANGE_TOO_LONG: {
    vi: `Khoảng thời gian tối đa là ${MAX_REPORT_YEARS} năm.`,
    en: `A report covers at most ${MAX_REPORT_YEARS} years.`,
  },
  BAD_SERVICE: { vi: 'Không có dịch vụ này.', en: 'No such service.' },
  BAD_COUNTER: { vi: 'Không có quầy này.', en: 'No such counter.' },
  BAD_OFFICER: { vi: 'Mã cán bộ không hợp lệ.', en: 'Invalid officer code.' },
  BAD_VIEW: {
    vi: 'Không có bảng này (service, counter, officer, hour, day).',
    en: 'No such view (service, counter, officer, hour, day).',
  },
  BAD_QUERY: { vi: 'Tham số không hợp lệ.', en: 'Invalid query parameter.' },
} as const satisfies Record<string, Text>;
export type ReportQueryError = keyof typeof REPORT_QUERY_ERRORS;

/**
 * Why a range cannot be reported, or null: `from` after `to`, or longer than two years (2025-01-01
 * to 2026-12-31 is two years; to 2027-01-01 is more; from 29 February the limit is 28 February).
 */
export function checkReportRange(from: string, to: string): ReportQueryError | null {
  if (from > to) return 'RANGE_REVERSED';
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y + MAX_REPORT_YEARS, m - 1, d)).toISOString().slice(0, 10);
  if (to >= limit) return 'RANGE_TOO_LONG';
  return null;
}

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const date = z.string().refine(isCalendarDate, 'BAD_DATE');

/**
 * The query string of every report route: `from` and `to` (office-local days, both included), and
 * optional filters. Issue messages are `REPORT_QUERY_ERRORS` codes. A missing `to` is today and a
 * missing `from` is `to`; `checkReportRange` then checks the range itself.
 */
export const ReportQuerySchema = z.object({
  from: date.optional(),
  to: date.optional(),
  /** The service a ticket was issued for (its number's prefix). */
  service: z
    .string()
    .regex(/^[A-Z]$/, 'BAD_SERVICE')
    .optional(),
  /** The counter that handled the ticket last. */
  counter: z.coerce.number('BAD_COUNTER').int('BAD_COUNTER').positive('BAD_COUNTER').optional(),
  /** The officer who handled the ticket last. */
  officer: z
    .string()
    .regex(/^[\w.-]{1,40}$/, 'BAD_OFFICER')
    .optional(),
  /** Also report the period of the same length just before (`compare=1`). */
  compare: z
    .enum(['0', '1', 'true', 'false'], 'BAD_QUERY')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** Which table a CSV export holds (the XLSX has them all). */
  view: z.enum(REPORT_CSV_VIEWS, 'BAD_VIEW').optional(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** The filter a report was made with: the dates resolved, and only the filters that were given. */
export const ReportFilterSchema = z.object({
  from: z.string(),
  to: z.string(),
  service: z.string().optional(),
  counter: z.number().int().optional(),
  officer: z.string().optional(),
});
export type ReportFilter = z.infer<typeof ReportFilterSchema>;

/** Mean, median and 90th percentile of a duration, in minutes (null when nothing was measured). */
export const MinutesSchema = z.object({
  /** How many tickets the duration was measured on. */
  count: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});
export type Minutes = z.infer<typeof MinutesSchema>;

/** The figures of one group of tickets (the whole range, a service, a counter, an hour, a day…). */
export const ReportFiguresSchema = z.object({
  /** Tickets issued (counted under the service they were issued for). */
  issued: z.number().int(),
  /** Finished at a counter ('done'). */
  served: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  /** Sent on to another service or counter at least once. */
  transferred: z.number().int(),
  /** Never called by the day's end (cancelled uncalled, or still waiting when the day was over). */
  abandoned: z.number().int(),
  /** Issue → first call. */
  wait: MinutesSchema,
  /** Start of service (or the call, when nobody pressed start) → finish, for served tickets. */
  serviceTime: MinutesSchema,
  /** Called tickets whose first call came within the office's wait target; `share` is 0…1. */
  withinTarget: z.object({ count: z.number().int(), of: z.number().int(), share: z.number().nullable() }),
  ratings: z.object({
    /** Answers per score: `counts[0]` is score 1 (the lowest) … `counts[scale - 1]` the highest. */
    counts: z.array(z.number().int()),
    /** Rating screens that timed out without an answer. */
    unanswered: z.number().int(),
    /** Answers with a score (the sum of `counts`). */
    answered: z.number().int(),
    /** Answers at a "rất hài lòng" or "hài lòng" level. */
    satisfied: z.number().int(),
    /** satisfied / answered, 0…1: the share a one-stop evaluation asks for. */
    satisfaction: z.number().nullable(),
  }),
});
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

/** One step of a rating scale as reports name it; `satisfied` marks rất hài lòng and hài lòng. */
export const RatingLevelSchema = z.object({
  score: z.number().int(),
  label: TextSchema,
  satisfied: z.boolean(),
});
export type RatingLevel = z.infer<typeof RatingLevelSchema>;

const VERY_SATISFIED = { vi: 'Rất hài lòng', en: 'Very satisfied' };
const SATISFIED = { vi: 'Hài lòng', en: 'Satisfied' };
const NEUTRAL = { vi: 'Bình thường', en: 'Neutral' };
const DISSATISFIED = { vi: 'Không hài lòng', en: 'Dissatisfied' };
const VERY_DISSATISFIED = { vi: 'Rất không hài lòng', en: 'Very dissatisfied' };

/**
 * The levels of a 3-, 4- or 5-step scale, lowest score first: the one naming of them, used by the
 * rating screen (apps/rating/src/flow.ts) and the reports (the score is the level, highest = best). On a 3-step scale the best level
 * is "Hài lòng"; there is no "Rất hài lòng".
 */
export function ratingLevels(scale: 3 | 4 | 5): RatingLevel[] {
  const labels =
    scale === 3
      ? [DISSATISFIED, NEUTRAL, SATISFIED]
      : scale === 4
        ? [DISSATISFIED, NEUTRAL, SATISFIED, VERY_SATISFIED]
        : [VERY_DISSATISFIED, DISSATISFIED, NEUTRAL, SATISFIED, VERY_SATISFIED];
  return labels.map((label, i) => ({
    score: i + 1,
    label,
    satisfied: label === SATISFIED || label === VERY_SATISFIED,
  }));
}

const figuresWith = <S extends z.ZodRawShape>(shape: S) => ReportFiguresSchema.extend(shape);

export const ServiceRowSchema = figuresWith({ service: z.string(), name: TextSchema.nullable() });
/** null: tickets no counter ever called. */
export const CounterRowSchema = figuresWith({ counter: z.number().int().nullable() });
/** null: tickets no officer handled. */
export const OfficerRowSchema = figuresWith({ officer: z.string().nullable(), name: z.string().nullable() });
/** The office-local hour the tickets were issued in, 0…23. */
export const HourRowSchema = figuresWith({ hour: z.number().int() });
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const DayRowSchema = figuresWith({ day: z.string(), weekday: z.number().int() });
export type ServiceRow = z.infer<typeof ServiceRowSchema>;
export type CounterRow = z.infer<typeof CounterRowSchema>;
export type OfficerRow = z.infer<typeof OfficerRowSchema>;
export type HourRow = z.infer<typeof HourRowSchema>;
export type DayRow = z.infer<typeof DayRowSchema>;

/** What the console's charts draw, ready to plot. */
export const ReportChartsSchema = z.object({
  /** Tickets issued per office-local hour, one series per service (stacked). */
  hourlyByService: z.object({
    hours: z.array(z.number().int()),
    series: z.array(z.object({ service: z.string(), counts: z.array(z.number().int()) })),
  }),
  /** Waits (issue → first call) in buckets of minutes: from ≤ wait < to (`to` null: and longer). */
  waitHistogram: z.array(z.object({ from: z.number(), to: z.number().nullable(), count: z.number().int() })),
  /**
   * Tickets issued per ISO weekday (rows, Monday first) and hour (columns, 0…23); `days[w]` is how
   * many dates of that weekday had tickets, to show an average day.
   */
  arrivalsHeatmap: z.object({
    counts: z.array(z.array(z.number().int())),
    days: z.array(z.number().int()),
  }),
  /** Each officer's satisfaction per day that had answers. */
  satisfactionByOfficer: z.array(
    z.object({
      officer: z.string(),
      name: z.string().nullable(),
      days: z.array(
        z.object({
          day: z.string(),
          answered: z.number().int(),
          satisfied: z.number().int(),
          satisfaction: z.number(),
        }),
      ),
    }),
  ),
  /** % served within target per service (the same figures as `byService[].withinTarget`). */
  withinTargetByService: z.array(
    z.object({
      service: z.string(),
      count: z.number().int(),
      of: z.number().int(),
      share: z.number().nullable(),
    }),
  ),
});
export type ReportCharts = z.infer<typeof ReportChartsSchema>;

/**
 * Bookings of one service on one day (docs/reports.md, "Bookings"): counts from the hub's bookings
 * table (they stay after names and phones are erased) and the waits of the day's booked and walk-in
 * tickets. `booked` is every booking made for the day; it splits into the statuses after it.
 */
export const RangeBookingCountsSchema = z.object({
  /** Every booking made for the day, whatever became of it. */
  booked: z.number().int(),
  /** Still to come (the check-in window is not over yet). */
  pending: z.number().int(),
  /** Checked in and given a number (served or not yet). */
  checkedIn: z.number().int(),
  /** Came after the check-in window: the booking lapsed (the citizen may have taken a walk-in number). */
  lapsed: z.number().int(),
  /** Never came: the window closed without a check-in. */
  noShow: z.number().int(),
  /** Cancelled by the citizen, or by the office (a day closed, a level that stops the service). */
  cancelled: z.number().int(),
  /**
   * Waits of booked tickets to their first call, from the later of the check-in and the slot's
   * start (an early citizen is not kept waiting by the office before the slot).
   */
  bookedWait: MinutesSchema,
  /** Waits of walk-in tickets, issue to first call, as every other wait of the reports. */
  walkInWait: MinutesSchema,
});
export type RangeBookingCounts = z.infer<typeof RangeBookingCountsSchema>;

export const RangeBookingRowSchema = RangeBookingCountsSchema.extend({
  day: z.string(),
  service: z.string(),
  name: TextSchema.nullable(),
});
export type RangeBookingRow = z.infer<typeof RangeBookingRowSchema>;

/** A range's bookings per day and service, and the whole range's. */
export const RangeBookingReportSchema = z.object({
  rows: z.array(RangeBookingRowSchema),
  total: RangeBookingCountsSchema,
});
export type RangeBookingReport = z.infer<typeof RangeBookingReportSchema>;

/** One report over one range. */
export const RangeReportSchema = z.object({
  filter: ReportFilterSchema,
  /** Days in the range, both ends included. */
  days: z.number().int(),
  /** The wait target the `withinTarget` figures use, minutes. */
  targetMinutes: z.number(),
  rating: z.object({ scale: z.number().int(), levels: z.array(RatingLevelSchema) }),
  /** Ticket rows the hub read to make it. */
  rowsScanned: z.number().int(),
  total: ReportFiguresSchema,
  byService: z.array(ServiceRowSchema),
  byCounter: z.array(CounterRowSchema),
  byOfficer: z.array(OfficerRowSchema),
  byHour: z.array(HourRowSchema),
  byDay: z.array(DayRowSchema),
  charts: ReportChartsSchema,
  /** Online numbers (hub only: the city has no bookings table); absent where nothing was booked. */
  bookings: RangeBookingReportSchema.optional(),
});
export type RangeReport = z.infer<typeof RangeReportSchema>;

/** The answer of `GET /api/reports`: the range, and the previous period of the same length when asked. */
export const ReportResponseSchema = z.object({
  current: RangeReportSchema,
  previous: RangeReportSchema.nullable(),
});
export type ReportResponse = z.infer<typeof ReportResponseSchema>;
