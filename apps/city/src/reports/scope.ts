import { localTime, type OfficeConfig } from '@luot/core';
import type { Pool } from '../db.js';

/** An office a report covers, with the configuration its hub last sent (null: it never said hello). */
export interface ReportOffice {
  id: string;
  name: string;
  province: string;
  commune: string;
  config: OfficeConfig | null;
}

const vi = new Intl.Collator('vi', { numeric: true }).compare;

export interface Scope {
  province?: string | undefined;
  commune?: string | undefined;
  office?: string | undefined;
}

/**
 * The offices of a province, a commune or one office (all of them without a filter), in the
 * order people read a list of places, each with its latest configuration: its services' names,
 * rating scale, wait target and time zone are what its figures are counted with.
 */
export async function officesInScope(pool: Pool, scope: Scope): Promise<ReportOffice[]> {
  const { rows } = await pool.query<ReportOffice>(
    `SELECT o.id, o.name, o.province, o.commune,
            (SELECT c.config FROM office_configs c WHERE c.office_id = o.id ORDER BY c.from_seq DESC LIMIT 1) AS config
     FROM offices o
     WHERE ($1::text IS NULL OR o.province = $1) AND ($2::text IS NULL OR o.commune = $2)
       AND ($3::text IS NULL OR o.id = $3)
    `,
    [scope.province ?? null, scope.commune ?? null, scope.office ?? null],
  );
  // Vietnamese order (Đông Anh before Quốc Oai), whatever collation the database was made with.
  return rows.sort(
    (a, b) => vi(a.province, b.province) || vi(a.commune, b.commune) || vi(a.name, b.name) || vi(a.id, b.id),
  );
}

/**
 * Officer code → name per office, as the officer's last sign-in carried it (the name the hub's
 * configuration gives the officer, as the hub's own reports name them). Read through the partial
 * index of sign-ins (migration 2), not the whole log.
 */
export async function officerNames(pool: Pool, offices: string[]): Promise<Map<string, Map<string, string>>> {
  const { rows } = await pool.query<{ office_id: string; officer_id: string; officer_name: string }>(
    `SELECT DISTINCT ON (office_id, data->'officer'->>'id')
            office_id, data->'officer'->>'id' AS officer_id, data->'officer'->>'name' AS officer_name
     FROM events WHERE type = 'counter.signed_in' AND office_id = ANY($1)
     ORDER BY office_id, data->'officer'->>'id', seq DESC`,
    [offices],
  );
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    let m = out.get(r.office_id);
    if (!m) out.set(r.office_id, (m = new Map()));
    m.set(r.officer_id, r.officer_name);
  }
  return out;
}

/**
 * The office's current day: its days before this one are over (their uncalled tickets were
 * abandoned), as at the hub, whose current day is its local date.
 */
export function officeToday(config: OfficeConfig, now = Date.now()): string {
  return localTime(now, config.sessions.timeZone).day;
}
