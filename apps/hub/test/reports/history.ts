import type { OfficeConfig } from '@luot/core';
import { isOpenDay, simulateDay, type ProfileOptions, type SimulatedDay } from '@luot/sim';
import type { Store } from '../../src/storage/store.js';

export interface HistoryOptions {
  /** The first day, YYYY-MM-DD. */
  from: string;
  /** Calendar days from `from` (closed days are skipped: the simulator has nobody on them). */
  days: number;
  /** Day i is simulated with seed `seed + i`: a history is as reproducible as one day. */
  seed: number;
  profile?: ProfileOptions;
  /** Sees each simulated day after it is written (tests keep what they check against). */
  onDay?: (day: SimulatedDay, date: string) => void;
}

/**
 * A synthetic history: the seeded day simulator (@luot/sim, driving the real core) plays every
 * working day of a range, and each day's tickets and ratings are written through the hub's Store,
 * in one transaction per day, as the hub would have left them. The reports tests and the `reports`
 * benchmark (a year of ≈ 200,000 tickets) both read such a database.
 */
export function writeHistory(store: Store, config: OfficeConfig, opts: HistoryOptions) {
  let tickets = 0;
  let ratings = 0;
  let openDays = 0;
  const start = Date.parse(`${opts.from}T12:00:00Z`);
  for (let i = 0; i < opts.days; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    if (!isOpenDay(config.sessions, date)) continue;
    openDays++;
    const day = simulateDay(config, { seed: opts.seed + i, date, profile: opts.profile ?? {} });
    // The hub writes a ticket at every change, and its row keeps the first call (a recall or a
    // call at the next counter after a transfer does not move it): written at its first call, then
    // as it ended, a ticket's row is what the hub would have left.
    const firstCall = new Map<string, number>();
    for (const { at, event } of day.events) {
      if (event.type === 'ticket.called' && !firstCall.has(event.ticketId)) firstCall.set(event.ticketId, at);
    }
    store.write((w) => {
      for (const t of day.tickets) {
        const first = firstCall.get(t.id);
        if (first !== undefined && first !== t.calledAt) w.saveTicket({ ...t, calledAt: first });
        w.saveTicket(t);
      }
      // A rating is stored as the hub stores it: when the rating screen answers, with who served.
      for (const { at, event } of day.events) {
        if (event.type !== 'ticket.rated') continue;
        const t = day.state.tickets[event.ticketId]!;
        w.saveRating({
          ticketId: t.id,
          score: event.score,
          reasons: event.reasons,
          officerId: t.officerId,
          counter: t.counter,
          service: t.service,
          at,
        });
        ratings++;
      }
    });
    tickets += day.tickets.length;
    opts.onDay?.(day, date);
  }
  return { openDays, tickets, ratings };
}
