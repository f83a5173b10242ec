/**
 * What the wall display shows, derived from the mirrored day. Pure functions of (config, state), so the
 * screen is always exactly what the hub's state says, after a resync as much as after an event.
 */
import {
  capacity,
  closedAtLevel,
  counterServices,
  estimateWait,
  occupancy,
  outsideCount,
  serviceCounts,
  serviceRestricted,
  type DayState,
  type Level,
  type OfficeConfig,
  type Text,
  type Ticket,
  type WaitRange,
} from '@luot/core';

/** One call to a counter, as the latest-call panel and the history show it. */
export interface CallRecord {
  ticketId: string;
  number: string;
  service: string;
  counter: number;
  /** When it was last called (a recall counts): the order of the board. */
  calledAt: number;
  /** The ticket's last call is a recall, and the citizen has not come to the counter yet. */
  recall: boolean;
  /** A citizen who booked online and checked in: called like any other, tagged "Đặt lịch". */
  booked: boolean;
}

export interface CallBoard {
  /** The most recent call still in force (see `callInForce`); null when none is. */
  latest: CallRecord | null;
  /** The other calls of the day still in force or served, newest first (`limit` at most). */
  history: CallRecord[];
  /** Whether anything was called today: the empty panel then says "wait", not "nothing yet". */
  anyCalled: boolean;
}

/**
 * Whether a ticket is still expected at its counter: called there, or being served there. A no-show, a
 * transfer (the ticket waits again, with no counter), a cancellation or a finish ends the call. A counter
 * closed after calling keeps the citizen it called — the hub still lets it recall and serve them, and
 * their phone still says to come — so the call stays on the board.
 */
export function callInForce(t: Ticket): boolean {
  return t.counter !== null && (t.status === 'called' || t.status === 'serving');
}

/**
 * The latest call and the history, from the day's state alone: a screen that has just loaded the hub's
 * snapshot and one that followed every event all day show exactly the same board.
 *
 * Calls are ordered by the ticket's last call time; calls made in the same batch of the hub share that
 * time and go by issue order (the later number first). Tickets whose call ended without service
 * (no-show, cancelled, transferred and not yet called again) leave the board, so nothing on the screen
 * sends a citizen to a counter that no longer expects them; a transferred ticket comes back with its new
 * counter when that counter calls it.
 */
export function callBoard(config: OfficeConfig, state: DayState, limit: number): CallBoard {
  let anyCalled = false;
  const shown: Ticket[] = [];
  for (const t of Object.values(state.tickets)) {
    if (t.calledAt === null) continue;
    anyCalled = true;
    if (t.counter !== null && (t.status === 'done' || callInForce(t))) shown.push(t);
  }
  shown.sort((a, b) => b.calledAt! - a.calledAt! || b.order - a.order);
  const latest = shown.find((t) => callInForce(t)) ?? null;
  const record = (t: Ticket): CallRecord => ({
    ticketId: t.id,
    number: t.number,
    service: t.service,
    counter: t.counter!,
    calledAt: t.calledAt!,
    // The state counts calls, not where they happened: more calls than counters the ticket went to
    // (one per transfer, plus the first) means it was recalled. Exact unless it was recalled at an
    // earlier counter, then transferred; the tag shows only while the citizen is still being called.
    recall: t.status === 'called' && t.callsHere > 1,
    booked: !!t.booking,
  });
  return {
    latest: latest && record(latest),
    history: shown
      .filter((t) => t !== latest)
      .slice(0, limit)
      .map(record),
    anyCalled,
  };
}

/** A counter's state as the hall sees it. */
export type CounterTileState =
  | 'calling' // a ticket was called and the citizen is on the way
  | 'serving'
  | 'free' // an officer is there and will call the next ticket
  | 'paused'
  | 'closedAtLevel' // closed by the current distancing level
  | 'closed' // closed by its officer or the supervisor
  | 'offline'; // nobody signed in yet

export interface CounterTile {
  number: number;
  state: CounterTileState;
  /** The ticket at the counter (called or being served). */
  ticket: string | null;
  services: Array<{ prefix: string; name: Text }>;
  /** Also takes priority tickets of every service. */
  servesAllPriority: boolean;
  officer: string | null;
}

export function counterTiles(config: OfficeConfig, state: DayState): CounterTile[] {
  return config.counters.map((cc) => {
    const c = state.counters[cc.number];
    const current = c?.current ? state.tickets[c.current] : undefined;
    let tileState: CounterTileState;
    // A counter closed after calling still expects that citizen, as on the latest-call panel.
    if (current && current.status === 'called') tileState = 'calling';
    else if (current && current.status === 'serving') tileState = 'serving';
    else if (closedAtLevel(config, state, cc.number)) tileState = 'closedAtLevel';
    else if (!c || c.closedBySupervisor || c.status === 'closed') tileState = 'closed';
    else if (c.status === 'offline') tileState = 'offline';
    else if (c.status === 'paused') tileState = 'paused';
    else tileState = 'free';
    return {
      number: cc.number,
      state: tileState,
      ticket: current && (tileState === 'calling' || tileState === 'serving') ? current.number : null,
      services: counterServices(config, state, cc.number).map((prefix) => ({
        prefix,
        name: config.services.find((s) => s.prefix === prefix)?.name ?? { vi: prefix, en: prefix },
      })),
      servesAllPriority: cc.servesAllPriority ?? false,
      officer: c?.officer?.name ?? null,
    };
  });
}

export interface HallZone {
  id: string;
  name: Text;
  inside: number;
  capacity: number;
  /** Tickets waiting outside for admission. */
  outside: number;
  /** Nobody more may come in: show "Sảnh đã đủ người — vui lòng chờ bên ngoài". */
  full: boolean;
}

export function hallZones(config: OfficeConfig, state: DayState): HallZone[] {
  return config.zones.map((z) => {
    const inside = occupancy(state, z.id);
    const cap = capacity(config, state, z.id);
    const outside = outsideCount(state, z.id);
    return { id: z.id, name: z.name, inside, capacity: cap, outside, full: inside >= cap || outside > 0 };
  });
}

/** Distancing levels after Nghị quyết 128/NQ-CP: 1 green, 2 yellow, 3 orange, 4 red. */
export const LEVEL_COLOURS: Record<Level, 'green' | 'yellow' | 'orange' | 'red'> = {
  1: 'green',
  2: 'yellow',
  3: 'orange',
  4: 'red',
};

export interface ServiceWaiting {
  prefix: string;
  name: Text;
  /** In the hall, waiting for a counter. */
  waiting: number;
  outside: number;
  /** Not taking tickets at the current level. */
  restricted: boolean;
  /**
   * The wait of a ticket taken now, as the kiosk, the ticket and the phone page tell it (core's
   * `estimateWait`, in 5-minute steps); null when no officer calls for the service now.
   */
  wait: WaitRange | null;
}

export function serviceWaiting(config: OfficeConfig, state: DayState): ServiceWaiting[] {
  return config.services.map((s) => {
    const counts = serviceCounts(state, s.prefix);
    return {
      prefix: s.prefix,
      name: s.name,
      waiting: counts.waiting,
      outside: counts.outside,
      restricted: serviceRestricted(config, state, s.prefix),
      wait: estimateWait(config, state, s.prefix).range,
    };
  });
}
