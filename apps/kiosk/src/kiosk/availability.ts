import {
  capacity,
  closedAtLevel,
  countersServing,
  estimateWait,
  localTime,
  occupancy,
  onlinePortal,
  parseHm,
  serviceIssueBlock,
  sessionState,
  type Level,
  type OfficeConfig,
  type ServiceConfig,
  type SessionState,
  type Text,
  type WaitRange,
} from '@luot/core';
import type { Snapshot } from '@luot/protocol';

/**
 * Which service tiles the kiosk offers and why a tile is off. Computed from the hub's snapshot with
 * the very rule the queue uses to accept or refuse 'ticket.issue' (`serviceIssueBlock`), so a tile
 * that looks open is one the hub will accept.
 */

export type ClosedReason =
  /** The hub cannot be reached: no tickets until it returns. */
  | { kind: 'offline' }
  /** The printer failed and this kiosk is set to stop issuing until it is fixed. */
  | { kind: 'printer_paused' }
  | { kind: 'day_closed' }
  | {
      kind: 'outside_session';
      reason: Extract<SessionState, { open: false }>['reason'];
      /** 'HH:MM' when issuing starts again today, else null. */
      opensAt: string | null;
    }
  | { kind: 'restricted'; level: Level }
  | { kind: 'no_counter' }
  /** People wait for it, but its last calling counter closed, signed out or paused (`servicesWithoutCounter`). */
  | { kind: 'counter_lost' }
  | { kind: 'daily_cap'; cap: number }
  | { kind: 'wait_past_closing' };

export interface TileView {
  service: ServiceConfig;
  available: boolean;
  reason: ClosedReason | null;
  /** People of this service waiting inside or outside the hall. */
  waiting: number;
  /** Expected wait for a new ticket, as the 5-minute range every screen and the paper tell; null when no counter calls for it now. */
  waitRange: WaitRange | null;
  /**
   * Open to issuing but no officer calls for it now (nobody signed in at its counters, or all paused):
   * the tile says so instead of a wait. `expectedAt` 'HH:MM' is the next session's start today.
   */
  unstaffed: { expectedAt: string | null } | null;
  /** Tickets left today under the daily cap; null without a cap. */
  remaining: number | null;
}

export interface HomeView {
  tiles: TileView[];
  /** A reason that closes every tile, shown once instead of on each tile. */
  notice: ClosedReason | null;
  level: Level | null;
  /** The level's note from the configuration, when the level changes what is offered. */
  levelNote: Text | null;
  /** The hall is full: new tickets wait outside. */
  hallFull: boolean;
  /**
   * Services the distancing level closes now (restricted, or every counter for them closed by the
   * level), whatever else closes the kiosk: the idle screen names them.
   */
  closedByLevel: ServiceConfig[];
  /** The online portal where a service the level closes can be filed instead (office config). */
  portal: string;
}

export interface HomeOptions {
  online: boolean;
  /** A priority ticket is being taken: counters that serve every priority ticket count too. */
  priority: boolean;
  paused: boolean;
}

/** Tiles for the home screen. `now` is the hub's time (the kiosk's clock corrected by the snapshot). */
export function homeView(snapshot: Snapshot | null, now: number, opts: HomeOptions): HomeView {
  if (!snapshot)
    return {
      tiles: [],
      notice: { kind: 'offline' },
      level: null,
      levelNote: null,
      hallFull: false,
      closedByLevel: [],
      portal: '',
    };
  const { config, state } = snapshot;
  const notice = kioskNotice(config, state.closed, now, opts);
  const rules = config.levels[state.level];
  const levelLimits = rules.restrictedServices === 'non-essential' || rules.restrictedServices.length > 0;
  const tiles = config.services.map((service) => tileView(snapshot, service, now, notice, opts.priority));
  return {
    tiles,
    notice,
    level: state.level,
    levelNote: (levelLimits || rules.closedCounters.length > 0) && rules.note ? rules.note : null,
    hallFull: config.zones.some((z) => occupancy(state, z.id) >= capacity(config, state, z.id)),
    closedByLevel: config.services.filter(
      (service) => serviceReason(snapshot, service, now, opts.priority)?.kind === 'restricted',
    ),
    portal: onlinePortal(config),
  };
}

/** What closes the whole kiosk, in the order the hub checks it. */
function kioskNotice(
  config: OfficeConfig,
  dayClosed: boolean,
  now: number,
  opts: HomeOptions,
): ClosedReason | null {
  if (!opts.online) return { kind: 'offline' };
  if (opts.paused) return { kind: 'printer_paused' };
  if (dayClosed) return { kind: 'day_closed' };
  const session = sessionState(config.sessions, now);
  if (!session.open) {
    return {
      kind: 'outside_session',
      reason: session.reason,
      opensAt: nextOpening(config, now, session.reason),
    };
  }
  return null;
}

function tileView(
  snapshot: Snapshot,
  service: ServiceConfig,
  now: number,
  notice: ClosedReason | null,
  priority: boolean,
): TileView {
  const { config, state } = snapshot;
  const estimate = estimateWait(config, state, service.prefix, priority);
  const issued = state.lastNumber[service.prefix] ?? 0;
  const remaining = service.dailyCap === undefined ? null : Math.max(0, service.dailyCap - issued);
  const reason = notice ?? serviceReason(snapshot, service, now, priority);
  return {
    service,
    available: reason === null,
    reason,
    waiting: estimate.peopleAhead,
    waitRange: estimate.range,
    unstaffed:
      reason === null && estimate.counters === 0 ? { expectedAt: nextSessionStart(config, now) } : null,
    remaining,
  };
}

/** The hub's own rule (`serviceIssueBlock`), in the kiosk's words. */
function serviceReason(
  { config, state }: Snapshot,
  service: ServiceConfig,
  now: number,
  priority: boolean,
): ClosedReason | null {
  const block = serviceIssueBlock(config, state, service, priority, now);
  switch (block?.code) {
    case undefined:
      return null;
    case 'COUNTER_LOST':
      return { kind: 'counter_lost' };
    case 'SERVICE_RESTRICTED':
      return { kind: 'restricted', level: state.level };
    case 'NO_OPEN_COUNTER':
      // Say so when it is the distancing level that closed every counter for it.
      return countersServing(config, state, service.prefix, priority).every((c) =>
        closedAtLevel(config, state, c.number),
      )
        ? { kind: 'restricted', level: state.level }
        : { kind: 'no_counter' };
    case 'DAILY_CAP_REACHED':
      return { kind: 'daily_cap', cap: service.dailyCap ?? 0 };
    case 'WAIT_PAST_CLOSING':
      return { kind: 'wait_past_closing' };
  }
}

/** When issuing starts again today: the next session's start before hours or during a break. */
function nextOpening(config: OfficeConfig, now: number, reason: string): string | null {
  if (reason !== 'before_hours' && reason !== 'break') return null;
  return nextSessionStart(config, now);
}

/**
 * 'HH:MM' of the next session that starts later today, or null. It is when officers are next due at
 * their counters: the honest "expected from" for a service nobody takes now.
 */
function nextSessionStart(config: OfficeConfig, now: number): string | null {
  if (config.sessions.alwaysOpen) return null;
  const minutes = localTime(now, config.sessions.timeZone).minutes;
  const starts = config.sessions.periods
    .map((p) => p.start)
    .filter((s) => parseHm(s) > minutes)
    .sort((a, b) => parseHm(a) - parseHm(b));
  return starts[0] ?? null;
}
