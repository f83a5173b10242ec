import { FAULT_MESSAGES } from '@luot/printer/faults';
import type { Printed } from '../../printing/hub-printers.js';
import type { Handlers } from '../context.js';

/**
 * An Electron kiosk reports its own printer's state (it prints locally). Only changes are logged.
 * A report after printing a ticket names it: its outcome is stored like a hub-side print, but only
 * for a ticket this kiosk issued today (a kiosk cannot write another kiosk's paper into the report).
 */
export const printerHandlers = {
  'printer.report': (c, ctx) => {
    const p = { ok: c.ok, fault: c.ok ? null : c.fault, paperNearEnd: c.paperNearEnd };
    const prev = ctx.printers[ctx.device.id];
    const same = prev && prev.ok === p.ok && prev.fault === p.fault && prev.paperNearEnd === p.paperNearEnd;
    if (!same) ctx.emit({ type: 'printer.status', device: ctx.device.id, ...p, at: ctx.now });
    const ticketId = c.ticketId;
    if (ticketId !== null && ctx.state.tickets[ticketId]?.kioskId === ctx.device.id) {
      const printed: Printed = c.ok
        ? { ok: true, paperNearEnd: c.paperNearEnd }
        : {
            ok: false,
            // A failure without a named fault is still a failure.
            fault: c.fault ?? 'unrecoverable',
            message: FAULT_MESSAGES[c.fault ?? 'unrecoverable'],
            maybePrinted: c.maybePrinted,
          };
      // After the commit, like a hub-side print: a replayed report is not stored or logged twice.
      ctx.afterCommit(async (r) => {
        ctx.hub.recordPrint(ctx.device.id, ticketId, printed);
        return r;
      });
    }
    return { recorded: !same };
  },
} satisfies Partial<Handlers>;
