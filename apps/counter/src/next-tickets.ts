import { pickNext, type ClassLines, type DayState, type OfficeConfig, type Ticket } from '@luot/core';

/**
 * The tickets "call next" would give this counter, in order: the hub's own `pickNext` run again
 * and again on a copy of the waiting lines, each pick taken out before the next. So the list
 * follows every rule of the hub (tickets transferred here first, priority, fairness, aging).
 */
export function nextTickets(
  config: OfficeConfig,
  state: DayState,
  counter: number,
  now: number,
  limit = 5,
): Ticket[] {
  const cs = state.counters[counter];
  if (!cs) return [];
  const waiting: Record<string, ClassLines> = {};
  for (const [service, lines] of Object.entries(state.lines.waiting)) {
    waiting[service] = { priority: [...lines.priority], normal: [...lines.normal] };
  }
  const targeted = [...(state.lines.targeted[counter] ?? [])];
  const me = { ...cs };
  const view: DayState = {
    ...state,
    counters: { ...state.counters, [counter]: me },
    lines: { ...state.lines, waiting, targeted: { ...state.lines.targeted, [counter]: targeted } },
  };

  const out: Ticket[] = [];
  while (out.length < limit) {
    const pick = pickNext(config, view, counter, now);
    if (!pick) break;
    const t = pick.ticket;
    out.push(t);
    const taken =
      remove(targeted, t.id) || remove(waiting[t.service]?.[t.priority ? 'priority' : 'normal'], t.id);
    if (!taken) break; // cannot happen with consistent lines; never loop on the same ticket
    me.priorityInRow = pick.priorityInRow;
    me.bookedInRow = pick.bookedInRow;
  }
  return out;
}

function remove(list: string[] | undefined, id: string): boolean {
  const i = list ? list.indexOf(id) : -1;
  if (i >= 0) list!.splice(i, 1);
  return i >= 0;
}

/**
 * Whether a ticket shown when the "call a ticket" list opened can still be called from it: still
 * waiting, for the same service and target counter. The list is frozen when it opens, so a digit
 * always calls the citizen it showed; one called elsewhere, transferred or cancelled since is greyed.
 */
export function stillCallable(shown: Ticket, now: Ticket | undefined): now is Ticket {
  return (
    !!now &&
    now.status === 'waiting' &&
    now.service === shown.service &&
    now.targetCounter === shown.targetCounter
  );
}
