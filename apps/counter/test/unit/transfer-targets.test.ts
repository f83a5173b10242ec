import { describe, expect, it } from 'vitest';
import { execute, QueueError } from '@luot/core';
import { Day } from '@luot/core/testing';
import { transferTargets } from '../../src/transfer-targets.js';

/** Counter 5 (Tư pháp – Hộ tịch) with a citizen of service C in hand. */
function inHand(priority: string | null = null) {
  const day = new Day().signIn(5);
  day.issue('C', priority);
  day.run({ type: 'callNext', counter: 5 });
  const ticket = () => day.state.tickets[day.state.counters[5]!.current!]!;
  const targets = () => transferTargets(day.config, day.state, ticket(), 5);
  const blockedCounters = () =>
    Object.fromEntries(
      targets()
        .counters.filter((c) => c.blocked)
        .map((c) => [c.counter.number, c.blocked]),
    );
  const blockedServices = () =>
    Object.fromEntries(
      targets()
        .services.filter((s) => s.blocked)
        .map((s) => [s.service.prefix, s.blocked]),
    );
  return { day, ticket, targets, blockedCounters, blockedServices };
}

describe('transfer targets', () => {
  it('offers every other service and counter on an ordinary day', () => {
    const { targets } = inHand();
    const { services, counters } = targets();
    expect(services.map((s) => s.service.prefix)).not.toContain('C');
    expect(services).toHaveLength(13);
    expect(counters.map((c) => c.counter.number)).not.toContain(5);
    expect(counters).toHaveLength(15);
    expect([...services, ...counters].every((x) => x.blocked === null)).toBe(true);
  });

  it('greys out counters closed by the level, the supervisor or their officer, and why', () => {
    const { day, blockedCounters } = inHand();
    day.run({ type: 'setLevel', level: 4 }); // closes counters 2, 3, 7, 10, 11 and 14
    day.run({ type: 'setCounterClosed', counter: 9, closed: true });
    day.signIn(12).run({ type: 'signOut', counter: 12, close: true });
    day.run({ type: 'setCounterClosed', counter: 2, closed: true }); // both: the hub names the supervisor
    expect(blockedCounters()).toEqual({
      2: 'closed_by_supervisor',
      3: 'closed_at_level',
      7: 'closed_at_level',
      9: 'closed_by_supervisor',
      10: 'closed_at_level',
      11: 'closed_at_level',
      12: 'closed',
      14: 'closed_at_level',
    });
    // Not yet staffed today is not closed: the citizen waits for the officer who signs in there.
    expect(day.state.counters[13]!.status).toBe('offline');

    day.run({ type: 'setLevel', level: 1 });
    day.run({ type: 'setCounterClosed', counter: 9, closed: false });
    expect(blockedCounters()).toEqual({ 2: 'closed_by_supervisor', 12: 'closed' });
  });

  it('greys out a service no open counter calls; a priority ticket also counts the all-priority counter', () => {
    const normal = inHand();
    normal.day.run({ type: 'setLevel', level: 4 });
    // G, M, N and V have only the counters level 4 closes; A keeps counter 1.
    expect(normal.blockedServices()).toEqual({
      G: 'no_open_counter',
      M: 'no_open_counter',
      N: 'no_open_counter',
      V: 'no_open_counter',
    });
    normal.day.run({ type: 'setCounterClosed', counter: 1, closed: true });
    expect(normal.blockedServices()).toMatchObject({ A: 'no_open_counter' });

    const elderly = inHand('elderly');
    elderly.day.run({ type: 'setLevel', level: 4 });
    expect(elderly.blockedServices()).toEqual({}); // counter 16 calls every priority ticket
    elderly.day.run({ type: 'setCounterClosed', counter: 16, closed: true }); // H's own counter too
    expect(Object.keys(elderly.blockedServices()).sort()).toEqual(['G', 'H', 'M', 'N', 'V']);
  });

  it('offers exactly the transfers the hub accepts', () => {
    const { day, ticket, targets } = inHand();
    day.run({ type: 'setLevel', level: 3 }); // closes counters 2, 3 and 14: V has no counter left
    day.run({ type: 'setCounterClosed', counter: 6, closed: true }); // E has no counter left
    day.signIn(12).run({ type: 'signOut', counter: 12, close: true });
    const tryTransfer = (toService: string | null, toCounter: number | null): string | null => {
      const state = structuredClone(day.state);
      try {
        execute(
          day.config,
          state,
          { type: 'transfer', counter: 5, toService, toCounter, note: null },
          day.now,
        );
        return null;
      } catch (e) {
        if (e instanceof QueueError) return e.code;
        throw e;
      }
    };
    const id = ticket().id;
    for (const { service, blocked } of targets().services) {
      expect([service.prefix, tryTransfer(service.prefix, null) !== null]).toEqual([
        service.prefix,
        !!blocked,
      ]);
    }
    for (const { counter, blocked } of targets().counters) {
      expect([counter.number, tryTransfer(null, counter.number) !== null]).toEqual([
        counter.number,
        !!blocked,
      ]);
    }
    expect(tryTransfer('V', null)).toBe('NO_OPEN_COUNTER');
    expect(tryTransfer(null, 2)).toBe('COUNTER_CLOSED_AT_LEVEL');
    expect(tryTransfer(null, 6)).toBe('COUNTER_CLOSED_BY_SUPERVISOR');
    expect(tryTransfer(null, 12)).toBe('COUNTER_NOT_OPEN');
    expect(day.state.counters[5]!.current).toBe(id); // every try ran on a copy
  });
});
