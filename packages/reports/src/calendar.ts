import { localTime } from '@luot/core';

/**
 * Calendar arithmetic for reports: a report's days are office-local dates (YYYY-MM-DD, the `day`
 * column of `tickets`), so ranges are counted in dates, never in milliseconds of the hub's zone.
 */

const DAY_MS = 86_400_000;

const utcNoon = (date: string) => Date.parse(`${date}T12:00:00Z`);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  return isoDate(utcNoon(date) + n * DAY_MS);
}

/** The range of the same length that ends the day before `from`: what "compare" compares with. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((utcNoon(to) - utcNoon(from)) / DAY_MS) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday (a date's weekday does not depend on the zone). */
export function weekdayOf(date: string): number {
  return new Date(utcNoon(date)).getUTCDay() || 7;
}

/**
 * Local midnight of office days, to tell the office-local hour of an instant. Found once per
 * date (Intl is slow; a year has 365 of them and 200,000 tickets) from the zone's offset at noon,
 * so a daylight-saving change during the night would shift that day's early hours by one (Vietnam
 * has none).
 */
export class LocalMidnights {
  private readonly midnights = new Map<string, number>();

  constructor(private readonly timeZone: string) {}

  /** Epoch ms of the local midnight that starts `date`. */
  midnight(date: string): number {
    let midnight = this.midnights.get(date);
    if (midnight === undefined) {
      const noon = utcNoon(date);
      midnight = noon - localTime(noon, this.timeZone).minutes * 60_000;
      // Noon UTC is already the next local day east of +12 h, the previous one west of −12 h.
      const local = localTime(noon, this.timeZone).day;
      if (local > date) midnight -= DAY_MS;
      else if (local < date) midnight += DAY_MS;
      this.midnights.set(date, midnight);
    }
    return midnight;
  }
}
