import { describe, expect, it } from 'vitest';
import { MONDAY } from '@luot/core/testing';
import { HubEventSchema, UplinkFromHubSchema } from '@luot/protocol';
import { simulateDay } from '@luot/sim';
import { config } from './helpers.js';

describe('the uplink schemas', () => {
  it("take every event of simulated days exactly as the hub's types make them", () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3]) {
      for (const { event } of simulateDay(config, { seed, date: MONDAY }).events) {
        seen.add(event.type);
        // Through JSON as on the wire; parsed back equal: no field refused, none dropped.
        const wire = JSON.parse(JSON.stringify(event)) as unknown;
        expect(HubEventSchema.parse(wire)).toEqual(wire);
      }
    }
    expect(seen.size).toBeGreaterThan(8);
  });

  it("keep a field a newer hub adds (the raw log is the hub's), and refuse a wrong one", () => {
    const e = { type: 'ticket.admitted', ticketId: '20261130-A001', via: 'gate-2' };
    expect(HubEventSchema.parse(e)).toEqual(e);
    expect(HubEventSchema.safeParse({ type: 'ticket.admitted', ticketId: 7 }).success).toBe(false);
    expect(HubEventSchema.safeParse({ type: 'ticket.teleported', ticketId: 'x' }).success).toBe(false);
  });

  it('refuse a batch whose seqs are not consecutive from fromSeq, or too large', () => {
    const ev = (seq: number) => ({ seq, at: 1, event: { type: 'day.closed', day: MONDAY } });
    expect(UplinkFromHubSchema.safeParse({ type: 'batch', fromSeq: 5, events: [ev(5), ev(6)] }).success).toBe(
      true,
    );
    expect(UplinkFromHubSchema.safeParse({ type: 'batch', fromSeq: 5, events: [ev(5), ev(7)] }).success).toBe(
      false,
    );
    expect(UplinkFromHubSchema.safeParse({ type: 'batch', fromSeq: 4, events: [ev(5)] }).success).toBe(false);
    const big = Array.from({ length: 1001 }, (_, i) => ev(i + 1));
    expect(UplinkFromHubSchema.safeParse({ type: 'batch', fromSeq: 1, events: big }).success).toBe(false);
  });
});
