import {
  counterClosure,
  openCountersServing,
  type CounterConfig,
  type DayState,
  type OfficeConfig,
  type ServiceConfig,
  type Ticket,
} from '@luot/core';

/**
 * Why a transfer target is greyed out. The hub refuses the same transfers (COUNTER_CLOSED_BY_SUPERVISOR,
 * COUNTER_CLOSED_AT_LEVEL, COUNTER_NOT_OPEN, NO_OPEN_COUNTER): a citizen sent there would wait for
 * a counter that does not call today.
 */
export type TransferBlock = 'closed_by_supervisor' | 'closed_at_level' | 'closed' | 'no_open_counter';

export interface ServiceTarget {
  service: ServiceConfig;
  blocked: TransferBlock | null;
}

export interface CounterTarget {
  counter: CounterConfig;
  blocked: TransferBlock | null;
}

/**
 * Where the ticket in hand at counter `from` may be sent, from the hub's day: every other service
 * and every other counter, each with the reason it cannot take the citizen now (null when it can).
 */
export function transferTargets(
  config: OfficeConfig,
  state: DayState,
  ticket: Ticket,
  from: number,
): { services: ServiceTarget[]; counters: CounterTarget[] } {
  // A priority ticket is also called by the counters that serve every priority.
  const priority = ticket.priority !== null;
  const services = config.services
    .filter((s) => s.prefix !== ticket.service)
    .map((service) => ({
      service,
      blocked:
        openCountersServing(config, state, service.prefix, priority).length === 0
          ? ('no_open_counter' as const)
          : null,
    }));
  const counters = config.counters
    .filter((c) => c.number !== from)
    .map((counter) => ({ counter, blocked: counterBlock(config, state, counter.number) }));
  return { services, counters };
}

const CLOSURE_BLOCK = {
  supervisor: 'closed_by_supervisor',
  level: 'closed_at_level',
  officer: 'closed',
} as const;

/** The reason the hub would give first. */
function counterBlock(config: OfficeConfig, state: DayState, n: number): TransferBlock | null {
  const closure = counterClosure(config, state, n);
  return closure && CLOSURE_BLOCK[closure];
}
