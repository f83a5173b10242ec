/**
 * What the wall display shows, derived from the mirrored day. Pure functions of (config, state), so the
 * screen is always exactly what the hub's state says, after a resync as much as after an event.
 */
import {
  capacity,
  closedAtLevel,
  occupancy,
  outsideCount,
  serviceCounts,
  serviceRestricted,
  type DayState,
  type Level,
  type OfficeConfig,
  type Text,
} from '@luot/core';

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
      services: cc.services.map((prefix) => ({
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
    };
  });
}
