import { randomBytes } from 'node:crypto';
import { sha256 } from '../../auth.js';
import type { Handlers } from '../context.js';

/**
 * The office head's actions: signing in on the console, the distancing level, counters, tickets,
 * the day. Every one of them is written to the audit log by the engine (engine.ts, `audit`), and
 * all but signing in and out need a supervisor signed in on the device (engine/checks.ts).
 */
export const supervisorHandlers = {
  // The officer's PIN and supervisor role were checked before the batch (`officer: 'pin'`).
  'supervisor.signIn': (_c, ctx) => {
    const officer = ctx.officer!;
    // A bearer secret for the HTTP routes, shown once; the database keeps only its hash.
    const session = randomBytes(24).toString('base64url');
    ctx.write((w) =>
      w.supervisors.startSession({
        device: ctx.device.id,
        officerId: officer.id,
        tokenSha256: sha256(session),
        signedInAt: ctx.now,
        lastActiveAt: ctx.now,
      }),
    );
    return {
      officer: { id: officer.id, name: officer.name },
      session,
      idleMinutes: ctx.hub.supervisorIdleMinutes,
    };
  },
  'supervisor.signOut': (_c, ctx) => {
    ctx.write((w) => w.supervisors.endSession(ctx.device.id));
    return {};
  },
  // The check before the batch already counted it as activity.
  'supervisor.active': () => ({}),
  'supervisor.setLevel': (c, ctx) => {
    ctx.run({ type: 'setLevel', level: c.level });
    return { level: c.level };
  },
  'supervisor.setCounterClosed': (c, ctx) => {
    ctx.run(
      c.reason === undefined
        ? { type: 'setCounterClosed', counter: c.counter, closed: c.closed }
        : { type: 'setCounterClosed', counter: c.counter, closed: c.closed, reason: c.reason },
    );
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
  'supervisor.setCounterServices': (c, ctx) => {
    ctx.run({ type: 'setCounterServices', counter: c.counter, services: c.services });
    return { counter: structuredClone(ctx.state.counters[c.counter]!) };
  },
  'supervisor.moveTicket': (c, ctx) => {
    ctx.run({ type: 'moveTicket', ticketId: c.ticketId, toService: c.toService });
    return { ticket: structuredClone(ctx.state.tickets[c.ticketId]!) };
  },
  'supervisor.setNotice': (c, ctx) => {
    ctx.run({ type: 'setNotice', text: c.text, until: c.until });
    return {};
  },
  'supervisor.ackAlert': (c, ctx) => {
    ctx.run({ type: 'acknowledgeAlert', key: c.key, officerId: ctx.officer!.id });
    return {};
  },
  'supervisor.closeDay': (_c, ctx) => {
    ctx.run({ type: 'closeDay' });
    return { day: ctx.state.day };
  },
} satisfies Partial<Handlers>;
