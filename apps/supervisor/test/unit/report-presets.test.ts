import { describe, expect, it } from 'vitest';
import { addDays, officeDay, presetOf, presetRange } from '../../src/reports/presets.js';

describe('report presets', () => {
  it('gives each range on a Wednesday in mid-quarter', () => {
    const today = '2026-11-18'; // a Wednesday
    expect(presetRange('today', today)).toEqual({ from: '2026-11-18', to: '2026-11-18' });
    expect(presetRange('yesterday', today)).toEqual({ from: '2026-11-17', to: '2026-11-17' });
    expect(presetRange('thisWeek', today)).toEqual({ from: '2026-11-16', to: '2026-11-18' });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: '2026-11-18' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('thisQuarter', today)).toEqual({ from: '2026-10-01', to: '2026-11-18' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-11-18' });
    expect(presetRange('custom', today)).toBeNull();
  });

  it('crosses years, leap days and Sundays', () => {
    expect(presetRange('yesterday', '2026-01-01')).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('lastMonth', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // A Sunday belongs to the week that began on the Monday before it.
    expect(presetRange('thisWeek', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    // A Monday is its week's first day.
    expect(presetRange('thisWeek', '2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(presetRange('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('thisQuarter', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-07-01' });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('takes the day in the office’s time zone, not the PC’s', () => {
    // 30 Nov 2026 18:30 UTC is already 1 December in Hà Nội (UTC+7), still 30 November in London.
    const t = Date.UTC(2026, 10, 30, 18, 30);
    expect(officeDay(t, 'Asia/Ho_Chi_Minh')).toBe('2026-12-01');
    expect(officeDay(t, 'Europe/London')).toBe('2026-11-30');
    expect(presetRange('thisMonth', officeDay(t, 'Asia/Ho_Chi_Minh'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-01',
    });
  });

  it('recognises the preset a range is, else custom', () => {
    expect(presetOf({ from: '2026-11-01', to: '2026-11-18' }, '2026-11-18')).toBe('thisMonth');
    expect(presetOf({ from: '2026-11-02', to: '2026-11-18' }, '2026-11-18')).toBe('custom');
  });
});
