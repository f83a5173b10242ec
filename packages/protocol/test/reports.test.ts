import { describe, expect, it } from 'vitest';
import {
  ReportQuerySchema,
  checkReportRange,
  daysInRange,
  isCalendarDate,
  ratingLevels,
} from '../src/reports.js';

describe('report queries', () => {
  it('takes only dates that exist', () => {
    expect(['2026-11-30', '2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(
      ['2026-02-29', '2026-13-01', '2026-11-31', '26-11-30', '2026-1-30', ''].map(isCalendarDate),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('counts days with both ends, across months and leap days', () => {
    expect(daysInRange('2026-11-30', '2026-11-30')).toBe(1);
    expect(daysInRange('2026-02-01', '2026-03-01')).toBe(29);
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
  });

  it('allows a range of two calendar years at most, in order', () => {
    expect(checkReportRange('2026-01-01', '2027-12-31')).toBeNull();
    expect(checkReportRange('2026-01-01', '2028-01-01')).toBe('RANGE_TOO_LONG');
    expect(checkReportRange('2026-11-30', '2026-11-29')).toBe('RANGE_REVERSED');
    expect(checkReportRange('2024-02-29', '2026-02-28')).toBeNull();
    expect(checkReportRange('2024-02-29', '2026-03-01')).toBe('RANGE_TOO_LONG');
  });

  it('reads the query string, with error codes as messages', () => {
    expect(ReportQuerySchema.parse({ from: '2026-11-01', counter: '5', compare: '1' })).toEqual({
      from: '2026-11-01',
      counter: 5,
      compare: true,
    });
    expect(ReportQuerySchema.parse({}).compare).toBe(false);
    const bad = ReportQuerySchema.safeParse({ to: '2026-02-30' });
    expect(bad.success || bad.error.issues[0]!.message).toBe('BAD_DATE');
  });

  it('names the rating levels as the rating screen does; satisfied = rất hài lòng and hài lòng', () => {
    const names = (scale: 3 | 4 | 5) => ratingLevels(scale).map((l) => [l.score, l.label.vi, l.satisfied]);
    expect(names(4)).toEqual([
      [1, 'Không hài lòng', false],
      [2, 'Bình thường', false],
      [3, 'Hài lòng', true],
      [4, 'Rất hài lòng', true],
    ]);
    expect(names(3)).toEqual([
      [1, 'Không hài lòng', false],
      [2, 'Bình thường', false],
      [3, 'Hài lòng', true],
    ]);
    expect(
      names(5)
        .filter(([, , satisfied]) => satisfied)
        .map(([score]) => score),
    ).toEqual([4, 5]);
  });
});
