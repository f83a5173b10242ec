import { parseHm, type OfficeConfig } from '@luot/core';

/** "HH:MM" from minutes since midnight. */
export function hm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function addMinutes(at: string, minutes: number): string {
  return hm(parseHm(at) + minutes);
}

/**
 * The day cut in pieces of `minutes`, from the first session's start to the last one's end.
 * Breaks between sessions stay in (nobody arrives then, the line carries over), so interval i
 * always starts at first + i·minutes and every figure lines up across services and the hall.
 */
export function planIntervals(config: OfficeConfig, minutes: number): string[] {
  const periods = config.sessions.periods;
  const start = Math.min(...periods.map((p) => parseHm(p.start)));
  const end = Math.max(...periods.map((p) => parseHm(p.end)));
  const out: string[] = [];
  for (let t = start; t < end; t += minutes) out.push(hm(t));
  return out;
}

/** Whether an interval lies inside one of the sessions (citizens can arrive and counters call). */
export function inSession(config: OfficeConfig, start: string, minutes: number): boolean {
  const s = parseHm(start);
  return config.sessions.periods.some((p) => parseHm(p.start) < s + minutes && s < parseHm(p.end));
}
