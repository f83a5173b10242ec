import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quocOai } from '@luot/core/testing';
import type { PlanResult } from '@luot/planner';
import { planCommand, UsageError } from '../../src/planning/cli.js';
import { CANNOT_KEEP_UP, HOURLY, planRows } from '../../src/planning/plan-xlsx.js';
import { openStorage } from '../../src/storage/index.js';
import { writeHistory } from '../reports/history.js';

const office = quocOai();
let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-plan-cli-'));
  db = join(dir, 'luot.sqlite');
  const storage = openStorage(db);
  // Three weeks before Tuesday 8 December: three Tuesdays to learn from.
  writeHistory(storage.store, office, { from: '2026-11-16', days: 21, seed: 7, profile: { tickets: 200 } });
  storage.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cell's value as a number or text (ExcelJS gives null for an empty cell). */
const value = (ws: ExcelJS.Worksheet, row: number, col: number) =>
  ws.getCell(row, col).value as number | string | null;

/** The first row under the header whose first cell is `header`. */
function firstDataRow(ws: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === header) return r + 1;
  throw new Error(`no header ${header} in ${ws.name}`);
}

describe('npm run plan', () => {
  let plan: PlanResult;
  let printed: string;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const lines: string[] = [];
    const out = join(dir, 'plan.xlsx');
    const json = join(dir, 'plan.json');
    const officers = Array.from({ length: 12 }, (_, i) => `cb${i + 1}`).join(',');
    const argv = ['--office', 'quoc-oai', '--date', '2026-12-08', '--db', db, '--runs', '20', '--seed', '5'];
    ({ plan } = await planCommand(
      [...argv, '--level', '2', '--officers', officers, '--out', out, '--json', json],
      (t) => lines.push(t),
    ));
    printed = lines.join('\n');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(plan)));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  }, 60_000);

  it('plans the day from the database’s history, with the officers and level asked for', () => {
    expect(plan.source).toEqual({ vi: '3 ngày thứ Ba gần nhất', en: 'last 3 Tuesdays' });
    expect(plan.level).toBe(2);
    expect(plan.runs).toBe(20);
    const officers = new Set(plan.seats.map((s) => s.officerId));
    expect([...officers].every((id) => /^cb([1-9]|1[0-2])$/.test(id))).toBe(true);
  });

  it('prints the hourly table, the seats and the break points in Vietnamese', () => {
    expect(printed).toContain('Kế hoạch ngày 2026-12-08 — cấp độ 2 — lượt đến theo 3 ngày thứ Ba gần nhất');
    expect(printed).toContain('P90 mô phỏng (95%)');
    expect(printed).toContain('Phân công:');
    for (const s of plan.seats) expect(printed).toContain(`${s.from}–${s.to}`);
    for (const b of plan.breaks) expect(printed).toContain(b.text.vi);
    expect(printed.normalize('NFC')).toBe(printed);
  });

  it('writes the XLSX: its numbers are the plan’s', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Kế hoạch theo giờ',
      'Phân công',
      'Điểm nghẽn',
      'Sảnh chờ',
    ]);

    const hourly = wb.getWorksheet('Kế hoạch theo giờ')!;
    let r = firstDataRow(hourly, HOURLY[0]!.header);
    const rows = planRows(plan);
    expect(rows.length).toBeGreaterThan(0);
    for (const { interval, service } of rows) {
      const f = plan.perService[service]![interval]!;
      expect(value(hourly, r, 1)).toBe(plan.intervals[interval]);
      expect(String(value(hourly, r, 3)).startsWith(`${service} – `)).toBe(true);
      expect(value(hourly, r, 4)).toBe(f.arrivals);
      expect(value(hourly, r, 5)).toBe(f.needed);
      expect(value(hourly, r, 6)).toBe(f.staffed);
      expect(value(hourly, r, 7)).toBe(f.erlang.meanWaitMinutes ?? CANNOT_KEEP_UP);
      expect(value(hourly, r, 8)).toBe(f.erlang.p90WaitMinutes ?? CANNOT_KEEP_UP);
      expect(value(hourly, r, 9)).toBe(f.erlang.withinTarget);
      expect(value(hourly, r, 10)).toBe(f.sim?.meanWaitMinutes.value ?? null);
      expect(value(hourly, r, 11)).toBe(f.sim?.p90WaitMinutes.value ?? null);
      expect(value(hourly, r, 12)).toBe(f.sim?.p90WaitMinutes.low ?? null);
      expect(value(hourly, r, 13)).toBe(f.sim?.p90WaitMinutes.high ?? null);
      expect(value(hourly, r, 14)).toBe(f.sim?.withinTarget.value ?? null);
      r++;
    }
    expect(value(hourly, r, 1)).toBeNull();
    const first = firstDataRow(hourly, HOURLY[0]!.header);
    expect(hourly.getCell(first, 4).numFmt).toBe('0.0');
    expect(hourly.getCell(first, 5).numFmt).toBe('0');
    expect(hourly.getCell(first, 9).numFmt).toBe('0.0%');

    const seats = wb.getWorksheet('Phân công')!;
    r = firstDataRow(seats, 'Mã cán bộ');
    for (const s of plan.seats) {
      expect([
        value(seats, r, 1),
        value(seats, r, 2),
        value(seats, r, 3),
        value(seats, r, 5),
        value(seats, r, 6),
      ]).toEqual([s.officerId, s.officerName, s.counter, s.from, s.to]);
      expect(
        String(value(seats, r, 4))
          .split('; ')
          .map((x) => x.split(' – ')[0]),
      ).toEqual(s.services);
      r++;
    }
    expect(value(seats, r, 1)).toBeNull();

    const breaks = wb.getWorksheet('Điểm nghẽn')!;
    r = firstDataRow(breaks, 'Từ');
    for (const b of plan.breaks) {
      expect([value(breaks, r, 1), value(breaks, r, 2), value(breaks, r, 4), value(breaks, r, 5)]).toEqual([
        b.from,
        b.to,
        b.needed,
        b.staffed,
      ]);
      expect(value(breaks, r, 6)).toBe(b.p90WaitMinutes ?? CANNOT_KEEP_UP);
      expect(value(breaks, r, 7)).toBe(b.text.vi);
      r++;
    }

    const hall = wb.getWorksheet('Sảnh chờ')!;
    r = firstDataRow(hall, 'Từ');
    plan.hall.forEach((h, i) => {
      expect([
        value(hall, r + i, 1),
        value(hall, r + i, 2),
        value(hall, r + i, 3),
        value(hall, r + i, 4),
      ]).toEqual([plan.intervals[i], h.capacity, h.occupancyP95, h.outsideP95]);
    });
  });

  it('says what is wrong with its arguments', async () => {
    await expect(planCommand(['--office', 'quoc-oai'], () => {})).rejects.toBeInstanceOf(UsageError);
    await expect(planCommand(['--date', '2026-12-08', '--level', '7'], () => {})).rejects.toThrow(
      '--level 7',
    );
    await expect(
      planCommand(['--office', 'quoc-oai', '--date', '2026-12-08', '--db', db, '--runs', 'x'], () => {}),
    ).rejects.toThrow('--runs x');
    await expect(
      planCommand(
        ['--office', 'quoc-oai', '--date', '2026-12-08', '--db', join(dir, 'nowhere.sqlite')],
        () => {},
      ),
    ).rejects.toThrow('no such file');
  });
});
