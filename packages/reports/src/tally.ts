import type { RatingLevel, ReportFigures } from '@luot/protocol';
import { Durations, minutes, round4 } from './stats.js';

/**
 * One ticket as every group counts it, worked out once per ticket (report.ts) and then added to
 * each group it belongs to (the whole range, its service, counter, officer, hour and day).
 */
export interface TicketFacts {
  status: 'done' | 'no_show' | 'cancelled' | 'other';
  transferred: boolean;
  /** Issue → first call, ms; null when never called. */
  wait: number | null;
  withinTarget: boolean;
  /** Never called by the day's end. */
  abandoned: boolean;
  /** Start of service → finish, ms, for served tickets. */
  serviceTime: number | null;
  /** Rating: index into the levels (score − 1), 'unanswered' (timed out), or null (no rating). */
  rating: number | 'unanswered' | null;
}

/**
 * The figures of one group of tickets, added up one ticket at a time. Waits and service times are
 * kept whole so the median and p90 are exact.
 */
export class Tally {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  transferred = 0;
  abandoned = 0;
  withinTarget = 0;
  unanswered = 0;
  readonly waits = new Durations();
  readonly serviceTimes = new Durations();
  readonly ratingCounts: number[];

  constructor(private readonly levels: RatingLevel[]) {
    this.ratingCounts = levels.map(() => 0);
  }

  add(f: TicketFacts): void {
    this.issued++;
    if (f.status === 'done') this.served++;
    else if (f.status === 'no_show') this.noShow++;
    else if (f.status === 'cancelled') this.cancelled++;
    if (f.transferred) this.transferred++;
    if (f.abandoned) this.abandoned++;
    if (f.wait !== null) {
      this.waits.push(f.wait);
      if (f.withinTarget) this.withinTarget++;
    }
    if (f.serviceTime !== null) this.serviceTimes.push(f.serviceTime);
    if (f.rating === 'unanswered') this.unanswered++;
    else if (f.rating !== null) this.ratingCounts[f.rating]!++;
  }

  /**
   * Everything `other` counted, as if its tickets had been added here one by one: the same counts
   * and the same durations (a percentile does not depend on their order, and whole milliseconds add
   * up exactly in any order). A report across offices adds each ticket to one small group and
   * merges those into the larger ones.
   */
  merge(other: Tally): void {
    this.issued += other.issued;
    this.served += other.served;
    this.noShow += other.noShow;
    this.cancelled += other.cancelled;
    this.transferred += other.transferred;
    this.abandoned += other.abandoned;
    this.withinTarget += other.withinTarget;
    this.unanswered += other.unanswered;
    this.waits.append(other.waits);
    this.serviceTimes.append(other.serviceTimes);
    other.ratingCounts.forEach((n, i) => (this.ratingCounts[i]! += n));
  }

  figures(): ReportFigures {
    let answered = 0;
    let satisfied = 0;
    this.ratingCounts.forEach((n, i) => {
      answered += n;
      if (this.levels[i]!.satisfied) satisfied += n;
    });
    const of = this.waits.length;
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transferred: this.transferred,
      abandoned: this.abandoned,
      wait: minutes(this.waits),
      serviceTime: minutes(this.serviceTimes),
      withinTarget: { count: this.withinTarget, of, share: of ? round4(this.withinTarget / of) : null },
      ratings: {
        counts: [...this.ratingCounts],
        unanswered: this.unanswered,
        answered,
        satisfied,
        satisfaction: answered ? round4(satisfied / answered) : null,
      },
    };
  }
}

/** Tallies by a key (a service, a counter…), created on first use. */
export class Tallies<K> {
  readonly map = new Map<K, Tally>();

  constructor(private readonly levels: RatingLevel[]) {}

  get(key: K): Tally {
    let t = this.map.get(key);
    if (!t) this.map.set(key, (t = new Tally(this.levels)));
    return t;
  }
}
