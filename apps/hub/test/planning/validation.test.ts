import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quocOai } from '@luot/core/testing';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { writeHistory } from '../reports/history.js';
import { validate, type Validation } from './validation.js';

/**
 * Issue #16, "Validation against the office": nine weeks of the synthetic office (the day
 * simulator on the default Quốc Oai profile, as the reports' history generator writes it), a plan
 * for the Monday opening week 9 learned from weeks 1–8 only, its hourly mean waits against week 9's.
 *
 * The bound — mean |error| at most 30% of week 9's mean wait — is set from what limits any plan
 * learned from eight weeks, measured over eight histories (docs/planner.md): the office runs its
 * counters at 85% load, where a wait moves several times faster than the arrivals, and eight
 * Mondays estimate each service's arrivals only to ±5–10%; the simulation's own error (50 runs) and
 * week 9's (five days) add a little. Measured here: 6.6%; over eight histories 5.5–24.9%.
 */
const office = quocOai();
let dir: string;
let storage: Storage;
let v: Validation;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-plan-validation-'));
  storage = openStorage(join(dir, 'luot.sqlite'));
  writeHistory(storage.store, office, { from: '2026-10-05', days: 63, seed: 1000 });
  v = validate(storage.store.db, office, '2026-11-30', 50, 1);
  // Nine weeks of days (≈ 45 × 600 tickets) and a plan: seconds, more on a busy machine.
}, 180_000);
afterAll(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a plan from weeks 1–8 against week 9', () => {
  it('learns from the eight Mondays before and compares every working hour', () => {
    expect(v.plan.source?.en).toBe('last 8 Mondays');
    expect(v.week).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(v.hours.map((h) => h.hour)).toEqual([
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
  });

  it('predicts week 9’s hourly mean waits within 30% (mean absolute error)', () => {
    expect(v.relativeError).toBeLessThanOrEqual(0.3);
    // Not by predicting flat: the morning peak and the quiet last hour are in the plan as in the office.
    const at = (hour: string) => v.hours.find((h) => h.hour === hour)!;
    expect(at('11:00').planned).toBeGreaterThan(2 * at('16:00').planned);
    expect(at('11:00').actual).toBeGreaterThan(2 * at('16:00').actual);
  });
});
