import { describe, expect, it } from 'vitest';
import { OutcomeSchema } from '@luot/protocol';
import {
  EMPTY_DRAFT,
  OUTCOMES,
  addWorkingDays,
  buildOutcome,
  formatDay,
  reasonLabel,
} from '../../src/outcome.js';
import { PAUSE_REASONS, pauseReasonLabel } from '../../src/reasons.js';

const sessions = { days: [1, 2, 3, 4, 5], holidays: ['2026-12-02'] };

describe('finishing with an outcome', () => {
  it('keeps only what the kind uses, and every outcome passes the hub’s schema', () => {
    const received = buildOutcome({
      kind: 'received',
      reasons: ['fill_form'],
      dossierCode: ' 000.12.34.H26-261130-0001 ',
      returnDate: '2026-12-07',
    });
    expect(received).toEqual({
      ok: true,
      outcome: { kind: 'received', dossierCode: '000.12.34.H26-261130-0001', returnDate: '2026-12-07' },
    });
    const guided = buildOutcome({
      ...EMPTY_DRAFT,
      kind: 'guided',
      reasons: ['missing_documents'],
      dossierCode: 'x',
    });
    expect(guided).toEqual({ ok: true, outcome: { kind: 'guided', reasons: ['missing_documents'] } });
    for (const o of OUTCOMES) {
      const r = buildOutcome({
        ...EMPTY_DRAFT,
        kind: o.kind,
        reasons: o.reasons.slice(0, 2).map((x) => x.id),
      });
      expect(r.ok).toBe(true);
      if (r.ok) expect(OutcomeSchema.safeParse(r.outcome).success).toBe(true);
    }
  });

  it('asks for a kind, and for a reason when refusing', () => {
    expect(buildOutcome(EMPTY_DRAFT)).toEqual({ ok: false, missing: 'kind' });
    expect(buildOutcome({ ...EMPTY_DRAFT, kind: 'refused' })).toEqual({ ok: false, missing: 'reason' });
    expect(buildOutcome({ ...EMPTY_DRAFT, kind: 'refused', reasons: ['not_competent'] })).toEqual({
      ok: true,
      outcome: { kind: 'refused', reasons: ['not_competent'] },
    });
  });

  it('uses keys 1–5 and labels every reason in both languages', () => {
    expect(OUTCOMES.map((o) => o.key)).toEqual(['1', '2', '3', '4', '5']);
    for (const o of OUTCOMES) {
      for (const r of o.reasons) {
        expect(reasonLabel(r.id)).toBe(r.label);
        expect(r.id.length).toBeLessThanOrEqual(60);
        expect(r.label.vi).toBe(r.label.vi.normalize('NFC'));
      }
    }
    expect(reasonLabel('unknown')).toEqual({ vi: 'unknown', en: 'unknown' });
    expect(pauseReasonLabel(PAUSE_REASONS[0]!.id)).toBe(PAUSE_REASONS[0]!.label);
    expect(pauseReasonLabel('lunch')).toEqual({ vi: 'lunch', en: 'lunch' });
    expect(pauseReasonLabel(null)).toBeNull();
  });

  it('counts return dates in working days, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-11-30', 1, sessions)).toBe('2026-12-01');
    expect(addWorkingDays('2026-11-30', 2, sessions)).toBe('2026-12-03'); // 2 Dec is a holiday
    expect(addWorkingDays('2026-11-30', 5, sessions)).toBe('2026-12-08'); // over a weekend
    expect(addWorkingDays('2026-12-04', 1, sessions)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-31', 1, { days: [1, 2, 3, 4, 5] })).toBe('2027-01-01');
    expect(formatDay('2026-12-07')).toBe('07/12/2026');
  });
});
