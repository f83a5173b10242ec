import { z } from 'zod';
import { TextSchema, type Text } from '@luot/core';
import { REPORT_QUERY_ERRORS, RatingLevelSchema, ReportFiguresSchema, isCalendarDate } from './reports.js';

/**
 * The city's reports across offices and its ratings export (apps/city/src/reports/, docs/city.md):
 * the queries it accepts and what it answers. The figures of each group are the hub's
 * (`ReportFiguresSchema`), made by the same code (@luot/reports); every type is inferred from here.
 */

/** The tables of a report across offices: one XLSX sheet and one CSV each. */
export const CITY_REPORT_VIEWS = ['office', 'commune', 'province', 'service', 'officer'] as const;
export type CityReportView = (typeof CITY_REPORT_VIEWS)[number];

/** Formats of the ratings export. */
export const RATINGS_EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

/** Why a city report query was refused (the hub's reasons, and the city's own). */
export const CITY_REPORT_QUERY_ERRORS = {
  ...REPORT_QUERY_ERRORS,
  BAD_OFFICE: { vi: 'Không có văn phòng này.', en: 'No such office.' },
  BAD_PLACE: {
    vi: 'Tên tỉnh/thành phố hoặc xã/phường không hợp lệ.',
    en: 'Invalid province or commune name.',
  },
  BAD_VIEW: {
    vi: 'Không có bảng này (office, commune, province, service, officer).',
    en: 'No such view (office, commune, province, service, officer).',
  },
  NO_OFFICES: {
    vi: 'Không có văn phòng nào khớp bộ lọc.',
    en: 'No office matches the filter.',
  },
} as const satisfies Record<string, Text>;
export type CityReportQueryError = keyof typeof CITY_REPORT_QUERY_ERRORS;

const date = z.string().refine(isCalendarDate, 'BAD_DATE');
/** A place's name as the offices are registered (NFC: a name typed in decomposed form matches too). */
const place = z
  .string()
  .trim()
  .min(1, 'BAD_PLACE')
  .max(100, 'BAD_PLACE')
  .transform((s) => s.normalize('NFC'));
/** An office's id at the city (offices.id). */
const officeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'BAD_OFFICE');

/**
 * The query string of the city's report routes: `from`…`to` (office days, both included; `to`
 * defaults to today in Vietnam, `from` to `to`), and which offices: a province, a commune in it,
 * or one office. `service` keeps the tickets issued for one service (its prefix letter).
 */
export const CityReportQuerySchema = z.object({
  from: date.optional(),
  to: date.optional(),
  province: place.optional(),
  commune: place.optional(),
  office: officeId.optional(),
  service: z
    .string()
    .regex(/^[A-Z]$/, 'BAD_SERVICE')
    .optional(),
  /** Which table a CSV export holds (the XLSX has them all). */
  view: z.enum(CITY_REPORT_VIEWS, 'BAD_VIEW').optional(),
});
export type CityReportQuery = z.infer<typeof CityReportQuerySchema>;

export const CityReportFilterSchema = z.object({
  from: z.string(),
  to: z.string(),
  province: z.string().optional(),
  commune: z.string().optional(),
  office: z.string().optional(),
  service: z.string().optional(),
});
export type CityReportFilter = z.infer<typeof CityReportFilterSchema>;

const figuresWith = <S extends z.ZodRawShape>(shape: S) => ReportFiguresSchema.extend(shape);

export const CityOfficeRowSchema = figuresWith({
  office: z.string(),
  name: z.string(),
  province: z.string(),
  commune: z.string(),
});
export const CityCommuneRowSchema = figuresWith({
  province: z.string(),
  commune: z.string(),
  /** Offices of the commune in the report. */
  offices: z.number().int(),
});
export const CityProvinceRowSchema = figuresWith({ province: z.string(), offices: z.number().int() });
export const CityServiceRowSchema = figuresWith({ service: z.string(), name: TextSchema.nullable() });
/** Officer codes are an office's own: a row per office and officer (null: tickets nobody handled). */
export const CityOfficerRowSchema = figuresWith({
  office: z.string(),
  officer: z.string().nullable(),
  name: z.string().nullable(),
});

/** A report across offices over one range. */
export const CityReportSchema = z.object({
  filter: CityReportFilterSchema,
  days: z.number().int(),
  /** Offices the report covers (whether or not they had tickets). */
  offices: z.number().int(),
  /**
   * The wait target `withinTarget` counts against, minutes: each office's own (its
   * `alerts.waitMinutes`); null when the offices of the report have different ones.
   */
  targetMinutes: z.number().nullable(),
  /**
   * The rating levels the counts are in: the offices' own scale when they share one, else the
   * five named levels, each office's answers counted under the level of the same name.
   */
  rating: z.object({ scale: z.number().int(), levels: z.array(RatingLevelSchema) }),
  rowsScanned: z.number().int(),
  total: ReportFiguresSchema,
  byOffice: z.array(CityOfficeRowSchema),
  byCommune: z.array(CityCommuneRowSchema),
  byProvince: z.array(CityProvinceRowSchema),
  byService: z.array(CityServiceRowSchema),
  byOfficer: z.array(CityOfficerRowSchema),
});
export type CityReport = z.infer<typeof CityReportSchema>;
export type CityOfficeRow = z.infer<typeof CityOfficeRowSchema>;

/**
 * One citizen's rating as the ratings export writes it (docs/city.md, "Ratings export"): who and
 * what was rated, where and when, the level and the reasons. A rating screen that timed out is not
 * an evaluation and is not a record (the summary counts it).
 */
export const RatingRecordSchema = z.object({
  /** The office's code at the city (offices.id) and its names. */
  officeCode: z.string(),
  officeName: z.string(),
  province: z.string(),
  commune: z.string(),
  /** The office day, YYYY-MM-DD. */
  day: z.string(),
  /** When the citizen answered: ISO 8601 in the office's time (`2026-11-30T09:12:05+07:00`). */
  ratedAt: z.string(),
  ticketNumber: z.string(),
  counter: z.number().int().nullable(),
  officerCode: z.string().nullable(),
  officerName: z.string().nullable(),
  /** The service group (lĩnh vực) the ticket was served under: its prefix letter and name. */
  serviceCode: z.string(),
  serviceName: z.string().nullable(),
  /** The dossier code the counter recorded (phiếu hẹn), which keys the rating to the dossier. */
  dossierCode: z.string().nullable(),
  /** The level: its score on the office's scale, the scale, its Vietnamese name, and whether it counts as satisfied. */
  score: z.number().int(),
  scale: z.number().int(),
  level: z.string(),
  satisfied: z.boolean(),
  /** Reasons the citizen chose (asked on the lowest level): ids and Vietnamese names. */
  reasons: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RatingRecord = z.infer<typeof RatingRecordSchema>;

/** Per office and service: the period's evaluation, as the one-stop indicators count it. */
export const RatingSummarySchema = z.object({
  officeCode: z.string(),
  officeName: z.string(),
  serviceCode: z.string(),
  serviceName: z.string().nullable(),
  answered: z.number().int(),
  satisfied: z.number().int(),
  /** satisfied / answered, 0…1. */
  satisfaction: z.number().nullable(),
  /** Rating screens that timed out without an answer. */
  unanswered: z.number().int(),
});
export type RatingSummary = z.infer<typeof RatingSummarySchema>;

/** The ratings export as JSON: the period, each rating, and the summary per office and service. */
export const RatingsExportSchema = z.object({
  format: z.literal('luot-ratings/1'),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  records: z.array(RatingRecordSchema),
  summary: z.array(RatingSummarySchema),
});
export type RatingsExport = z.infer<typeof RatingsExportSchema>;
