import { sessionState } from './clock.js';
import type { OfficeConfig, ServiceConfig } from './config.js';
import { serviceCounters, serviceLostCounter, serviceRestricted } from './counters.js';
import type { QueueErrorCode } from './errors.js';
import { waitMinutes } from './estimate.js';
import type { DayState } from './model.js';

export interface IssueBlock {
  code: Extract<
    QueueErrorCode,
    'SERVICE_RESTRICTED' | 'NO_OPEN_COUNTER' | 'COUNTER_LOST' | 'DAILY_CAP_REACHED' | 'WAIT_PAST_CLOSING'
  >;
  details: Record<string, string | number | null>;
}

/**
 * Why a ticket for this service cannot be issued now, or null. One rule set, in one order, for the
 * queue (which refuses the command) and the kiosk (which greys out the tile and says why): a tile
 * that looks open is one the hub accepts. Day and session checks come first, in `execute`.
 */
export function serviceIssueBlock(
  config: OfficeConfig,
  state: DayState,
  svc: ServiceConfig,
  priority: boolean,
  now: number,
): IssueBlock | null {
  const service = svc.prefix;
  if (serviceRestricted(config, state, service)) {
    return { code: 'SERVICE_RESTRICTED', details: { service, level: state.level } };
  }
  // The counters once for all the checks below: a busy day issues hundreds of tickets.
  const counters = serviceCounters(config, state, service);
  if (!(priority ? counters.availableForPriority : counters.available)) {
    return { code: 'NO_OPEN_COUNTER', details: { service } };
  }
  // People already wait with nobody to call them (their counter closed, signed out or paused):
  // more numbers would only lengthen a line that does not move, until a counter serves it again.
  // (Only with no counter of its own staffed does `serviceLostCounter` look further.)
  const lost = counters.staffed === 0 ? serviceLostCounter(config, state, service) : null;
  if (lost) return { code: 'COUNTER_LOST', details: { service, waiting: lost.waiting } };
  if (svc.dailyCap !== undefined && (state.lastNumber[service] ?? 0) >= svc.dailyCap) {
    return { code: 'DAILY_CAP_REACHED', details: { service, cap: svc.dailyCap } };
  }
  const session = sessionState(config.sessions, now);
  const wait = waitMinutes(
    config,
    state,
    service,
    priority,
    priority ? counters.staffedForPriority : counters.staffed,
  );
  // Counters serve nobody during a break, so the wait is weighed against session time left, not the clock.
  if (
    session.open &&
    config.sessions.stopWhenWaitPastClose &&
    wait !== null &&
    wait > session.workMinutesLeft
  ) {
    return { code: 'WAIT_PAST_CLOSING', details: { service, minutes: wait } };
  }
  return null;
}
