import { type OfficeConfig, type Text, type WaitRange } from '@luot/core';
import type { IssuedTicket, PrintOutcome } from './issue';

/** What the ticket screen shows after a tap: everything comes from the hub's answer and the day. */
export interface TicketView {
  number: string;
  serviceName: Text;
  /** The priority category's name, when the ticket carries one. */
  priorityName: Text | null;
  /** Counters that call this ticket and are not closed now. */
  counters: number[];
  /** People of the service waiting before it, as printed on the ticket. */
  peopleAhead: number;
  waitRange: WaitRange | null;
  /** The hall is full: wait outside; `place` in the entry line. */
  outside: { place: number | null } | null;
  qrUrl: string;
  print: PrintOutcome;
  /** A booked citizen's number: its slot's start (epoch ms), shown as "Đặt lịch 09:15". */
  bookedSlot: number | null;
}

export function ticketView(config: OfficeConfig, issued: IssuedTicket): TicketView {
  const { result } = issued;
  const t = result.ticket;
  const service = config.services.find((s) => s.prefix === t.service);
  // The hub's list, as printed on the paper ticket: the counters open when it was issued.
  // With none open when it was issued, the counters configured for it: where it will be called.
  const serving = config.counters
    .filter((c) => c.services.includes(t.service) || (t.priority !== null && c.servesAllPriority))
    .map((c) => c.number);
  return {
    number: t.number,
    serviceName: service?.name ?? { vi: t.service, en: t.service },
    priorityName: config.priorityCategories.find((p) => p.id === t.priority)?.name ?? null,
    counters: result.counters.length > 0 ? result.counters : serving,
    peopleAhead: result.estimate.peopleAhead,
    waitRange: result.estimate.range,
    outside: t.status === 'outside' ? { place: result.entryPlace } : null,
    qrUrl: result.url,
    print: issued.print,
    bookedSlot: t.booking?.slotStart ?? null,
  };
}
