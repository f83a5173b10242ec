import { servicesWithoutCounter, ticketWait, type DayState, type OfficeConfig } from '@luot/core';
import type { TicketWatch } from '@luot/protocol';

/** What a citizen's phone page shows of their ticket: the ticket, where it stands, and the wait. */
export function ticketWatch(office: OfficeConfig, state: DayState, ticketId: string): TicketWatch | null {
  const t = state.tickets[ticketId];
  const wait = ticketWait(office, state, ticketId);
  if (!t || !wait) return null;
  const svc = office.services.find((s) => s.prefix === t.service);
  return {
    ticket: {
      number: t.number,
      service: t.service,
      status: t.status,
      priority: t.priority,
      counter: t.counter,
      issuedAt: t.issuedAt,
      calledAt: t.calledAt,
      callCount: t.callCount,
      callsHere: t.callsHere,
      transfers: t.transfers,
      targetCounter: t.targetCounter,
      booking: t.booking ?? null,
    },
    serviceName: svc?.name ?? { vi: t.service, en: t.service },
    officeName: office.office.shortName ?? office.office.name,
    ahead: wait.ahead,
    entryPlace: wait.entryPlace,
    estimatedMinutes: wait.minutes,
    estimatedRange: wait.range,
    // Only while it still waits for its service's counters: once called, a counter has it.
    counterLost:
      (t.status === 'waiting' || t.status === 'outside') &&
      t.targetCounter === null &&
      servicesWithoutCounter(office, state).some((s) => s.service === t.service),
  };
}
