import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '@luot/core';
import type { LuotClient } from '@luot/client';
import { DaySimulator, runLive, simulateDay, type LiveHub, type ProfileOptions } from '@luot/sim';
import { FakeClock, MONDAY_9AM, startTestHub, testConfig, type TestHub } from '@luot/hub/testing';

let t: TestHub;
afterEach(async () => t?.close());

const config = testConfig();
const date = '2026-11-30';
/** A short day (about 40 citizens) with every kind of visit in it. */
const profile: ProfileOptions = { tickets: 40, noShow: 0.1, late: 0.1, transfer: 0.15 };

/** The test hub's devices, connected when first needed, and its clock set to the simulation's. */
function liveHub(t: TestHub, clock: FakeClock): LiveHub {
  const devices = new Map<string, Promise<LuotClient>>();
  let signedIn: Promise<LuotClient> | null = null;
  const device = (token: string) => {
    let d = devices.get(token);
    if (!d) devices.set(token, (d = t.client(token)));
    return d;
  };
  return {
    kiosk: (id) => device(`test-${id}-token`),
    counter: (n) => device(`test-counter-${n}-token`),
    rating: (n) => device(`test-rating-${n}-token`),
    supervisor: () => (signedIn ??= t.supervisor()),
    pin: () => '1234',
    until: async (at) => {
      clock.now = at;
    },
  };
}

/** What a ticket went through, as both days record it. */
const story = (t: Ticket) => ({
  number: t.number,
  issuedService: t.issuedService,
  service: t.service,
  priority: t.priority,
  party: t.party,
  kioskId: t.kioskId,
  status: t.status,
  counter: t.counter,
  officerId: t.officerId,
  callCount: t.callCount,
  transfers: t.transfers,
  outcome: t.outcome,
  rating: t.rating,
  issuedAt: t.issuedAt,
  calledAt: t.calledAt,
  servingAt: t.servingAt,
  finishedAt: t.finishedAt,
});

describe('a simulated day against a real hub', () => {
  it('ends as the same day simulated in memory: same tickets, same visits, same times', async () => {
    const seed = 2026;
    // The hub's clock follows the simulation's virtual time, from before the first officer signs in.
    const clock = new FakeClock(MONDAY_9AM - 2 * 3_600_000);
    t = await startTestHub({ config, clock });
    const sim = new DaySimulator(config.office, { seed, date, profile });
    await runLive(sim, liveHub(t, clock));

    const expected = simulateDay(config.office, { seed, date, profile });
    const supervisor = await t.supervisor();
    const hubDay = (await supervisor.waitFor((s) => s.state.closed)).state;
    const tickets = Object.values(hubDay.tickets).sort((a, b) => a.order - b.order);

    expect(tickets.length).toBeGreaterThan(25);
    expect(tickets.map(story)).toEqual(expected.tickets.map(story));
    expect(sim.stats).toEqual(expected.stats);
    // The day had every kind of visit in it.
    const statuses = new Set(tickets.map((t) => t.status));
    expect(statuses).toContain('done');
    expect(statuses).toContain('no_show');
    expect(tickets.some((t) => t.transfers > 0)).toBe(true);
    expect(tickets.some((t) => typeof t.rating === 'number')).toBe(true);
  }, 60_000);
});
