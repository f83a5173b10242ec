import type { SessionsConfig } from './config.js';

/** Local calendar facts for an instant in the office's time zone. Pure: Intl needs no I/O. */
export interface LocalTime {
  day: string; // YYYY-MM-DD
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
  minutes: number; // minutes since local midnight
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Answers per time zone and quarter hour of UTC. Every command asks, and Intl is slow; within a
 * quarter hour the zone's offset cannot change and the local day cannot turn (every zone's offset
 * and every daylight-saving change is a whole number of quarter hours), so one Intl call serves
 * the quarter hour and the rest is arithmetic. The last few hundred quarters are kept: the hub
 * asks about now, the staffing planner replays the same day a thousand times.
 */
const QUARTER = 15 * 60_000;
const quarters = new Map<string, Map<number, LocalTime>>();

export function localTime(now: number, timeZone: string): LocalTime {
  const quarter = Math.floor(now / QUARTER);
  let zone = quarters.get(timeZone);
  if (!zone) quarters.set(timeZone, (zone = new Map()));
  let start = zone.get(quarter);
  if (!start) {
    if (zone.size >= 512) zone.clear();
    start = computeLocalTime(quarter * QUARTER, timeZone);
    zone.set(quarter, start);
  }
  const minutes = start.minutes + Math.floor((now - quarter * QUARTER) / 60_000);
  return minutes === start.minutes ? start : { ...start, minutes };
}

/**
 * The instant a local calendar day (YYYY-MM-DD) starts in the office's time zone: what a date range
 * "from 2026-11-01 to 2026-11-30" means for timestamps. From UTC midnight of that date, moved by
 * the zone's offset then (whole minutes; Vietnam has no daylight saving time).
 */
export function localMidnight(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const local = computeLocalTime(utc, timeZone);
  // East of UTC the local clock is already past midnight of `day`; west of it, still the day before.
  return local.day === day ? utc - local.minutes * 60_000 : utc + (1440 - local.minutes) * 60_000;
}

function computeLocalTime(now: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Minutes since midnight of "HH:MM". Remembered: sessions are read on every command. */
const parsedHm = new Map<string, number>();
export function parseHm(hm: string): number {
  let v = parsedHm.get(hm);
  if (v === undefined) {
    const [h, m] = hm.split(':').map(Number);
    v = (h ?? 0) * 60 + (m ?? 0);
    if (parsedHm.size < 10_000) parsedHm.set(hm, v);
  }
  return v;
}

export type SessionState =
  | {
      open: true;
      /** Wall-clock minutes until the day's last session ends. */
      minutesToDayEnd: number;
      /** Minutes of session time left today (breaks excluded): what a wait can use up. */
      workMinutesLeft: number;
    }
  | { open: false; reason: 'holiday' | 'not_a_working_day' | 'before_hours' | 'break' | 'after_hours' };

/** The sessions in minutes, once per configuration object (it is never changed in place). */
const periodsOf = new WeakMap<
  SessionsConfig,
  { periods: Array<{ start: number; end: number }>; first: number; last: number }
>();
function parsedPeriods(sessions: SessionsConfig) {
  let p = periodsOf.get(sessions);
  if (!p) {
    const periods = sessions.periods.map((x) => ({ start: parseHm(x.start), end: parseHm(x.end) }));
    p = {
      periods,
      first: Math.min(...periods.map((x) => x.start)),
      last: Math.max(...periods.map((x) => x.end)),
    };
    periodsOf.set(sessions, p);
  }
  return p;
}

/**
 * The last answer of `sessionState`: it depends on the minute alone (the local time is whole
 * minutes), and a ticket asks twice (the queue, the issue checks) — a busy simulated day hundreds
 * of times in the same few minutes. Read-only for callers, as every answer is.
 */
let lastSessions: SessionsConfig | null = null;
let lastMinute = NaN;
let lastState: SessionState | null = null;

/** Whether tickets may be issued now, and how long until the day's last session ends. */
export function sessionState(sessions: SessionsConfig, now: number): SessionState {
  const minute = Math.floor(now / 60_000);
  if (sessions === lastSessions && minute === lastMinute) return lastState!;
  const state = computeSessionState(sessions, now);
  lastSessions = sessions;
  lastMinute = minute;
  lastState = state;
  return state;
}

function computeSessionState(sessions: SessionsConfig, now: number): SessionState {
  const t = localTime(now, sessions.timeZone);
  if (sessions.alwaysOpen) {
    const toMidnight = 24 * 60 - t.minutes;
    return { open: true, minutesToDayEnd: toMidnight, workMinutesLeft: toMidnight };
  }
  if (sessions.holidays?.includes(t.day)) return { open: false, reason: 'holiday' };
  if (!sessions.days.includes(t.weekday)) return { open: false, reason: 'not_a_working_day' };
  const { periods, first, last } = parsedPeriods(sessions);
  if (periods.some((p) => t.minutes >= p.start && t.minutes < p.end)) {
    const workMinutesLeft = periods.reduce(
      (sum, p) => sum + Math.max(0, p.end - Math.max(p.start, t.minutes)),
      0,
    );
    return { open: true, minutesToDayEnd: last - t.minutes, workMinutesLeft };
  }
  if (t.minutes < first) return { open: false, reason: 'before_hours' };
  if (t.minutes >= last) return { open: false, reason: 'after_hours' };
  return { open: false, reason: 'break' };
}
