import type { Migration } from '../migrations.js';

/**
 * The report's text of each closed office day, kept (docs/city.md, "Reports across offices"): a
 * month across 170 offices is ≈ 2.7 M tickets, and PostgreSQL formatting each one as text took most
 * of the report's time (2–5 µs a row). A closed day's tickets no longer change unless late events
 * arrive, so its text (`FLAT_ROW` of src/reports/scan.ts, every service, `;` between tickets) is
 * written once by the projector — when it writes a closed day, and again whenever a later batch or
 * a rebuild writes that day — and a report reads one text value per office day instead. Days not
 * closed have no row here and are scanned ticket by ticket.
 *
 * Rows already projected get theirs at the next rebuild (`npm run city -- rebuild`); until then
 * their days are scanned, with the same numbers.
 */
export const dayRows: Migration = {
  version: 3,
  name: 'day-rows',
  sql: `
CREATE TABLE day_rows (
  office_id text NOT NULL REFERENCES offices (id),
  day       date NOT NULL,
  rows      text NOT NULL,
  PRIMARY KEY (office_id, day)
);
`,
};
