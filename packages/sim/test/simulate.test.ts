import { describe, expect, it } from 'vitest';
import { createDay, localTime, parseHm } from '@luot/core';
import { MONDAY, quocOai } from '@luot/core/testing';
import {
  dayProfile,
  DaySimulator,
  runSync,
  simulateDay,
  type ProfileOptions,
  type SimAction,
} from '../src/index.js';

const config = quocOai();
const hanoi = (ms: number) => localTime(ms, config.sessions.timeZone);

/** The actions of a day that the in-memory core accepted, in the order the simulator gave them. */
function accepted(seed: number, profile: ProfileOptions = {}): SimAction[] {
  const sim = new DaySimulator(config, { seed, date: MONDAY, profile });
  const out: SimAction[] = [];
  runSync(sim, createDay(config, MONDAY), (_, action) => out.push(action));
  return out;
}

describe('a simulated day', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const a = simulateDay(config, { seed: 7, date: MONDAY });
    const b = simulateDay(config, { seed: 7, date: MONDAY });
    expect(b.events).toEqual(a.events);
    expect(b.state).toEqual(a.state);
    const c = simulateDay(config, { seed: 8, date: MONDAY });
    expect(c.events).not.toEqual(a.events);
    expect(c.tickets.map((t) => t.number)).not.toEqual(a.tickets.map((t) => t.number));
  });

  it('is a busy working day: every service, a morning peak, nobody at lunch, all served by the close', () => {
    const { tickets, stats, events, state } = simulateDay(config, { seed: 1, date: MONDAY });
    const profile = dayProfile(config);
    const expected = Object.values(profile.volume).reduce((a, b) => a + b, 0);
    expect(tickets.length).toBeGreaterThan(expected * 0.85);
    expect(tickets.length).toBeLessThan(expected * 1.15);
    expect(new Set(tickets.map((t) => t.issuedService))).toEqual(
      new Set(config.services.map((s) => s.prefix)),
    );

    const minutes = tickets.map((t) => hanoi(t.issuedAt).minutes);
    const between = (from: string, to: string) =>
      minutes.filter((m) => m >= parseHm(from) && m < parseHm(to)).length;
    expect(between('00:00', '08:00') + between('12:00', '13:00') + between('17:00', '24:00')).toBe(0);
    expect(between('08:00', '10:00')).toBeGreaterThan(between('10:00', '12:00')); // the morning peak
    expect(between('16:00', '17:00')).toBeLessThan(between('14:00', '15:00')); // a quiet end

    // Priority, companions, recalls, no-shows, transfers, outcomes and ratings all happen.
    expect(tickets.some((t) => t.priority !== null)).toBe(true);
    expect(tickets.some((t) => t.party > 1)).toBe(true);
    expect(tickets.some((t) => t.callCount > 1)).toBe(true);
    expect(tickets.some((t) => t.status === 'no_show')).toBe(true);
    expect(tickets.some((t) => t.transfers > 0)).toBe(true);
    expect(new Set(tickets.map((t) => t.outcome?.kind).filter(Boolean))).toEqual(
      new Set(['received', 'guided', 'returned', 'refused']),
    );
    expect(tickets.filter((t) => typeof t.rating === 'number').length).toBeGreaterThan(tickets.length / 2);

    // Officers break at lunch and go home; the day closes with nobody left waiting.
    expect(events.some((e) => e.event.type === 'counter.paused')).toBe(true);
    expect(events.at(-1)!.event.type).toBe('day.closed');
    expect(tickets.filter((t) => t.status === 'cancelled')).toEqual([]);
    expect(Object.values(state.counters).every((c) => c.status === 'offline')).toBe(true);
    // The only refusals: tickets past closing time, and counters that found nobody to call.
    for (const key of Object.keys(stats.refusals)) expect(key).toMatch(/^(issue:|callNext:QUEUE_EMPTY$)/);
  });

  it('leaves a counter to a person, with the officer ids the office uses', () => {
    const { events, tickets } = simulateDay(config, {
      seed: 2,
      date: MONDAY,
      profile: { leaveOut: [5], officerId: (n) => `cb${String(n).padStart(2, '0')}`, closeDay: false },
    });
    const atCounter5 = events.filter((e) => 'counter' in e.event && e.event.counter === 5);
    expect(atCounter5).toEqual([]);
    // Counter 5 is the only one for C: its citizens still come, and wait for the person (but counter
    // 16 takes priority tickets of every service).
    const c = tickets.filter((t) => t.issuedService === 'C' && !t.priority);
    expect(c.length).toBeGreaterThan(10);
    expect(c.every((t) => t.status === 'waiting' || t.status === 'outside')).toBe(true);
    const signIns = events.flatMap((e) => (e.event.type === 'counter.signed_in' ? [e.event.officer.id] : []));
    expect(signIns).toContain('cb01');
    expect(signIns).toContain('cb16');
    expect(events.some((e) => e.event.type === 'day.closed')).toBe(false);
  });

  it('takes a day of a given size, and has nobody on a Sunday or a holiday', () => {
    const sim = new DaySimulator(config, { seed: 3, date: MONDAY, profile: { tickets: 1200 } });
    expect(sim.citizens.length).toBeGreaterThan(1100);
    expect(sim.citizens.length).toBeLessThan(1300);
    expect(simulateDay(config, { seed: 3, date: '2026-12-06' }).tickets).toEqual([]);
    const holiday = quocOai((c) => (c.sessions.holidays = [MONDAY]));
    expect(simulateDay(holiday, { seed: 3, date: MONDAY }).events.map((e) => e.event.type)).toEqual([
      'day.closed',
    ]);
  });

  it('hands out actions in time order, from the device that does them', () => {
    let last = 0;
    for (const a of accepted(4, { tickets: 60 })) {
      expect(a.at).toBeGreaterThanOrEqual(last);
      last = a.at;
      if (a.command.type === 'issue') expect(a.by).toEqual({ role: 'kiosk', kiosk: a.command.kioskId });
      else if (a.command.type === 'rate') expect(a.by.role).toBe('rating');
      else if (a.command.type === 'closeDay') expect(a.by).toEqual({ role: 'supervisor' });
      else expect(a.by).toEqual({ role: 'counter', counter: (a.command as { counter: number }).counter });
    }
  });
});
