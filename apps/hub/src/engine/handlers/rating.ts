import type { Handlers } from '../context.js';
import { Refusal } from '../refusal.js';

/** A citizen rates the visit on the rating screen of the counter that served them. */
export const ratingHandlers = {
  'rating.submit': (c, ctx) => {
    const t = ctx.state.tickets[c.ticketId];
    // A rating screen rates its own counter's visits only.
    if (t && t.counter !== ctx.counter)
      throw new Refusal('FORBIDDEN', { ticketId: c.ticketId, counter: ctx.counter });
    ctx.run({ type: 'rate', ticketId: c.ticketId, score: c.score, reasons: c.reasons });
    const rated = ctx.state.tickets[c.ticketId]!;
    ctx.write((w) =>
      w.saveRating({
        ticketId: rated.id,
        score: c.score,
        reasons: c.reasons,
        officerId: rated.officerId,
        counter: rated.counter,
        service: rated.service,
        at: ctx.now,
      }),
    );
    return { ticketId: c.ticketId, score: c.score };
  },
} satisfies Partial<Handlers>;
