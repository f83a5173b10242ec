import type { CounterConfig, OfficeConfig } from './config.js';
import type { DayState } from './model.js';

export function counterConfig(config: OfficeConfig, n: number): CounterConfig | undefined {
  // A plain loop: every counter's command looks its counter up, some twice or three times.
  for (const c of config.counters) if (c.number === n) return c;
  return undefined;
}

/**
 * The services counter `n` serves today: the supervisor's change for the day if there is one, else
 * the configuration's. Everything that routes, estimates or lists a counter's services reads this.
 */
export function counterServices(config: OfficeConfig, state: DayState, n: number): string[] {
  return state.counters[n]?.services ?? counterConfig(config, n)?.services ?? [];
}

export function closedAtLevel(config: OfficeConfig, state: DayState, n: number): boolean {
  return config.levels[state.level].closedCounters.includes(n);
}

/** Who closed a counter for today; the order is the order the queue gives its refusals in. */
export type CounterClosure = 'supervisor' | 'level' | 'officer';

/** Why a known counter cannot call citizens today, or null when it can. */
export function counterClosure(config: OfficeConfig, state: DayState, n: number): CounterClosure | null {
  const c = state.counters[n];
  if (c?.closedBySupervisor) return 'supervisor';
  if (closedAtLevel(config, state, n)) return 'level';
  if (c?.status === 'closed') return 'officer';
  return null;
}

/** A counter that may call citizens today: not closed by the level, the supervisor or its officer. */
export function counterAvailable(config: OfficeConfig, state: DayState, n: number): boolean {
  return !!state.counters[n] && counterClosure(config, state, n) === null;
}

/**
 * A counter that is available and calling citizens now: an officer signed in and not paused. A paused
 * counter calls nobody, so counting it promised waits that nobody was there to keep.
 */
export function counterStaffed(config: OfficeConfig, state: DayState, n: number): boolean {
  const c = state.counters[n];
  return !!c && counterAvailable(config, state, n) && c.status === 'open';
}

/** The counters that serve `service` today (or, for a priority ticket, take every priority ticket). */
export function countersServing(
  config: OfficeConfig,
  state: DayState,
  service: string,
  priority = false,
): CounterConfig[] {
  return config.counters.filter((c) => serves(state, c, service, priority));
}

/**
 * Whether counter `c` serves `service` today (or takes every priority ticket): `counterServices`
 * for a counter already in hand. Counter numbers are unique (the configuration is checked), so
 * this is the same answer without looking the counter up again — a lookup in a loop over the
 * counters, on every ticket issued.
 */
function serves(state: DayState, c: CounterConfig, service: string, priority: boolean): boolean {
  return (
    (state.counters[c.number]?.services ?? c.services).includes(service) ||
    (priority && !!c.servesAllPriority)
  );
}

/** Some counter serving `service` today is staffed now (see `counterStaffed`). */
export function someCounterStaffed(
  config: OfficeConfig,
  state: DayState,
  service: string,
  priority = false,
): boolean {
  return staffedCount(config, state, service, priority, 1) > 0;
}

/**
 * How many counters serving `service` today are staffed now, counting no further than `upTo`. In
 * one pass with `counterStaffed` written out (open, not closed by the supervisor or the level):
 * the queue asks on every ticket it issues.
 */
export function staffedCount(
  config: OfficeConfig,
  state: DayState,
  service: string,
  priority = false,
  upTo = Infinity,
): number {
  const closedByLevel = config.levels[state.level].closedCounters;
  let n = 0;
  for (const c of config.counters) {
    const cs = state.counters[c.number];
    if (!cs || cs.status !== 'open' || cs.closedBySupervisor || closedByLevel.includes(c.number)) continue;
    if (serves(state, c, service, priority) && ++n >= upTo) break;
  }
  return n;
}

/** What issuing a ticket asks of the counters serving its service, in one pass (see `serviceIssueBlock`). */
export interface ServiceCounters {
  /** Some counter serving it may call citizens today (`counterAvailable`). */
  available: boolean;
  /** The same for a priority ticket. */
  availableForPriority: boolean;
  /** Counters serving it staffed now (`staffedCount` for a normal ticket). */
  staffed: number;
  /** The same for a priority ticket: counters that take every priority ticket count too. */
  staffedForPriority: number;
}

export function serviceCounters(config: OfficeConfig, state: DayState, service: string): ServiceCounters {
  const closedByLevel = config.levels[state.level].closedCounters;
  let available = false;
  let availableForPriority = false;
  let staffed = 0;
  let staffedForPriority = 0;
  for (const c of config.counters) {
    const cs = state.counters[c.number];
    if (!cs || cs.status === 'closed' || cs.closedBySupervisor || closedByLevel.includes(c.number)) continue;
    const own = (cs.services ?? c.services).includes(service);
    const forPriority = own || !!c.servesAllPriority;
    if (own) available = true;
    if (forPriority) availableForPriority = true;
    if (cs.status !== 'open') continue;
    if (own) staffed++;
    if (forPriority) staffedForPriority++;
  }
  return { available, availableForPriority, staffed, staffedForPriority };
}

export function serviceRestricted(config: OfficeConfig, state: DayState, service: string): boolean {
  const r = config.levels[state.level].restrictedServices;
  if (r === 'non-essential') return !config.services.find((s) => s.prefix === service)?.essential;
  return r.includes(service);
}

/** Numbers of the counters that would call this ticket and are open now: what the ticket lists. */
export function openCountersServing(
  config: OfficeConfig,
  state: DayState,
  service: string,
  priority = false,
): number[] {
  return countersServing(config, state, service, priority)
    .filter((c) => counterAvailable(config, state, c.number))
    .map((c) => c.number);
}

/** A service that people wait for while no counter calls for it any more (see `servicesWithoutCounter`). */
export interface ServiceWithoutCounter {
  service: string;
  /** Its tickets waiting inside or outside the hall. */
  waiting: number;
}

/**
 * Services that lost their last calling counter while people wait for them: tickets of the service
 * wait, a counter did call its citizens earlier today, and no counter serving it is staffed now (its
 * counters were closed — by the officer, the supervisor or the level — signed out or paused). Worked
 * out from the day alone, so every screen says the same and no event is needed. A service nobody has
 * served yet today (officers not yet signed in) is not listed: the kiosk tells that case apart, and
 * still issues.
 */
export function servicesWithoutCounter(config: OfficeConfig, state: DayState): ServiceWithoutCounter[] {
  return config.services.flatMap((svc) => {
    const lost = serviceLostCounter(config, state, svc.prefix);
    return lost ? [lost] : [];
  });
}

/**
 * The same for one service (the kiosk's tile, the queue's refusal to issue): cheap while a counter
 * serves it, the common case; only otherwise are the day's tickets read for an earlier call.
 */
export function serviceLostCounter(
  config: OfficeConfig,
  state: DayState,
  service: string,
): ServiceWithoutCounter | null {
  const waiting = state.lines.queued[service] ?? 0;
  if (waiting === 0) return null;
  if (someCounterStaffed(config, state, service)) return null;
  // Called earlier by one of its own counters: a counter that takes every priority ticket calling a
  // priority one does not make the service's own counters (perhaps never staffed today) "lost".
  // Its own: configured for it, or serving it today (a supervisor may have moved them away from it).
  const own = new Set(
    config.counters
      .filter(
        (c) => c.services.includes(service) || counterServices(config, state, c.number).includes(service),
      )
      .map((c) => c.number),
  );
  // From the index kept with the lines: scanning the day's tickets here ran on every issue.
  const handled = state.lines.handled[service] ?? {};
  const served = [...own].some((n) => (handled[n] ?? 0) > 0);
  return served ? { service, waiting } : null;
}

/**
 * The services counter `n` serves that no other staffed counter serves: closing it leaves their
 * waiting citizens with nobody to call them. The counter's close dialog names them (with how many
 * wait) rather than promising that "other counters will call them".
 */
export function servicesLeftIfClosed(
  config: OfficeConfig,
  state: DayState,
  n: number,
): ServiceWithoutCounter[] {
  const own = counterServices(config, state, n);
  return own
    .filter(
      (service) =>
        !countersServing(config, state, service).some(
          (c) => c.number !== n && counterStaffed(config, state, c.number),
        ),
    )
    .map((service) => ({ service, waiting: state.lines.queued[service] ?? 0 }));
}
