import { REACTIVATE_WITHIN_MINUTES, type DayState, type OfficeConfig, type Ticket } from '@luot/core';

/** How many skipped tickets the side panel lists: the latest, so the panel stays short. */
export const SKIPPED_SHOWN = 3;

/**
 * The tickets this counter marked no-show that it may still put back into the line (the queue
 * refuses after `fairness.reactivateWithinMinutes`), latest first: the citizen told by their phone
 * "vui lòng đến quầy N để được gọi lại" comes back to this counter, which needs them at hand.
 */
export function skippedHere(config: OfficeConfig, state: DayState, counter: number, now: number): Ticket[] {
  const within = (config.fairness.reactivateWithinMinutes ?? REACTIVATE_WITHIN_MINUTES) * 60_000;
  return Object.values(state.tickets)
    .filter(
      (t) =>
        t.status === 'no_show' &&
        t.counter === counter &&
        t.finishedAt !== null &&
        now - t.finishedAt <= within,
    )
    .sort((a, b) => b.finishedAt! - a.finishedAt! || b.order - a.order)
    .slice(0, SKIPPED_SHOWN);
}
