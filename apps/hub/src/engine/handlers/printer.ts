import type { Handlers } from '../context.js';

/** An Electron kiosk reports its own printer's state (it prints locally). Only changes are logged. */
export const printerHandlers = {
  'printer.report': (c, ctx) => {
    const p = { ok: c.ok, fault: c.ok ? null : c.fault, paperNearEnd: c.paperNearEnd };
    const prev = ctx.printers[ctx.device.id];
    const same = prev && prev.ok === p.ok && prev.fault === p.fault && prev.paperNearEnd === p.paperNearEnd;
    if (!same) ctx.emit({ type: 'printer.status', device: ctx.device.id, ...p, at: ctx.now });
    return { recorded: !same };
  },
} satisfies Partial<Handlers>;
