import type { TicketFacts } from './tally.js';

/**
 * What a report needs of one ticket, as an array in this order: the hub's SQLite scan
 * (apps/hub/src/storage/reports/scan.ts) and the city's PostgreSQL scan (apps/city/src/reports/)
 * both hand tickets over in this shape, and `fillFacts` reads it: one definition of every figure
 * for both.
 */
export type ScanRow = [
  /** The service it was issued for. */
  service: string,
  /** 1 done, 2 no-show, 3 cancelled, 0 anything else (still waiting, called, serving…). */
  status: 0 | 1 | 2 | 3,
  issuedAt: number,
  /** Issue → first call, ms; null when never called. */
  wait: number | null,
  /** Start of service (or the call, when nobody pressed start) → finish, ms; served tickets only. */
  serviceTime: number | null,
  counter: number | null,
  officer: string | null,
  /** 1 when sent on at least once. */
  transferred: 0 | 1,
  /** null: not rated; 0: the rating screen timed out; 1…scale: the score. */
  rating: number | null,
];

/** Where each value is in a scanned row. */
export const C = {
  service: 0,
  status: 1,
  issuedAt: 2,
  wait: 3,
  serviceTime: 4,
  counter: 5,
  officer: 6,
  transferred: 7,
  rating: 8,
} as const;

const STATUS = ['other', 'done', 'no_show', 'cancelled'] as const;

export function emptyFacts(): TicketFacts {
  return {
    status: 'other',
    transferred: false,
    wait: null,
    withinTarget: false,
    abandoned: false,
    serviceTime: null,
    rating: null,
  };
}

/**
 * What every group counts of one ticket (the scan has worked out its wait and service time). A
 * ticket never called is abandoned when it was cancelled (by the citizen, or at closing) or its day
 * is over. `scale` is the office's rating scale; a score above it is not counted.
 */
export function fillFacts(
  f: TicketFacts,
  row: ScanRow,
  targetMs: number,
  scale: number,
  dayOver: boolean,
): void {
  const wait = row[C.wait];
  const rating = row[C.rating];
  f.status = STATUS[row[C.status]];
  f.transferred = row[C.transferred] === 1;
  f.wait = wait;
  f.withinTarget = wait !== null && wait <= targetMs;
  f.abandoned = wait === null && (f.status === 'cancelled' || dayOver);
  f.serviceTime = row[C.serviceTime];
  f.rating = rating === null ? null : rating === 0 ? 'unanswered' : rating <= scale ? rating - 1 : null;
}
