import type { QueueCommand } from '@luot/core';
import type { CommandType } from '@luot/protocol';
import type { HandlerContext, Handlers } from '../context.js';

/**
 * An officer's actions at their counter. The counter is the device's own (never from the payload);
 * the hub has checked that an officer is signed in there (`officer: 'signed-in'` in the protocol).
 */
type CounterAction = Exclude<Extract<QueueCommand, { counter: number }>, { type: 'signIn' | 'signOut' }>;

/** Run the action, answer with the counter and the ticket it concerned (the one in hand before or after). */
function act<T extends CommandType>(ctx: HandlerContext<T>, command: CounterAction) {
  const n = command.counter;
  const held = ctx.state.counters[n]?.current ?? null;
  ctx.run(command);
  const counter = ctx.state.counters[n]!;
  const ticketId = counter.current ?? held;
  return {
    counter: structuredClone(counter),
    ticket: ticketId ? structuredClone(ctx.state.tickets[ticketId]!) : null,
  };
}

/** The device's counter; the protocol lets only counter devices send these. */
const own = (ctx: HandlerContext) => ctx.counter!;

export const counterHandlers = {
  'counter.signIn': (_c, ctx) => {
    ctx.run({ type: 'signIn', counter: own(ctx), officer: ctx.officer! });
    return { counter: structuredClone(ctx.state.counters[own(ctx)]!) };
  },
  'counter.signOut': (c, ctx) => {
    ctx.run({ type: 'signOut', counter: own(ctx), close: c.close });
    return { counter: structuredClone(ctx.state.counters[own(ctx)]!) };
  },
  'counter.callNext': (_c, ctx) => act(ctx, { type: 'callNext', counter: own(ctx) }),
  'counter.callTicket': (c, ctx) => act(ctx, { type: 'callTicket', counter: own(ctx), ticketId: c.ticketId }),
  'counter.recall': (_c, ctx) => act(ctx, { type: 'recall', counter: own(ctx) }),
  'counter.startServing': (_c, ctx) => act(ctx, { type: 'startServing', counter: own(ctx) }),
  'counter.finish': (c, ctx) => act(ctx, { type: 'finish', counter: own(ctx), outcome: c.outcome }),
  'counter.noShow': (_c, ctx) => act(ctx, { type: 'noShow', counter: own(ctx) }),
  'counter.transfer': (c, ctx) =>
    act(ctx, {
      type: 'transfer',
      counter: own(ctx),
      toService: c.toService,
      toCounter: c.toCounter,
      note: c.note,
    }),
  'counter.pause': (c, ctx) => act(ctx, { type: 'pause', counter: own(ctx), reason: c.reason }),
  'counter.resume': (_c, ctx) => act(ctx, { type: 'resume', counter: own(ctx) }),
} satisfies Partial<Handlers>;
