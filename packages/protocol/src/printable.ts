import type { OfficeConfig } from '@luot/core';
import type { TicketPrintData } from '@luot/printer';
import type { IssueResult } from './messages.js';

/**
 * What goes on paper for an issued ticket. One function, used by the hub (printing for browser
 * kiosks) and by the Electron kiosk (printing locally), so both print the same ticket.
 */
export function printableTicket(
  config: OfficeConfig,
  issued: IssueResult,
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
    counters: issued.counters,
    ...(category ? { priorityLabel: category.name[locale] } : {}),
    ...(issued.entryPlace !== null ? { outside: { place: issued.entryPlace } } : {}),
    qrUrl: issued.url,
    footer: locale === 'vi' ? 'Xin cảm ơn ông/bà!' : 'Thank you!',
    locale,
  };
}
