import { applyEvent, createDay } from '@luot/core';
import { quocOai } from '@luot/core/testing';
import { Mirror } from '@luot/client';
import { simulateDay } from '@luot/sim';
import { summary } from './stats.js';

/**
 * What a screen pays for its immutable copy of the day: each event of a busy simulated day applied
 * through the client's mirror (immer: new objects along the changed paths), beside the same events
 * applied in place by the core, as the hub does (the substrate). Times are per event, over the last
 * 1,000 events of the day, when the copy is largest.
 */
export function benchMirror(tickets = 2000) {
  const config = quocOai((c) => (c.sessions.alwaysOpen = true));
  const { events } = simulateDay(config, { seed: 7, date: '2026-11-30', profile: { tickets } as never });
  const fresh = () => ({
    seq: 0,
    serverTime: 0,
    config,
    state: createDay(config, '2026-11-30'),
    printers: {},
  });

  const inPlace: number[] = [];
  const state = createDay(config, '2026-11-30');
  for (const e of events) {
    const t0 = performance.now();
    applyEvent(state, e.event, e.at, config);
    inPlace.push(performance.now() - t0);
  }
  const mirror = new Mirror();
  mirror.reset(fresh());
  const immutable: number[] = [];
  for (const e of events) {
    const t0 = performance.now();
    mirror.apply([e]);
    immutable.push(performance.now() - t0);
  }
  return {
    day: { events: events.length, tickets: Object.keys(state.tickets).length },
    substrateInPlaceMs: summary(inPlace.slice(-1000)),
    mirrorApplyMs: summary(immutable.slice(-1000)),
  };
}
