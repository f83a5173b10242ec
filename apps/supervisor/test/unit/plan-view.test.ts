import { describe, expect, it } from 'vitest';
import type { PlanResult, ServiceInterval } from '@luot/protocol';
import {
  assignmentChanges,
  counterAssignments,
  inBreak,
  servicePeaks,
  shareWithInterval,
} from '../../src/plan/plan-view.js';

const interval = (arrivals: number, needed: number, staffed: number): ServiceInterval => ({
  arrivals,
  needed,
  staffed,
  erlang: { meanWaitMinutes: null, p90WaitMinutes: null, withinTarget: 0 },
  sim: null,
});
const estimate = { value: 0, low: 0, high: 0 };

/** Two services over three half hours: A short at 08:30, B fine; three seats on two counters. */
const plan: PlanResult = {
  date: '2026-11-30',
  level: 1,
  intervalMinutes: 30,
  target: { withinMinutes: 30, share: 0.8, outsideMax: 20 },
  runs: 20,
  source: null,
  intervals: ['08:00', '08:30', '09:00'],
  services: [
    { prefix: 'A', name: { vi: 'Đất đai', en: 'Land' } },
    { prefix: 'B', name: { vi: 'Hộ tịch', en: 'Civil status' } },
  ],
  perService: {
    A: [interval(10, 1, 1), interval(20, 2, 1), interval(10, 1, 1)],
    B: [interval(5, 1, 1), interval(5, 1, 1), interval(0, 0, 0)],
  },
  hall: [],
  seats: [
    {
      officerId: 'cb1',
      officerName: 'Cán bộ 1',
      counter: 2,
      services: ['B', 'A'],
      from: '13:00',
      to: '17:00',
    },
    { officerId: 'cb1', officerName: 'Cán bộ 1', counter: 2, services: ['A'], from: '08:00', to: '12:00' },
    { officerId: 'cb2', officerName: 'Cán bộ 2', counter: 1, services: ['B'], from: '08:00', to: '17:00' },
  ],
  breaks: [
    {
      service: 'A',
      from: '08:30',
      to: '09:00',
      needed: 2,
      staffed: 1,
      p90WaitMinutes: 55,
      text: { vi: '', en: '' },
    },
  ],
  hallBreaks: [],
  day: { citizens: estimate, meanWaitMinutes: estimate, withinTarget: estimate, countersOpenMax: 2 },
  elapsedMs: 1,
};

describe('the plan page’s figures', () => {
  it('writes a share with its 95% interval as the office reads it', () => {
    expect(shareWithInterval({ value: 0.8312, low: 0.806, high: 0.854 })).toBe('83% (81–85%)');
  });

  it('finds the intervals of a break, per service or any', () => {
    expect([0, 1, 2].map((i) => inBreak(plan, i))).toEqual([false, true, false]);
    expect(inBreak(plan, 1, 'B')).toBe(false);
  });

  it('sums each service’s day and its peaks', () => {
    expect(servicePeaks(plan)).toEqual([
      { prefix: 'A', name: plan.services[0]!.name, arrivals: 40, needed: 2, staffed: 1, short: 1 },
      { prefix: 'B', name: plan.services[1]!.name, arrivals: 10, needed: 1, staffed: 1, short: 0 },
    ]);
  });

  it('gives each counter its seats’ services, morning first, and lists only the counters that change', () => {
    expect([...counterAssignments(plan)]).toEqual([
      [1, { services: ['B'], officers: ['Cán bộ 2'] }],
      [2, { services: ['A', 'B'], officers: ['Cán bộ 1'] }],
    ]);
    const today: Record<number, string[]> = { 1: ['B'], 2: ['C'] };
    expect(assignmentChanges(plan, (n) => today[n] ?? [])).toEqual([
      { counter: 2, officers: ['Cán bộ 1'], from: ['C'], to: ['A', 'B'] },
    ]);
  });
});
