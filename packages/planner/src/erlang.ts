/**
 * Erlang C: the M/M/c queue (Poisson arrivals, exponential service times, c counters, one line,
 * nobody leaves). The planner's first answer for a service in an interval, before the day
 * simulator checks it against the office's real rules (priorities, the hall's cap, transfers).
 *
 * Units: arrivals per minute, minutes of service; waits in minutes.
 */

export interface Queue {
  /** Citizens arriving per minute. */
  arrivalsPerMinute: number;
  /** Mean minutes at the counter. */
  serviceMinutes: number;
  /** Counters serving the line. */
  counters: number;
}

export interface QueueFigures {
  /** Offered load in Erlangs: how many counters the work would keep busy all the time. */
  load: number;
  /** Share of each counter's time spent serving (must stay below 1 for the line not to grow for ever). */
  utilisation: number;
  /** Probability that a citizen has to wait at all (Erlang C). */
  pWait: number;
  /** Mean wait in minutes. */
  meanWaitMinutes: number;
  /** Wait that 90% of citizens do not exceed, in minutes. */
  p90WaitMinutes: number;
}

/**
 * Erlang B by its stable recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)): no factorials, so
 * no overflow for a hall of 16 counters or 160.
 */
export function erlangB(load: number, counters: number): number {
  let b = 1;
  for (let k = 1; k <= counters; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Erlang C: the probability of waiting, from Erlang B. 1 when the counters cannot keep up. */
export function erlangC(load: number, counters: number): number {
  if (load >= counters) return 1;
  const b = erlangB(load, counters);
  return (counters * b) / (counters - load * (1 - b));
}

/** The M/M/c figures of one line; infinite waits when the counters cannot keep up. */
export function mmc(q: Queue): QueueFigures {
  const load = q.arrivalsPerMinute * q.serviceMinutes;
  const utilisation = q.counters > 0 ? load / q.counters : Infinity;
  if (q.arrivalsPerMinute === 0) {
    return { load: 0, utilisation: 0, pWait: 0, meanWaitMinutes: 0, p90WaitMinutes: 0 };
  }
  if (utilisation >= 1) {
    return { load, utilisation, pWait: 1, meanWaitMinutes: Infinity, p90WaitMinutes: Infinity };
  }
  const pWait = erlangC(load, q.counters);
  // Once waiting, the wait is exponential with rate (c·μ − λ).
  const drain = q.counters / q.serviceMinutes - q.arrivalsPerMinute;
  return {
    load,
    utilisation,
    pWait,
    meanWaitMinutes: pWait / drain,
    p90WaitMinutes: waitQuantile(pWait, drain, 0.9),
  };
}

/** Share of citizens who wait no longer than `minutes`: 1 − C·e^(−(cμ−λ)t). */
export function servedWithin(q: Queue, minutes: number): number {
  const f = mmc(q);
  if (f.meanWaitMinutes === Infinity) return 0;
  const drain = q.counters / q.serviceMinutes - q.arrivalsPerMinute;
  return 1 - f.pWait * Math.exp(-drain * minutes);
}

/**
 * The fewest counters with which at least `share` of citizens wait no longer than `withinMinutes`
 * (the office's target: 80% within 30 minutes). 0 when nobody comes.
 */
export function countersNeeded(
  arrivalsPerMinute: number,
  serviceMinutes: number,
  target: { withinMinutes: number; share: number },
): number {
  if (arrivalsPerMinute <= 0) return 0;
  let c = Math.max(1, Math.floor(arrivalsPerMinute * serviceMinutes) + 1);
  while (
    servedWithin({ arrivalsPerMinute, serviceMinutes, counters: c }, target.withinMinutes) < target.share
  )
    c++;
  return c;
}

/** The wait that a share `p` of citizens do not exceed: 0 if fewer than 1 − p wait at all. */
function waitQuantile(pWait: number, drain: number, p: number): number {
  return pWait <= 1 - p ? 0 : Math.log(pWait / (1 - p)) / drain;
}
