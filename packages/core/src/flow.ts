import type { OfficeConfig } from './config.js';
import type { QueueEvent } from './events.js';
import type { DayState, Ticket } from './model.js';

/** Distancing-aware flow limits (docs/queue-rules.md, "Flow limits"): who may be inside the hall, and who is let in next. */

export function capacity(config: OfficeConfig, state: DayState, zone: string): number {
  for (const z of config.zones) if (z.id === zone) return z.capacity[state.level];
  return Infinity;
}

export function occupancy(state: DayState, zone: string): number {
  return state.lines.occupancy[zone] ?? 0;
}

export function outsideCount(state: DayState, zone: string): number {
  const o = state.lines.outside[zone];
  return o ? o.priority.length + o.normal.length : 0;
}

/**
 * A new ticket goes straight in only when there is room and nobody it would overtake waits outside:
 * nobody at all for a normal ticket; no priority ticket for a priority one (priority comes first in
 * the entry line, so it would be at its head).
 */
export function fitsOnIssue(
  config: OfficeConfig,
  state: DayState,
  zone: string,
  party: number,
  priority = false,
): boolean {
  const o = state.lines.outside[zone];
  const ahead = priority ? (o?.priority.length ?? 0) : outsideCount(state, zone);
  return ahead === 0 && occupancy(state, zone) + party <= capacity(config, state, zone);
}

/** The entry line: priority first, then order of arrival. */
export function entryLine(state: DayState, zone: string): string[] {
  const o = state.lines.outside[zone];
  return o ? [...o.priority, ...o.normal] : [];
}

/**
 * Next admissions for a zone while there is room. The head of the entry line is never skipped,
 * so a large party is not overtaken for ever. An empty hall always takes the head (a party larger
 * than a lowered capacity must not wait for ever).
 */
export function nextAdmissions(config: OfficeConfig, state: DayState, zone: string): Ticket[] {
  const cap = capacity(config, state, zone);
  let inside = occupancy(state, zone);
  const admitted: Ticket[] = [];
  for (const id of entryLine(state, zone)) {
    const t = state.tickets[id]!;
    if (inside + t.party > cap && inside > 0) break;
    inside += t.party;
    admitted.push(t);
  }
  return admitted;
}

export function admissionEvents(config: OfficeConfig, state: DayState): QueueEvent[] {
  const events: QueueEvent[] = [];
  for (const zone of config.zones) {
    for (const t of nextAdmissions(config, state, zone.id))
      events.push({ type: 'ticket.admitted', ticketId: t.id });
  }
  return events;
}

/** Place in the entry line (1-based) of a ticket waiting outside, or null. */
export function entryPlace(state: DayState, ticketId: string): number | null {
  const t = state.tickets[ticketId];
  const o = t && t.status === 'outside' ? state.lines.outside[t.zone] : undefined;
  if (!t || !o) return null;
  // Searched from the end: the ticket asked about is usually the one just issued.
  const i = t.priority ? o.priority.lastIndexOf(ticketId) : o.normal.lastIndexOf(ticketId);
  if (i < 0) return null;
  return (t.priority ? 0 : o.priority.length) + i + 1;
}
