import { arrivalOrder, waitingOrder, type DayState, type Lines } from '../model.js';

/**
 * The line indexes computed from scratch from the tickets, without empty entries: what
 * `state.lines` must equal (compare both through `normalizeLines`).
 */
export function recountLines(state: DayState): Lines {
  const tickets = Object.values(state.tickets);
  const byAge = (a: string, b: string) => {
    const x = state.tickets[a]!;
    const y = state.tickets[b]!;
    return waitingOrder(x, y);
  };
  const byOrder = (a: string, b: string) => arrivalOrder(state.tickets[a]!, state.tickets[b]!);
  const lines: Lines = {
    waiting: {},
    targeted: {},
    outside: {},
    occupancy: {},
    queued: {},
    handled: {},
    booked: {},
  };
  for (const t of tickets) {
    const klass = t.priority ? 'priority' : 'normal';
    if (t.status === 'outside') {
      (lines.outside[t.zone] ??= { priority: [], normal: [] })[klass].push(t.id);
    } else if (t.status === 'waiting') {
      if (t.targetCounter !== null) (lines.targeted[t.targetCounter] ??= []).push(t.id);
      else {
        (lines.waiting[t.service] ??= { priority: [], normal: [] })[klass].push(t.id);
        if (t.booking) lines.booked![t.service] = (lines.booked![t.service] ?? 0) + 1;
      }
    }
    if (t.status === 'outside' || t.status === 'waiting')
      lines.queued[t.service] = (lines.queued[t.service] ?? 0) + 1;
    if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving') {
      lines.occupancy[t.zone] = (lines.occupancy[t.zone] ?? 0) + t.party;
    }
    if (t.calledAt !== null && t.counter !== null) {
      const byCounter = (lines.handled[t.service] ??= {});
      byCounter[t.counter] = (byCounter[t.counter] ?? 0) + 1;
    }
  }
  for (const l of Object.values(lines.waiting)) {
    l.priority.sort(byAge);
    l.normal.sort(byAge);
  }
  for (const l of Object.values(lines.targeted)) l.sort(byAge);
  for (const l of Object.values(lines.outside)) {
    l.priority.sort(byOrder);
    l.normal.sort(byOrder);
  }
  return lines;
}

/** Line indexes without empty lists and zero counts, to compare with a recount. */
export function normalizeLines(lines: Lines): Lines {
  const classes = (m: Record<string, { priority: string[]; normal: string[] }>) =>
    Object.fromEntries(
      Object.entries(m)
        .filter(([, l]) => l.priority.length + l.normal.length > 0)
        .map(([k, l]) => [k, { priority: [...l.priority], normal: [...l.normal] }]),
    );
  return {
    waiting: classes(lines.waiting),
    outside: classes(lines.outside),
    targeted: Object.fromEntries(Object.entries(lines.targeted).filter(([, l]) => l.length > 0)),
    occupancy: Object.fromEntries(Object.entries(lines.occupancy).filter(([, n]) => n !== 0)),
    queued: Object.fromEntries(Object.entries(lines.queued).filter(([, n]) => n !== 0)),
    booked: Object.fromEntries(Object.entries(lines.booked ?? {}).filter(([, n]) => n !== 0)),
    handled: Object.fromEntries(
      Object.entries(lines.handled)
        .map(([s, m]) => [s, Object.fromEntries(Object.entries(m).filter(([, n]) => n !== 0))] as const)
        .filter(([, m]) => Object.keys(m).length > 0),
    ),
  };
}
