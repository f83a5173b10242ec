/**
 * `npx tsx scripts/plan-validation.ts [runs]`: the planner against the office (issue #16) — nine
 * weeks of synthetic history, a plan for week 9's Monday learned from weeks 1–8, its hourly mean
 * waits beside the day's own. The figures in docs/planner.md, "Validation against the office".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quocOai } from '@luot/core/testing';
import { openStorage } from '../apps/hub/src/storage/index.js';
import { writeHistory } from '../apps/hub/test/reports/history.js';
import { validate } from '../apps/hub/test/planning/validation.js';

const runs = Number(process.argv[2] ?? 200);
const seeds = (process.argv[3] ?? '1').split(',').map(Number);
const office = quocOai();
for (const seed of seeds) {
  const dir = mkdtempSync(join(tmpdir(), 'luot-plan-validation-'));
  const storage = openStorage(join(dir, 'luot.sqlite'));
  try {
    writeHistory(storage.store, office, { from: '2026-10-05', days: 63, seed: seed * 1000 });
    const v = validate(storage.store.db, office, '2026-11-30', runs, seed);
    console.log(
      `history seed ${seed * 1000}, plan ${v.date}, ${v.plan.runs} runs, source: ${v.plan.source?.en}`,
    );
    console.log(`week 9: ${v.week.join(', ')}`);
    console.log('hour   planned  week 9  |error|  SE(week 9)  Monday alone');
    for (const h of v.hours) {
      const f = (x: number, w: number) => x.toFixed(1).padStart(w);
      console.log(
        `${h.hour}  ${f(h.planned, 7)}  ${f(h.actual, 6)}  ${f(Math.abs(h.planned - h.actual), 7)}  ${f(h.standardError, 10)}  ${f(h.day, 12)}`,
      );
    }
    console.log(
      `week 9: mean |error| ${v.meanAbsError.toFixed(2)} min, relative ${(100 * v.relativeError).toFixed(1)}%, max |error|/SE ${v.maxZ.toFixed(2)}`,
    );
    console.log(
      `Monday alone: mean |error| ${v.dayMeanAbsError.toFixed(2)} min, relative ${(100 * v.dayRelativeError).toFixed(1)}%\n`,
    );
  } finally {
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
