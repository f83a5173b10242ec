import { localTime, type SessionsConfig } from '@luot/core';

export const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Epoch ms of local midnight starting `date` (YYYY-MM-DD) in the time zone. Read from the zone's
 * offset at noon, so a daylight-saving change during the night is not accounted for (Vietnam has none).
 */
export function localMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const noonUtc = Date.UTC(y!, m! - 1, d!, 12);
  const local = localTime(noonUtc, timeZone);
  let midnight = noonUtc - local.minutes * MINUTE;
  if (local.day > date) midnight -= DAY;
  else if (local.day < date) midnight += DAY;
  return midnight;
}

/** Whether the office opens on `date` at all (a working day, not a holiday, or always open). */
export function isOpenDay(sessions: SessionsConfig, date: string): boolean {
  if (sessions.alwaysOpen) return true;
  if (sessions.holidays?.includes(date)) return false;
  const noon = localMidnight(date, sessions.timeZone) + 12 * 60 * MINUTE;
  return sessions.days.includes(localTime(noon, sessions.timeZone).weekday);
}
