import { describe, expect, it } from 'vitest';
import { execute } from '@luot/core';
import { Day } from '@luot/core/testing';
import { nextTickets, stillCallable } from '../../src/next-tickets.js';

/** What the hub really calls, one "call next" after another, on a copy of the day. */
function hubOrder(day: Day, counter: number, n: number): string[] {
  const state = structuredClone(day.state);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const [e] = execute(day.config, state, { type: 'callNext', counter }, day.now);
      const id = (e!.event as { ticketId: string }).ticketId;
      out.push(state.tickets[id]!.number);
      execute(day.config, state, { type: 'noShow', counter }, day.now);
    } catch {
      break;
    }
  }
  return out;
}

describe('next tickets, in the order the hub would call them', () => {
  it('puts priority tickets first, then the oldest', () => {
    const day = new Day().signIn(1);
    day.issue('A');
    day.advance(1).issue('A');
    day.advance(1).issue('A', 'elderly');
    const next = nextTickets(day.config, day.state, 1, day.now).map((t) => t.number);
    expect(next).toEqual(['A003', 'A001', 'A002']);
    expect(next).toEqual(hubOrder(day, 1, 10));
  });

  it('lets a normal ticket through after the configured run of priority calls (fairness)', () => {
    const day = new Day().signIn(1);
    for (let i = 0; i < 3; i++) day.advance(1).issue('A');
    for (let i = 0; i < 6; i++) day.advance(1).issue('A', 'pregnant');
    const next = nextTickets(day.config, day.state, 1, day.now, 20).map((t) => t.number);
    expect(next).toHaveLength(9);
    expect(next).toEqual(hubOrder(day, 1, 20));
    // maxPriorityInRow = 3 in the default profile: three priority calls, then one normal.
    expect(next.slice(0, 4)).toEqual(['A004', 'A005', 'A006', 'A001']);
  });

  it('calls a ticket transferred to this counter by name first', () => {
    const day = new Day().signIn(5).signIn(6);
    day.issue('C');
    day.advance(1).issue('E');
    day.run({ type: 'callNext', counter: 5 });
    day.run({ type: 'transfer', counter: 5, toService: null, toCounter: 6, note: null });
    const next = nextTickets(day.config, day.state, 6, day.now).map((t) => t.number);
    expect(next).toEqual(['C001', 'E001']);
    expect(next).toEqual(hubOrder(day, 6, 10));
  });

  it('gives a counter that serves all priority the priority tickets of every service', () => {
    const day = new Day().signIn(16);
    day.issue('H');
    day.advance(1).issue('A');
    day.advance(1).issue('C', 'disabled');
    const next = nextTickets(day.config, day.state, 16, day.now).map((t) => t.number);
    expect(next).toEqual(['C001', 'H001']);
    expect(next).toEqual(hubOrder(day, 16, 10));
  });

  it('agrees with the hub on a busy mixed morning, and never changes the day', () => {
    const day = new Day().signIn(1).signIn(16);
    const services = ['A', 'A', 'H', 'C', 'A', 'H'];
    for (let i = 0; i < 30; i++) {
      day.advance(2).issue(services[i % services.length]!, i % 4 === 0 ? 'elderly' : null);
    }
    day.advance(40); // some normal tickets have now waited past the aging limit
    const before = structuredClone(day.state);
    for (const counter of [1, 16]) {
      const next = nextTickets(day.config, day.state, counter, day.now, 50).map((t) => t.number);
      expect(next).toEqual(hubOrder(day, counter, 50));
    }
    expect(day.state).toEqual(before);
  });

  it('is empty for a counter with nobody waiting, and respects the limit', () => {
    const day = new Day().signIn(4);
    expect(nextTickets(day.config, day.state, 4, day.now)).toEqual([]);
    for (let i = 0; i < 8; i++) day.issue('B');
    expect(nextTickets(day.config, day.state, 4, day.now, 3)).toHaveLength(3);
    expect(nextTickets(day.config, day.state, 99, day.now)).toEqual([]);
  });
});

describe('the frozen "call a ticket" list', () => {
  it('keeps a shown ticket callable while it waits, greys it once it is called, moved or cancelled', () => {
    const day = new Day().signIn(1).signIn(2);
    const a = day.issue('A').id;
    const b = day.issue('A').id;
    const c = day.issue('A').id;
    const shown = structuredClone(nextTickets(day.config, day.state, 1, day.now, 9));
    const byId = (id: string) => shown.find((t) => t.id === id)!;
    expect(shown.map((t) => t.id)).toEqual([a, b, c]);
    for (const t of shown) expect(stillCallable(t, day.state.tickets[t.id])).toBe(true);

    day.run({ type: 'callNext', counter: 2 }); // counter 2 takes the first one
    expect(stillCallable(byId(a), day.state.tickets[a])).toBe(false);
    expect(stillCallable(byId(b), day.state.tickets[b])).toBe(true);
    expect(stillCallable(byId(b), undefined)).toBe(false);
    // Moved to another service: still waiting, but not the ticket that was shown.
    expect(stillCallable(byId(c), { ...day.state.tickets[c]!, service: 'E' })).toBe(false);
    expect(stillCallable(byId(c), { ...day.state.tickets[c]!, targetCounter: 7 })).toBe(false);
  });
});
