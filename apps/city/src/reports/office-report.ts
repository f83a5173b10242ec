import type { OfficeConfig } from '@luot/core';
import type { RangeReport, ReportResponse } from '@luot/protocol';
import { buildRangeReport, previousPeriod, type RangeFilter } from '@luot/reports';
import type { Pool } from '../db.js';
import { forEachOfficeDay } from './scan.js';
import { officerNames, officeToday } from './scope.js';

/**
 * One office's report at the city, in the very shape and by the very code of the hub's
 * (`GET /api/reports` there, `buildRangeReport` of @luot/reports): only the tickets come from
 * PostgreSQL instead of the hub's SQLite. Its numbers equal the hub's over the same days (tested).
 */
export async function officeReport(
  pool: Pool,
  officeId: string,
  office: OfficeConfig,
  filter: RangeFilter,
  compare: boolean,
  now = Date.now(),
): Promise<ReportResponse> {
  const names = (await officerNames(pool, [officeId])).get(officeId);
  const ctx = { office, officerNames: names ?? new Map<string, string>(), today: officeToday(office, now) };
  const one = (f: RangeFilter): Promise<RangeReport> =>
    buildRangeReport((ff, onDay) => forEachOfficeDay(pool, officeId, ff, onDay), f, ctx);
  const current = await one(filter);
  const previous = compare ? await one({ ...filter, ...previousPeriod(filter.from, filter.to) }) : null;
  return { current, previous };
}
