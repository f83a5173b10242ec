import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { LevelSchema, type OfficeConfig } from '@luot/core';
import { makePlan, type PlanResult } from '@luot/planner';
import { DEMO_CONFIG, loadConfigFile, resolveConfig, type OfficerConfig } from '../config.js';
import { openDatabase } from '../storage/database.js';
import { planWorkbook } from './plan-xlsx.js';
import { planText } from './plan-text.js';
import { planRequestFor } from './request.js';

export const PLAN_USAGE = `usage: npm run plan -- --date YYYY-MM-DD [--office <hub config | office JSON | profile name>]
  [--level 1-4] [--officers cb1,cb2,…] [--db data/luot.sqlite] [--runs 1000] [--seed 1]
  [--interval 30] [--factor 1.3] [--weeks 8] [--out plan-DATE.xlsx] [--json plan.json]`;

export class UsageError extends Error {}

/**
 * The office and its officers from `--office`: a hub configuration (devices, officers: the
 * officers and their services come from it), an office JSON file, or a profile name. Without a
 * hub configuration nobody is configured, so there is one officer per counter, cb1…cbN, serving
 * that counter's services — as the day simulator staffs an office by default.
 */
export function loadOffice(arg: string): { office: OfficeConfig; officers: OfficerConfig[] } {
  let office: OfficeConfig;
  let officers: OfficerConfig[] = [];
  if (/^[\w-]+$/.test(arg)) {
    office = resolveConfig({ office: arg, devices: [], officers: [] }).office;
  } else {
    const file = resolve(arg);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if ('devices' in json) {
      const loaded = loadConfigFile(file);
      office = loaded.office;
      officers = loaded.hub.officers.filter((o) => o.role === 'officer');
    } else {
      office = resolveConfig({ office: file, devices: [], officers: [] }).office;
    }
  }
  if (officers.length === 0) {
    officers = office.counters.map((c) => ({
      id: `cb${c.number}`,
      name: `Cán bộ quầy ${c.number}`,
      pinHash: '',
      role: 'officer' as const,
      services: c.services,
    }));
  }
  return { office, officers };
}

function number(v: string | undefined, name: string, integer: boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(`--${name} ${v}`);
  return n;
}

/**
 * `npm run plan`: learns the day from the hub's database (read-only; without `--db` and without
 * the hub's default data/luot.sqlite: no history, so the configuration's volumes), makes the plan, prints it and writes its XLSX.
 * Returns the plan and the files written (the tests compare them).
 */
export async function planCommand(
  argv: string[],
  print: (text: string) => void,
  progress: (text: string) => void = () => {},
): Promise<{ plan: PlanResult; xlsx: string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      office: { type: 'string' },
      date: { type: 'string' },
      level: { type: 'string' },
      officers: { type: 'string' },
      db: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      interval: { type: 'string' },
      factor: { type: 'string' },
      weeks: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const date = values.date;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date YYYY-MM-DD is required');
  const level = values.level === undefined ? undefined : LevelSchema.safeParse(Number(values.level));
  if (level && !level.success) throw new UsageError(`--level ${values.level}: 1, 2, 3 or 4`);
  const { office, officers } = loadOffice(values.office ?? DEMO_CONFIG);

  const dbFile = resolve(values.db ?? 'data/luot.sqlite');
  // A database named and not there is a typing mistake, not an office without history.
  if (values.db !== undefined && !existsSync(dbFile)) throw new UsageError(`--db ${dbFile}: no such file`);
  // Read-only: planning never writes to an office's database (the hub may be running on it).
  const db = existsSync(dbFile) ? new Database(dbFile, { readonly: true, fileMustExist: true }) : null;
  if (!db) progress(`(không có cơ sở dữ liệu ${dbFile}: lượt đến theo cấu hình văn phòng)`);
  const source = db ?? openDatabase(':memory:');
  try {
    const runs = number(values.runs, 'runs', true);
    const intervalMinutes = number(values.interval, 'interval', true);
    const arrivalsFactor = number(values.factor, 'factor', false);
    const weeks = number(values.weeks, 'weeks', true);
    const request = planRequestFor(
      source,
      office,
      { officers },
      {
        date,
        seed: number(values.seed, 'seed', true) ?? 1,
        ...(level?.success ? { level: level.data } : {}),
        ...(values.officers ? { officers: values.officers.split(',').map((s) => s.trim()) } : {}),
        ...(runs !== undefined ? { runs } : {}),
        ...(intervalMinutes !== undefined ? { intervalMinutes } : {}),
        ...(arrivalsFactor !== undefined ? { arrivalsFactor } : {}),
        ...(weeks !== undefined ? { weeks } : {}),
      },
    );
    progress(`Đang mô phỏng ${request.runs ?? 1000} ngày…`);
    const plan = makePlan(request);
    print(planText(plan));
    const xlsx = resolve(values.out ?? `plan-${date}.xlsx`);
    writeFileSync(xlsx, await planWorkbook(plan, office));
    print(`\nĐã ghi ${xlsx}`);
    if (values.json) writeFileSync(resolve(values.json), `${JSON.stringify(plan, null, 2)}\n`);
    return { plan, xlsx };
  } finally {
    source.close();
  }
}
