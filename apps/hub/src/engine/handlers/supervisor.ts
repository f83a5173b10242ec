import type { Handlers } from '../context.js';

/** The office head's actions: the distancing level, counters, tickets, the day. */
export const supervisorHandlers = {
  'supervisor.setLevel': (c, ctx) => {
    ctx.run({ type: 'setLevel', level: c.level });
    return { level: c.level };
  },
  'supervisor.setCounterClosed': (c, ctx) => {
    ctx.run({ type: 'setCounterClosed', counter: c.counter, closed: c.closed });
    return { counter: structuredClone(ctx.state.counters[c.counter]!) };
  },
  'supervisor.signOutCounter': (c, ctx) => {
    ctx.run({ type: 'signOut', counter: c.counter, close: false });
    return { counter: structuredClone(ctx.state.counters[c.counter]!) };
  },
  // An officer stepped away without pausing: estimates and the display should say so.
  'supervisor.pauseCounter': (c, ctx) => {
    ctx.run({ type: 'pause', counter: c.counter, reason: c.reason });
    return { counter: structuredClone(ctx.state.counters[c.counter]!) };
  },
  'supervisor.cancelTicket': (c, ctx) => {
    ctx.run({ type: 'cancel', ticketId: c.ticketId, reason: c.reason });
    return {};
  },
  'supervisor.closeDay': (_c, ctx) => {
    ctx.run({ type: 'closeDay' });
    return { day: ctx.state.day };
  },
} satisfies Partial<Handlers>;
