import type { DayState } from '@luot/core';

export interface OfficerStats {
  /** Citizens this officer finished today. */
  served: number;
  /** Mean minutes from start of service (or the call, when service was not started) to finish. */
  averageMinutes: number | null;
}

/**
 * Today's figures for one officer, from the hub's day: tickets called by them and finished.
 * A transferred ticket is counted by the officer who finished it (the hub credits the last call).
 */
export function officerStats(state: DayState, officerId: string): OfficerStats {
  let served = 0;
  let total = 0;
  let timed = 0;
  for (const t of Object.values(state.tickets)) {
    if (t.officerId !== officerId || t.status !== 'done') continue;
    served += 1;
    const start = t.servingAt ?? t.calledAt;
    if (start !== null && t.finishedAt !== null && t.finishedAt >= start) {
      total += t.finishedAt - start;
      timed += 1;
    }
  }
  return { served, averageMinutes: timed > 0 ? total / timed / 60_000 : null };
}
