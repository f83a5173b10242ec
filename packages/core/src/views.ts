import { entryLine, entryPlace } from './flow.js';
import { waitingOrder, type DayState, type Ticket } from './model.js';

/** Where a ticket stands, for its phone page and the kiosk screen. */
export interface TicketPosition {
  /** Inside: tickets of the same line called before it. Outside: its place in the entry line. */
  ahead: number;
  entryPlace: number | null;
}

export function ticketPosition(state: DayState, ticketId: string): TicketPosition | null {
  const t = state.tickets[ticketId];
  if (!t) return null;
  if (t.status === 'outside') {
    // Ahead: its class and the priority class waiting inside for its service, then the tickets of
    // its service before it in the entry line.
    const place = entryPlace(state, ticketId);
    const w = state.lines.waiting[t.service];
    const inside = w ? w.priority.length + (t.priority ? 0 : w.normal.length) : 0;
    const entry = entryLine(state, t.zone);
    const before = entry
      .slice(0, entry.indexOf(t.id))
      .filter((id) => state.tickets[id]!.service === t.service);
    return { ahead: inside + before.length, entryPlace: place };
  }
  if (t.status !== 'waiting') return { ahead: 0, entryPlace: null };
  if (t.targetCounter !== null) {
    return { ahead: (state.lines.targeted[t.targetCounter] ?? []).indexOf(t.id), entryPlace: null };
  }
  const lines = state.lines.waiting[t.service];
  if (!lines) return { ahead: 0, entryPlace: null };
  const before = (o: Ticket) => waitingOrder(o, t) < 0;
  // Priority tickets go first; a normal ticket has every waiting priority ticket ahead of it.
  const ahead = t.priority
    ? lines.priority.indexOf(t.id)
    : lines.priority.length + lines.normal.filter((id) => before(state.tickets[id]!)).length;
  return { ahead, entryPlace: null };
}

/** Waiting and outside counts for a service. */
export function serviceCounts(state: DayState, service: string): { waiting: number; outside: number } {
  const w = state.lines.waiting[service];
  let outside = 0;
  for (const zone of Object.values(state.lines.outside)) {
    for (const id of [...zone.priority, ...zone.normal])
      if (state.tickets[id]!.service === service) outside++;
  }
  return { waiting: w ? w.priority.length + w.normal.length : 0, outside };
}
