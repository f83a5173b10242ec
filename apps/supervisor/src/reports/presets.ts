/**
 * The date-range presets of the reports page (hôm nay, hôm qua, tuần này…), as office days
 * YYYY-MM-DD. Pure: "now" is the hub's clock and the days are the office's, in its time zone
 * (config.sessions.timeZone), never the PC's. Weeks start on Monday, as Vietnamese calendars do.
 * Ranges that include today end today: the days after it have no tickets yet.
 */
import type { Text } from '@luot/core';

export const PRESETS = [
  'today',
  'yesterday',
  'thisWeek',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'thisYear',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_NAMES: Record<Preset, Text> = {
  today: { vi: 'Hôm nay', en: 'Today' },
  yesterday: { vi: 'Hôm qua', en: 'Yesterday' },
  thisWeek: { vi: 'Tuần này', en: 'This week' },
  thisMonth: { vi: 'Tháng này', en: 'This month' },
  lastMonth: { vi: 'Tháng trước', en: 'Last month' },
  thisQuarter: { vi: 'Quý này', en: 'This quarter' },
  thisYear: { vi: 'Năm nay', en: 'This year' },
  custom: { vi: 'Tuỳ chọn', en: 'Custom' },
};

export interface DateRange {
  from: string;
  to: string;
}

/** The office day (YYYY-MM-DD) an instant falls on in a time zone. */
export function officeDay(epochMs: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
/** A calendar date from year, month (1…12, may overflow) and day (may be 0 or overflow), normalised. */
const ymd = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return ymd(y, m, d + n);
}

/** The range a preset stands for on the office day `today`; null for 'custom' (the head types it). */
export function presetRange(preset: Preset, today: string): DateRange | null {
  const [y, m, d] = parts(today);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = addDays(today, -1);
      return { from: day, to: day };
    }
    case 'thisWeek': {
      const isoWeekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7; // Sunday is 7
      return { from: addDays(today, 1 - isoWeekday), to: today };
    }
    case 'thisMonth':
      return { from: ymd(y, m, 1), to: today };
    case 'lastMonth':
      return { from: ymd(y, m - 1, 1), to: ymd(y, m, 0) }; // day 0 of this month: the last of the one before
    case 'thisQuarter':
      return { from: ymd(y, m - ((m - 1) % 3), 1), to: today };
    case 'thisYear':
      return { from: ymd(y, 1, 1), to: today };
    case 'custom':
      return null;
  }
}

/** The preset a range matches on `today` (for the buttons' pressed state), or 'custom'. */
export function presetOf(range: DateRange, today: string): Preset {
  for (const p of PRESETS) {
    const r = presetRange(p, today);
    if (r && r.from === range.from && r.to === range.to) return p;
  }
  return 'custom';
}
