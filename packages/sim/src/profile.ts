import { parseHm, type OfficeConfig, type OutcomeKind } from '@luot/core';

/** A span of local time, 'HH:MM'–'HH:MM'. */
export interface Span {
  start: string;
  end: string;
}

export interface StaffPlan {
  counter: number;
  officer: { id: string; name: string };
  /** When the officer works: signed in for the first, paused between two, signed out after the last. */
  shifts: Span[];
}

/** How officers and citizens move, in minutes ([min, max] = uniform between). */
export interface Pace {
  /** Officers sign in this long before their shift starts. */
  early: [number, number];
  /** From a call until the citizen is at the counter. */
  walk: [number, number];
  /** How long an officer waits for a citizen who does not come before recalling, and again before a no-show. */
  recallAfter: number;
  /** Between one citizen and "call next" (paperwork). */
  gap: [number, number];
  /** How long an officer with nobody waiting takes to call a new ticket for the counter. */
  notice: [number, number];
  /**
   * An idle counter also tries "call next" this often, for tickets the simulation cannot know of (a
   * person's transfer to it, tickets from before a restart). Infinity (the default): only when a
   * ticket it issued or sent on may be waiting; a live demo with people in it sets a few minutes.
   */
  idlePoll: number;
  /** After the last shift, officers go on calling this long while people still wait. */
  overtime: number;
  /** Part of the visit's time spent before an officer sends a citizen on to another service. */
  transferAfter: number;
}

/** Everything random about an office day, as rates and shares. `dayProfile` derives it from the office. */
export interface DayProfile {
  /** Citizens expected per service (prefix) over the whole day; the day's count is Poisson around it. */
  volume: Record<string, number>;
  /** When they come: relative arrival rate by time of day. Nobody comes outside these spans. */
  shape: Array<Span & { weight: number }>;
  /**
   * Citizens expected per service in given spans of the day, instead of `volume` spread by
   * `shape`: what the staffing planner knows (learned per half hour from the office's history).
   * A service listed here takes its arrivals only from here.
   */
  arrivals?: Record<string, Array<Span & { expected: number }>>;
  /** Citizens already at the door per service when the first session opens (they come first). */
  opening?: Record<string, number>;
  /** Mean minutes at the counter per service; each visit is lognormal around it. */
  serviceMinutes: Record<string, number>;
  /** Spread of the lognormal (σ of the log): 0.5 makes a third of visits under ⅔ or over 1½ times the mean. */
  serviceSpread: number;
  /**
   * Per service, another law for the visit's length: a lognormal with its own σ (fitted to the
   * office's history), or exponential — the M/M/c case the planner's tests check the simulator on.
   */
  serviceLaw?: Record<string, { kind: 'lognormal'; sigma: number } | { kind: 'exponential' }>;
  /** Share of citizens in each priority category (by id). */
  priority: Record<string, number>;
  /** Chance of 0, 1, 2, 3 companions. */
  companions: number[];
  /** Kiosks (device ids) the tickets are taken at, each as likely. */
  kiosks: string[];
  /** Chance a called citizen is not there at first and comes after one recall. */
  late: number;
  /** Chance a called citizen never comes (recalled once, then a no-show). */
  noShow: number;
  /** Chance an officer sends the citizen on to another service (once at most). */
  transfer: number;
  /** Weights of the visit outcomes. */
  outcomes: Partial<Record<OutcomeKind, number>>;
  /** Share of finished visits rated on the rating screen, and the weights of scores 1…scale. */
  rating: { share: number; scores: number[] };
  /** Who works where and when; counters not listed are left alone (a person may work there). */
  staff: StaffPlan[];
  pace: Pace;
  /** The supervisor closes the day at the end, cancelling whoever was not served. */
  closeDay: boolean;
}

export interface ProfileOptions extends Partial<Omit<DayProfile, 'pace'>> {
  pace?: Partial<Pace>;
  /** How busy the default day is: the share of the counters' session time its citizens fill (0.85). */
  load?: number;
  /** Expected tickets in the day instead of `load`, shared among services as the default volume is. */
  tickets?: number;
  /** Counters nobody of the simulation works at (the demo leaves counter 5 to a person). */
  leaveOut?: number[];
  /** The officer's id at each counter: cb1…cb16 by default, as the test hub and the benchmark have them. */
  officerId?: (counter: number) => string;
}

export const DEFAULT_PACE: Pace = {
  early: [0, 10],
  walk: [0.3, 1.5],
  recallAfter: 1,
  gap: [0.2, 1],
  notice: [0.1, 0.5],
  idlePoll: Infinity,
  overtime: 30,
  transferAfter: 0.4,
};

/** Scores 1…scale: most citizens are satisfied, a few are not. */
const SCORES: Record<3 | 4 | 5, number[]> = {
  3: [0.05, 0.2, 0.75],
  4: [0.03, 0.07, 0.3, 0.6],
  5: [0.02, 0.03, 0.1, 0.3, 0.55],
};

/**
 * The day's profile: the office's own numbers where it has them (service minutes, sessions,
 * counters, rating scale), sensible shares for the rest, and `options` over both.
 */
export function dayProfile(config: OfficeConfig, options: ProfileOptions = {}): DayProfile {
  const {
    load = 0.85,
    tickets,
    leaveOut = [],
    officerId = (n: number) => `cb${n}`,
    pace,
    ...given
  } = options;
  const fullPace = { ...DEFAULT_PACE, ...pace };
  const periods = config.sessions.periods;
  const serviceMinutes = {
    ...Object.fromEntries(config.services.map((s) => [s.prefix, s.defaultServiceMinutes])),
    ...given.serviceMinutes,
  };
  const categories = config.priorityCategories;
  return {
    volume: given.volume ?? defaultVolume(config, serviceMinutes, fullPace, load, tickets),
    shape: given.shape ?? defaultShape(periods),
    ...(given.arrivals ? { arrivals: given.arrivals } : {}),
    ...(given.serviceLaw ? { serviceLaw: given.serviceLaw } : {}),
    ...(given.opening ? { opening: given.opening } : {}),
    serviceMinutes,
    serviceSpread: given.serviceSpread ?? 0.5,
    // About 15% priority: the first category (the elderly in the default office) half of it.
    priority:
      given.priority ??
      Object.fromEntries(
        categories.map((c, i) => [
          c.id,
          i === 0 ? 0.07 : categories.length > 1 ? 0.08 / (categories.length - 1) : 0,
        ]),
      ),
    companions: given.companions ?? [0.8, 0.15, 0.04, 0.01],
    kiosks: given.kiosks ?? ['kiosk-1', 'kiosk-2'],
    late: given.late ?? 0.05,
    noShow: given.noShow ?? 0.03,
    transfer: given.transfer ?? 0.04,
    outcomes: given.outcomes ?? { received: 6, guided: 3, returned: 2, refused: 1 },
    rating: given.rating ?? { share: 0.75, scores: SCORES[config.rating.scale] },
    staff:
      given.staff ??
      config.counters
        .filter((c) => !leaveOut.includes(c.number))
        .map((c) => ({
          counter: c.number,
          officer: { id: officerId(c.number), name: `Cán bộ ${c.number}` },
          shifts: periods.map((p) => ({ start: p.start, end: p.end })),
        })),
    pace: fullPace,
    closeDay: given.closeDay ?? true,
  };
}

/**
 * Each counter's session time is shared among the services it calls; a service gets `load` of its
 * counters' time in visits (service minutes plus the call and paperwork around each). So the day
 * is busy but every counter can keep up, whoever is staffed today.
 */
function defaultVolume(
  config: OfficeConfig,
  serviceMinutes: Record<string, number>,
  pace: Pace,
  load: number,
  tickets: number | undefined,
): Record<string, number> {
  const sessionMinutes = config.sessions.periods.reduce((m, p) => m + parseHm(p.end) - parseHm(p.start), 0);
  const counterMinutes: Record<string, number> = {};
  for (const c of config.counters) {
    for (const s of c.services)
      counterMinutes[s] = (counterMinutes[s] ?? 0) + sessionMinutes / c.services.length;
  }
  const overhead = (pace.walk[0] + pace.walk[1]) / 2 + (pace.gap[0] + pace.gap[1]) / 2;
  const volume: Record<string, number> = {};
  for (const s of config.services) {
    volume[s.prefix] =
      (load * (counterMinutes[s.prefix] ?? 0)) / ((serviceMinutes[s.prefix] ?? 10) + overhead);
  }
  if (tickets !== undefined) {
    const total = Object.values(volume).reduce((a, b) => a + b, 0);
    for (const s of Object.keys(volume)) volume[s] = total > 0 ? (volume[s]! * tickets) / total : 0;
  }
  return volume;
}

/**
 * A one-stop office's day: a morning peak (the first two hours, 1.6 times the usual rate), nobody
 * during the breaks between sessions, and fewer in the last hour before closing (half).
 */
function defaultShape(periods: Span[]): Array<Span & { weight: number }> {
  const hm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const spans: Array<Span & { weight: number }> = [];
  const sorted = [...periods].sort((a, b) => parseHm(a.start) - parseHm(b.start));
  sorted.forEach((p, i) => {
    let start = parseHm(p.start);
    let end = parseHm(p.end);
    const length = end - start;
    const cuts: Array<[number, number, number]> = [];
    if (i === 0) {
      const peak = Math.min(120, Math.floor(length / 2));
      cuts.push([start, start + peak, 1.6]);
      start += peak;
    }
    if (i === sorted.length - 1) {
      const slump = Math.min(60, Math.floor(length / 3));
      cuts.push([end - slump, end, 0.5]);
      end -= slump;
    }
    cuts.push([start, end, 1]);
    for (const [s, e, weight] of cuts.sort((a, b) => a[0] - b[0]))
      if (e > s) spans.push({ start: hm(s), end: hm(e), weight });
  });
  return spans;
}
