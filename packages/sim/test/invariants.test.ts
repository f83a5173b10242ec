import { describe, expect, it } from 'vitest';
import { applyEvent, capacity, createDay, FINAL, type DayState, type OfficeConfig } from '@luot/core';
import { MONDAY, normalizeLines, quocOai, recountLines } from '@luot/core/testing';
import { simulateDay, type ProfileOptions } from '../src/index.js';

/**
 * Seeded office days through the real core, checked against the queue's invariants: what the
 * random property test checks command by command, here over whole realistic days.
 */
function checkDay(config: OfficeConfig, seed: number, profile: ProfileOptions = {}) {
  const day = simulateDay(config, { seed, date: MONDAY, profile });
  const numbers = new Set<string>();
  const finished = new Set<string>();
  const final = new Set<string>();
  const holder = new Map<string, number>();
  let outside = 0;
  let n = 0;

  const fail = (message: string): never => {
    throw new Error(`seed ${seed}: ${message}`);
  };
  // Replay the day event by event, checking as we go (plain checks: thousands of events).
  const state: DayState = createDay(config, MONDAY);
  for (const { event, at } of day.events) {
    applyEvent(state, event, at, config);
    if (event.type === 'ticket.issued') {
      const key = `${event.ticket.issuedService}:${event.ticket.number}`;
      if (numbers.has(key)) fail(`${event.ticket.number} issued twice`);
      numbers.add(key);
      if (event.ticket.status === 'outside') outside++;
    }
    if ('ticketId' in event && event.type !== 'ticket.rated') {
      if (final.has(event.ticketId)) fail(`${event.type} for ${event.ticketId}, already final`);
    }
    if (event.type === 'ticket.called' && !event.recall) {
      const elsewhere = holder.get(event.ticketId);
      if (elsewhere !== undefined) fail(`${event.ticketId} called at ${event.counter} while at ${elsewhere}`);
      holder.set(event.ticketId, event.counter);
    }
    if (event.type === 'ticket.finished') {
      if (finished.has(event.ticketId)) fail(`${event.ticketId} finished twice`);
      finished.add(event.ticketId);
    }
    if (
      event.type === 'ticket.finished' ||
      event.type === 'ticket.no_show' ||
      event.type === 'ticket.transferred' ||
      event.type === 'ticket.cancelled'
    ) {
      holder.delete(event.ticketId);
    }
    if (
      event.type === 'ticket.finished' ||
      event.type === 'ticket.no_show' ||
      event.type === 'ticket.cancelled'
    ) {
      final.add(event.ticketId);
    }
    // The hall, by the core's own count; that count is checked against the tickets now and then.
    for (const zone of config.zones) {
      const inside = state.lines.occupancy[zone.id] ?? 0;
      const cap = capacity(config, state, zone.id);
      if (inside > cap) fail(`${inside} in hall ${zone.id} (capacity ${cap}) after ${event.type}`);
    }
    if (++n % 100 === 0) expect(normalizeLines(state.lines)).toEqual(normalizeLines(recountLines(state)));
  }

  // The replay is the day, indexes included; every ticket ended, and the day is closed.
  expect(state).toEqual(day.state);
  expect(normalizeLines(day.state.lines)).toEqual(normalizeLines(recountLines(day.state)));
  expect(day.state.closed).toBe(true);
  expect(day.tickets.filter((t) => !FINAL.has(t.status))).toEqual([]);
  expect(day.tickets.length).toBe(day.stats.issued);
  return { ...day, outside };
}

describe('simulated days keep the queue invariants', { timeout: 30_000 }, () => {
  it('in the default office, on several seeds', () => {
    for (const seed of [11, 12, 13]) {
      const day = checkDay(quocOai(), seed);
      expect(day.tickets.length).toBeGreaterThan(400);
    }
  });

  it('with a small hall, where citizens wait outside and are called in', () => {
    const config = quocOai((c) => (c.zones[0]!.capacity = { 1: 15, 2: 10, 3: 8, 4: 5 }));
    const day = checkDay(config, 21, { tickets: 300 });
    expect(day.outside).toBeGreaterThan(10);
    expect(day.events.some((e) => e.event.type === 'ticket.admitted')).toBe(true);
  });

  it('with many no-shows, late citizens and transfers, and counters left to nobody', () => {
    const day = checkDay(quocOai(), 31, {
      tickets: 300,
      noShow: 0.2,
      late: 0.2,
      transfer: 0.3,
      leaveOut: [2, 3, 7],
    });
    const types = new Set(day.events.map((e) => e.event.type));
    for (const t of ['ticket.no_show', 'ticket.transferred', 'ticket.rated', 'ticket.cancelled'])
      expect(types).toContain(t);
  });
});
