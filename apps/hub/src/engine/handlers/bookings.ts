import { counterServices, estimateWait, QueueError, bookingRules, checkInWindow } from '@luot/core';
import type { CounterBooking } from '@luot/protocol';
import type { Handlers } from '../context.js';
import { Refusal } from '../refusal.js';
import { issuedTicket } from './tickets.js';

const MINUTE = 60_000;

/**
 * Booked citizens at the office (docs/bookings.md): check-in by code at a kiosk or a counter, and
 * the counter's list of today's bookings. The booking itself lives in the hub's `bookings` table;
 * the ticket is core's ordinary `issue` with a `booking`, so numbering, the hall and the events
 * are those of any ticket, and the booking row gets its ticket in the same transaction.
 */
export const bookingHandlers = {
  'booking.checkIn': (c, ctx) => {
    const desk = ctx.hub.bookings;
    const b = desk.get(c.code);
    if (!b) throw new Refusal('UNKNOWN_BOOKING');
    if (b.status === 'cancelled') throw new Refusal('BOOKING_CANCELLED');
    if (b.status === 'checked_in' || b.status === 'served')
      throw new QueueError('ALREADY_CHECKED_IN', { ticketId: b.ticketId });
    const service = b.service;
    if (b.status !== 'booked') {
      const w = checkInWindow(b, ctx.now, ctx.office);
      throw new QueueError('CHECK_IN_LATE', { closedAt: w.kind === 'late' ? w.closedAt : null, service });
    }
    const estimate = estimateWait(ctx.office, ctx.state, service, false, 1);
    let events;
    try {
      events = ctx.run({
        type: 'issue',
        service,
        priority: null,
        party: 1,
        kioskId: ctx.device.id,
        booking: { code: b.code, slotStart: b.slotStart },
      });
    } catch (e) {
      if (e instanceof QueueError && e.code === 'CHECK_IN_LATE') {
        // The window has closed: the booking lapses now, for good (its own write: the refusal
        // writes nothing else). The kiosk offers an ordinary number of `service`, saying why.
        desk.markLapsed(b.code);
        throw new QueueError('CHECK_IN_LATE', { ...e.details, service });
      }
      if (e instanceof QueueError && e.code === 'CHECK_IN_EARLY')
        throw new QueueError('CHECK_IN_EARLY', { ...e.details, start: desk.startOf(b.slotStart), service });
      throw e;
    }
    const issued = events.find((e) => e.type === 'ticket.issued');
    if (issued?.type !== 'ticket.issued') throw new Error('the queue issued no ticket');
    const ticketId = issued.ticket.id;
    const now = ctx.now;
    ctx.write(() => desk.markCheckedIn(b.code, ticketId, now));
    const result = issuedTicket(ctx, ticketId, estimate, c.print && ctx.device.role === 'kiosk', c.locale);
    const booking = desk.view({ ...b, status: 'checked_in', ticketId, checkedInAt: now });
    return { ...result, booking };
  },

  'booking.today': (_c, ctx) => {
    const desk = ctx.hub.bookings;
    const { lateMinutes } = bookingRules(ctx.office).checkIn;
    const services =
      ctx.counter === null ? null : new Set(counterServices(ctx.office, ctx.state, ctx.counter));
    const bookings: CounterBooking[] = desk
      .dayAll(ctx.state.day)
      .filter((b) => services === null || services.has(b.service))
      .map((b) => {
        const status = desk.status(b);
        const shown: CounterBooking['status'] =
          status !== 'booked'
            ? status
            : ctx.now > b.slotStart + lateMinutes * MINUTE
              ? 'no_show'
              : ctx.now > b.slotStart
                ? 'late'
                : 'booked';
        const ticket = b.ticketId ? ctx.state.tickets[b.ticketId] : undefined;
        return {
          code: b.code,
          service: b.service,
          slotStart: b.slotStart,
          start: desk.startOf(b.slotStart),
          name: b.name ?? '',
          status: shown,
          ticket: b.ticketId ? { id: b.ticketId, number: ticket?.number ?? b.ticketId.split('-')[1]! } : null,
          source: b.source,
        };
      });
    return { day: ctx.state.day, bookings };
  },
} satisfies Partial<Handlers>;
