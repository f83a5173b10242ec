import { parseHm, type OfficeConfig, type OutcomeKind } from '@luot/core';
import type { DayProfile } from './profile.js';
import type { Random } from './random.js';
import { MINUTE } from './time.js';

/** One citizen of the day, drawn before the day starts: who they are and how their visit will go. */
export interface Citizen {
  /** Place in the order of arrival, from 0. */
  index: number;
  /** When they reach a kiosk (epoch ms). */
  at: number;
  kiosk: string;
  service: string;
  priority: string | null;
  companions: number;
  /** At the first call: there, late (comes after one recall) or gone (a no-show). */
  presence: 'there' | 'late' | 'gone';
  /**
   * How long their business takes, as a standard normal draw: the same citizen is quick or slow
   * wherever they are served, and whichever counter calls them.
   */
  pace: number;
  /** The service an officer sends them on to, or null. */
  transferTo: string | null;
  outcome: OutcomeKind;
  /** Their rating on the counter's rating screen, `afterMs` after the visit ends; null: no rating. */
  rating: { score: number; reasons: string[]; afterMs: number } | null;
}

/** The day's citizens in order of arrival, all drawn from `rng`. */
export function planCitizens(
  config: OfficeConfig,
  profile: DayProfile,
  rng: Random,
  midnight: number,
): Citizen[] {
  // Arrival times: a Poisson count per service, each at a time drawn from the day's shape.
  const spans = profile.shape.map((s) => ({
    start: parseHm(s.start),
    end: parseHm(s.end),
    weight: s.weight,
  }));
  const spanWeights = spans.map((s) => [s, Math.max(0, s.weight * (s.end - s.start))] as const);
  const arrivals: Array<{ at: number; service: string }> = [];
  // Citizens already at the door when the first session opens.
  const opens = Math.min(...config.sessions.periods.map((p) => parseHm(p.start)));
  for (const [service, n] of Object.entries(profile.opening ?? {})) {
    for (let i = 0; i < n; i++) arrivals.push({ at: midnight + opens * 60_000, service });
  }
  if (spanWeights.some(([, w]) => w > 0)) {
    for (const svc of config.services) {
      if (profile.arrivals?.[svc.prefix]) continue;
      const n = rng.poisson(profile.volume[svc.prefix] ?? 0);
      for (let i = 0; i < n; i++) {
        const span = rng.pick(spanWeights);
        const minute = rng.between(span.start, span.end);
        // Whole seconds: times read like a log, and no two services draw the same instant by accident.
        arrivals.push({ at: midnight + Math.floor(minute * 60) * 1000, service: svc.prefix });
      }
    }
  }
  // Services with their own expected arrivals per span: a Poisson count in each, uniform inside it.
  for (const svc of config.services) {
    for (const span of profile.arrivals?.[svc.prefix] ?? []) {
      const n = rng.poisson(span.expected);
      const start = parseHm(span.start);
      const end = parseHm(span.end);
      for (let i = 0; i < n; i++) {
        const minute = rng.between(start, end);
        arrivals.push({ at: midnight + Math.floor(minute * 60) * 1000, service: svc.prefix });
      }
    }
  }
  // Stable: those at the door (first in the list) come before anyone arriving at the same second.
  arrivals.sort((a, b) => a.at - b.at);

  const priorities = [
    ...Object.entries(profile.priority).map(([id, share]) => [id, share] as const),
    [null, Math.max(0, 1 - Object.values(profile.priority).reduce((a, b) => a + b, 0))] as const,
  ];
  const companions = profile.companions.map((p, n) => [n, p] as const);
  const outcomes = Object.entries(profile.outcomes).map(([k, w]) => [k as OutcomeKind, w ?? 0] as const);
  const scores = profile.rating.scores.map((w, i) => [i + 1, w] as const);
  const reasons = config.rating.reasons.map((r) => [r.id, 1] as const);
  const ratingWindow = Math.max(2, Math.min(20, config.rating.timeoutSeconds - 2));
  // Where an officer sends a citizen on: another service, the busier ones more often.
  const onward = new Map(
    config.services.map((svc) => [
      svc.prefix,
      config.services
        .filter((s) => s.prefix !== svc.prefix)
        .map((s) => [s.prefix, profile.volume[s.prefix] ?? 0] as const),
    ]),
  );

  return arrivals.map(({ at, service }, index): Citizen => {
    const presence = rng.float();
    const others = onward.get(service)!;
    const transferTo = rng.chance(profile.transfer) && others.length > 0 ? rng.pick(others) : null;
    const rated = rng.chance(profile.rating.share) && scores.length > 0;
    const score = rated ? rng.pick(scores) : 0;
    // A low score comes with a reason now and then, as on the rating screen.
    const reason = rated && score * 2 <= scores.length && reasons.length > 0 ? [rng.pick(reasons)] : [];
    return {
      index,
      at,
      kiosk: profile.kiosks[Math.floor(rng.float() * profile.kiosks.length)] ?? 'kiosk-1',
      service,
      priority: rng.pick(priorities),
      companions: rng.pick(companions),
      presence:
        presence < profile.noShow ? 'gone' : presence < profile.noShow + profile.late ? 'late' : 'there',
      pace: rng.normal(),
      transferTo,
      outcome: outcomes.length > 0 ? rng.pick(outcomes) : 'guided',
      rating: rated
        ? { score, reasons: reason, afterMs: Math.round(rng.between(2, ratingWindow) * 1000) }
        : null,
    };
  });
}

/**
 * Minutes of a visit: lognormal with the service's mean at this citizen's quantile, at least 30
 * seconds — or, for a service whose law is exponential, that law at the same quantile (and no
 * floor: the M/M/c check needs the law exactly).
 */
export function visitMs(profile: DayProfile, service: string, pace: number): number {
  const mean = profile.serviceMinutes[service] ?? 10;
  const law = profile.serviceLaw?.[service];
  if (law?.kind === 'exponential') {
    // The citizen's standard normal quantile, mapped to the exponential's: −ln(1 − Φ(pace)).
    return Math.round(-mean * Math.log(normalTail(pace)) * MINUTE);
  }
  const sigma = law?.sigma ?? profile.serviceSpread;
  const minutes = mean * Math.exp(sigma * pace - (sigma * sigma) / 2);
  return Math.round(Math.max(0.5, minutes) * MINUTE);
}

/**
 * 1 − Φ(z), the standard normal's upper tail: the complementary error function by W. J. Cody's
 * rational approximations as in Numerical Recipes' `erfcc` (relative error below 1.2e-7 everywhere,
 * tails included, which a visit's length needs: its far tail is the long visit).
 */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}
