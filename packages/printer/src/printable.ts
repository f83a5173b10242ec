import type { OfficeConfig, Ticket, WaitEstimate } from '@luot/core';
import type { TicketPrintData } from './types.js';

/** What the hub answered for an issued ticket, as far as the paper needs it. */
export interface IssuedTicket {
  ticket: Pick<Ticket, 'number' | 'service' | 'priority' | 'issuedAt'>;
  /** The ticket's phone page, printed as a QR code. */
  url: string;
  estimate: Pick<WaitEstimate, 'peopleAhead' | 'minutes'> & Partial<Pick<WaitEstimate, 'range'>>;
  /** Counters that will call it. */
  counters: number[];
  /** Place in the entry line when the hall is full. */
  entryPlace: number | null;
}

/**
 * What goes on paper for an issued ticket. One function, used by the hub (printing for browser
 * kiosks) and by the Electron kiosk (printing locally), so both print the same ticket.
 */
export function printableTicket(
  config: OfficeConfig,
  issued: IssuedTicket,
  locale: 'vi' | 'en' = 'vi',
): TicketPrintData {
  const t = issued.ticket;
  const svc = config.services.find((s) => s.prefix === t.service);
  const category = config.priorityCategories.find((p) => p.id === t.priority);
  const office = config.office.shortName ?? config.office.name;
  return {
    officeName: office[locale],
    serviceName: svc ? svc.name[locale] : t.service,
    number: t.number,
    issuedAt: t.issuedAt,
    timeZone: config.sessions.timeZone,
    peopleAhead: issued.estimate.peopleAhead,
    estimatedWaitMinutes: issued.estimate.minutes,
    // The range, not the minutes: the paper says what the kiosk's screen says.
    estimatedWaitRange: issued.estimate.range ?? null,
    counters: issued.counters,
    ...(category ? { priorityLabel: category.name[locale] } : {}),
    ...(issued.entryPlace !== null ? { outside: { place: issued.entryPlace } } : {}),
    qrUrl: issued.url,
    footer: locale === 'vi' ? 'Xin cảm ơn ông/bà!' : 'Thank you!',
    locale,
  };
}
