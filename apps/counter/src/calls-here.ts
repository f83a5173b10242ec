import type { Ticket } from '@luot/core';
import type { HubEvent } from '@luot/protocol';

/**
 * How many times THIS counter has called the ticket in hand since it came here: 1 for the first
 * call, 2 after one "Gọi lại"…
 *
 * The day's state only counts a ticket's calls over the whole day (`callCount`): a ticket called at
 * counter 5, called again there and transferred to counter 6 arrives with `callCount` 2, and is 3
 * at its first call at counter 6, which the terminal showed as if counter 6 had called it three
 * times. Every call carries whether it is a recall (`ticket.called`'s `recall`), so the terminal
 * counts from the calls it sees: a first call starts at 1, each recall adds one.
 */
export interface CallTally {
  ticketId: string;
  calls: number;
}

/** The tally after some events, for counter `counter`; unchanged when none is its call. */
export function tallyCalls(
  tally: CallTally | null,
  events: readonly HubEvent[],
  counter: number,
): CallTally | null {
  let next = tally;
  for (const e of events) {
    if (e.type !== 'ticket.called' || e.counter !== counter) continue;
    if (!e.recall) next = { ticketId: e.ticketId, calls: 1 };
    else if (next?.ticketId === e.ticketId) next = { ticketId: e.ticketId, calls: next.calls + 1 };
    // A recall of a ticket whose first call here this terminal never saw: no tally to go on.
    else next = null;
  }
  return next;
}

/**
 * The calls at this counter for the ticket in hand. Without a tally for it (the terminal saw none
 * of its calls, e.g. a new browser), the best the day's state can tell: one call for each counter
 * the ticket went to (its transfers) before this one is not ours. That is exact unless it was
 * recalled before a transfer, or skipped and put back in line.
 */
export function callsHere(ticket: Ticket, tally: CallTally | null): number {
  if (tally?.ticketId === ticket.id) return tally.calls;
  return Math.max(1, ticket.callCount - ticket.transfers);
}
