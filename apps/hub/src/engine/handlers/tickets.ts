import { entryPlace, estimateWait, openCountersServing, type WaitEstimate } from '@luot/core';
import type { CommandType, IssueResult } from '@luot/protocol';
import { newTicketToken } from '../../auth.js';
import type { HandlerContext, Handlers } from '../context.js';
import { Refusal } from '../refusal.js';

/** A citizen takes a number at a kiosk; a skipped one comes back. */
export const ticketHandlers = {
  // A counter device names itself (never the payload), so the core lets it bring back only the
  // tickets it skipped; a supervisor device has no counter and may bring back any.
  'ticket.reactivate': (c, ctx) => {
    // A supervisor brings back someone else's no-show: the audit log must say why.
    if (ctx.device.role === 'supervisor' && c.reason === undefined) throw new Refusal('REASON_REQUIRED');
    ctx.run({ type: 'reactivate', ticketId: c.ticketId, counter: ctx.counter });
    return { ticket: structuredClone(ctx.state.tickets[c.ticketId]!) };
  },
  'ticket.issue': (c, ctx) => {
    const { office, state } = ctx;
    // The estimate a citizen is told is the one before their own ticket joins the line.
    const estimate = estimateWait(office, state, c.service, c.priority !== null, 1 + c.companions);
    const [issued] = ctx.run({
      type: 'issue',
      service: c.service,
      priority: c.priority,
      party: 1 + c.companions,
      kioskId: ctx.device.id,
    });
    if (issued?.type !== 'ticket.issued') throw new Error('the queue issued no ticket');
    return issuedTicket(ctx, issued.ticket.id, estimate, c.print, c.locale);
  },
} satisfies Partial<Handlers>;

/**
 * The answer for a ticket just issued (a walk-in, or a booked citizen checking in): its phone
 * page's token, written with the ticket, and hub-side printing after the commit when asked.
 */
export function issuedTicket<T extends 'ticket.issue' | 'booking.checkIn'>(
  ctx: HandlerContext<T>,
  ticketId: string,
  estimate: WaitEstimate,
  print: boolean,
  locale: 'vi' | 'en',
): IssueResult {
  const { office, state } = ctx;
  const ticket = state.tickets[ticketId]!;
  const token = newTicketToken();
  ctx.write((w) => w.saveToken(token, ticket.id));
  const result: IssueResult = {
    ticket: structuredClone(ticket),
    token,
    url: `${ctx.hub.publicUrl()}/t/${token}`,
    estimate,
    counters: openCountersServing(office, state, ticket.service, ticket.priority !== null),
    entryPlace: entryPlace(state, ticket.id),
    printed: null,
  };
  // A browser kiosk asks the hub to print: after the ticket is on disk, whatever the printer does.
  if (print) {
    (ctx as HandlerContext<CommandType>).afterCommit(async (done) => {
      const issued = done as IssueResult;
      const { detail, ...printed } = await ctx.hub.print(ctx.device.id, issued, locale);
      ctx.hub.recordPrinter(ctx.device.id, {
        ok: printed.ok,
        fault: printed.ok ? null : printed.fault,
        paperNearEnd: printed.ok ? printed.paperNearEnd : false,
      });
      ctx.hub.recordPrint(ctx.device.id, issued.ticket.id, printed, detail);
      return { ...issued, printed } as never;
    });
  }
  return result;
}
