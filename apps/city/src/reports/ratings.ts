import type { OfficeConfig } from '@luot/core';
import { ratingLevels, type RatingRecord, type RatingsExport, type RatingSummary } from '@luot/protocol';
import { round4 } from '@luot/reports';
import type { Pool } from '../db.js';
import { officerNames, type ReportOffice } from './scope.js';

/**
 * The ratings export (docs/city.md, "Ratings export"): one record per citizen's rating over a
 * period, keyed as Vietnamese one-stop systems key ratings — the office, the counter, the officer,
 * the service, the dossier when the counter recorded one — with the time, the level and the
 * reasons; and per office and service the period's satisfaction, the share the one-stop
 * evaluation asks for. Read from `ratings` (who and what was rated at that moment, as the hub
 * recorded it) joined to the ticket for its number and dossier code.
 */
const RATINGS_SQL = `SELECT r.office_id, r.day, r.at, r.score, r.reasons, r.officer_id, r.counter, r.service,
       t.number, t.outcome->>'dossierCode' AS dossier_code
   FROM ratings r LEFT JOIN tickets t ON t.office_id = r.office_id AND t.id = r.ticket_id
   WHERE r.office_id = ANY($1) AND r.day BETWEEN $2::date AND $3::date
     AND ($4::text IS NULL OR r.service = $4)
   ORDER BY r.office_id, r.at, r.seq`;

interface RatingRow {
  office_id: string;
  day: string;
  at: number;
  score: number | null;
  reasons: string[];
  officer_id: string | null;
  counter: number | null;
  service: string;
  number: string | null;
  dossier_code: string | null;
}

/** An instant as ISO 8601 in a time zone, with its offset: `2026-11-30T09:12:05+07:00`. */
export function isoInZone(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

export interface RatingsPeriod {
  from: string;
  to: string;
  service?: string | undefined;
}

export async function ratingsExport(
  pool: Pool,
  offices: ReportOffice[],
  period: RatingsPeriod,
  now = Date.now(),
): Promise<RatingsExport> {
  const configured = offices.filter((o): o is ReportOffice & { config: OfficeConfig } => o.config !== null);
  const byId = new Map(configured.map((o) => [o.id, o]));
  const ids = configured.map((o) => o.id);
  const [{ rows }, names] = await Promise.all([
    pool.query<RatingRow>(RATINGS_SQL, [ids, period.from, period.to, period.service ?? null]),
    officerNames(pool, ids),
  ]);

  const records: RatingRecord[] = [];
  const summary = new Map<string, RatingSummary>();
  for (const r of rows) {
    const o = byId.get(r.office_id)!;
    const config = o.config;
    const service = config.services.find((s) => s.prefix === r.service);
    const key = `${o.id}\u0000${r.service}`;
    let sum = summary.get(key);
    if (!sum) {
      summary.set(
        key,
        (sum = {
          officeCode: o.id,
          officeName: o.name,
          serviceCode: r.service,
          serviceName: service?.name.vi ?? null,
          answered: 0,
          satisfied: 0,
          satisfaction: null,
          unanswered: 0,
        }),
      );
    }
    const scale = config.rating.scale;
    const level = r.score === null ? undefined : ratingLevels(scale)[r.score - 1];
    // A screen that timed out is no evaluation; a score off the office's scale is not counted
    // either (as the reports do).
    if (!level) {
      if (r.score === null) sum.unanswered++;
      continue;
    }
    sum.answered++;
    if (level.satisfied) sum.satisfied++;
    const reasonNames = new Map(config.rating.reasons.map((x) => [x.id, x.name.vi]));
    records.push({
      officeCode: o.id,
      officeName: o.name,
      province: o.province,
      commune: o.commune,
      day: r.day,
      ratedAt: isoInZone(r.at, config.sessions.timeZone),
      ticketNumber: r.number ?? '',
      counter: r.counter,
      officerCode: r.officer_id,
      officerName: r.officer_id ? (names.get(o.id)?.get(r.officer_id) ?? null) : null,
      serviceCode: r.service,
      serviceName: service?.name.vi ?? null,
      dossierCode: r.dossier_code,
      score: level.score,
      scale,
      level: level.label.vi,
      satisfied: level.satisfied,
      reasons: r.reasons.map((id) => ({ id, name: reasonNames.get(id) ?? id })),
    });
  }
  for (const s of summary.values()) s.satisfaction = s.answered ? round4(s.satisfied / s.answered) : null;
  return {
    format: 'luot-ratings/1',
    period: { from: period.from, to: period.to },
    generatedAt: new Date(now).toISOString(),
    records,
    summary: [...summary.values()],
  };
}
