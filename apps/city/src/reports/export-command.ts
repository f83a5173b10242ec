/**
 * `npm run city -- export-ratings --from D --to D [--province P] [--commune C] [--office ID]
 *  [--out file.json|.csv|.xlsx] [--post URL]` (RATINGS_TOKEN: the endpoint's bearer token): the
 * ratings export of a period written to a file, or sent to an endpoint, or printed as JSON.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { CityReportQuerySchema, checkReportRange } from '@luot/protocol';
import type { Pool } from '../db.js';
import { ratingsCsv, ratingsWorkbook } from './ratings-files.js';
import { httpRatingsSink } from './ratings-sink.js';
import { ratingsExport } from './ratings.js';
import { officesInScope } from './scope.js';

const Args = CityReportQuerySchema.pick({
  from: true,
  to: true,
  province: true,
  commune: true,
  office: true,
}).extend({
  from: z.string(),
  to: z.string(),
  out: z
    .string()
    .regex(/\.(json|csv|xlsx)$/, 'a .json, .csv or .xlsx file')
    .optional(),
  post: z.string().url().optional(),
});

export async function exportRatingsCommand(pool: Pool, values: Record<string, unknown>): Promise<string> {
  const a = Args.parse(values);
  const range = checkReportRange(a.from, a.to);
  if (range) throw new Error(`${range}: --from ${a.from} --to ${a.to}`);
  const offices = await officesInScope(pool, a);
  if (offices.length === 0) throw new Error('no office matches --province/--commune/--office');
  const x = await ratingsExport(pool, offices, { from: a.from, to: a.to });
  const what = `${x.records.length} rating(s) of ${offices.length} office(s), ${a.from} – ${a.to}`;
  if (a.post) {
    await httpRatingsSink({ url: a.post, token: process.env.RATINGS_TOKEN }).send(x);
    return `sent ${what} to ${a.post}`;
  }
  if (a.out) {
    const ext = a.out.slice(a.out.lastIndexOf('.') + 1);
    writeFileSync(
      a.out,
      ext === 'json' ? JSON.stringify(x, null, 2) : ext === 'csv' ? ratingsCsv(x) : await ratingsWorkbook(x),
    );
    return `wrote ${what} to ${a.out}`;
  }
  return JSON.stringify(x, null, 2);
}
