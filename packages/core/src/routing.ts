import type { OfficeConfig } from './config.js';
import { counterConfig, counterServices } from './counters.js';
import type { DayState, Ticket } from './model.js';

/**
 * Which ticket "call next" gives counter N.
 *
 * 1. A ticket transferred to this counter by name comes first: an officer sent it here.
 * 2. Two classes: priority tickets (and normal tickets that have waited `agingMinutes`, so that
 *    nobody waits for ever), and normal tickets. The priority class goes first, but after
 *    `maxPriorityInRow` priority calls in a row while normal tickets wait, one normal ticket is called.
 * 3. Inside a class: the oldest by original issue time (kept on transfer), then the counter's service
 *    preference, then issue order.
 */
export interface Pick {
  ticket: Ticket;
  /** The counter's new count of priority calls in a row. */
  priorityInRow: number;
}

export function pickNext(config: OfficeConfig, state: DayState, counter: number, now: number): Pick | null {
  const cc = counterConfig(config, counter);
  const cs = state.counters[counter];
  if (!cc || !cs) return null;
  const targeted = state.lines.targeted[counter];
  if (targeted && targeted.length > 0) {
    return { ticket: state.tickets[targeted[0]!]!, priorityInRow: cs.priorityInRow };
  }

  const agedBefore = now - config.fairness.agingMinutes * 60_000;
  const own = counterServices(config, state, counter);
  const rank = (t: Ticket) => {
    const i = own.indexOf(t.service);
    return i < 0 ? own.length : i;
  };
  const older = (a: Ticket, b: Ticket) =>
    a.queuedAt !== b.queuedAt
      ? a.queuedAt < b.queuedAt
      : rank(a) !== rank(b)
        ? rank(a) < rank(b)
        : a.order !== b.order
          ? a.order < b.order
          : a.id < b.id;
  const oldest = (list: Ticket[]) => list.reduce<Ticket | null>((m, t) => (!m || older(t, m) ? t : m), null);

  const priorityHeads: Ticket[] = [];
  const normalHeads: Ticket[] = [];
  const services = cc.servesAllPriority ? config.services.map((s) => s.prefix) : own;
  for (const s of services) {
    const lines = state.lines.waiting[s];
    if (!lines) continue;
    const p = lines.priority[0];
    if (p) priorityHeads.push(state.tickets[p]!);
    const n = lines.normal[0];
    if (n && own.includes(s)) normalHeads.push(state.tickets[n]!);
  }

  // The oldest of each class. Lines are sorted by age, so if any normal ticket has aged, the oldest has.
  const p = oldest(priorityHeads);
  const n = oldest(normalHeads);
  if (n && (!p || (n.queuedAt <= agedBefore && older(n, p)))) return { ticket: n, priorityInRow: 0 };
  if (!p) return null;
  // A priority ticket leads. Normal tickets waiting (aged or not) get one call after enough priority calls.
  if (n && cs.priorityInRow >= config.fairness.maxPriorityInRow) return { ticket: n, priorityInRow: 0 };
  return { ticket: p, priorityInRow: n ? cs.priorityInRow + 1 : 0 };
}

/** Whether counter N may call this waiting ticket (by "call next" or by picking it from the list). */
export function counterMayCall(config: OfficeConfig, state: DayState, counter: number, t: Ticket): boolean {
  if (t.targetCounter !== null) return t.targetCounter === counter;
  const cc = counterConfig(config, counter);
  if (!cc) return false;
  return (
    counterServices(config, state, counter).includes(t.service) ||
    (!!cc.servesAllPriority && t.priority !== null)
  );
}
