import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceInfo, Snapshot } from '@luot/protocol';
import { startTestHub, type TestHub } from '@luot/hub/testing';

// LuotClient against a real hub: what every screen relies on besides commands.

let t: TestHub;
afterEach(async () => t?.close());

/** Within a few seconds: this machine's clock runs on between reading the hub's and asking. */
const SLACK_MS = 5000;

describe('the client', () => {
  it('mirrors the day as new objects on each change, sharing what did not change', async () => {
    t = await startTestHub();
    const display = await t.client('test-display-token');
    const kiosk = await t.client('test-kiosk-1-token');
    const seen: Snapshot[] = [];
    display.on('change', (s) => seen.push(s));
    const before = display.snapshot!;
    const { seq } = await kiosk.issue({ service: 'C' });
    const after = await display.waitFor((s) => s.seq >= seq);
    expect(after).not.toBe(before);
    expect(seen.at(-1)).toBe(after);
    expect(before.state.tickets).toEqual({}); // the old copy is as it was
    expect(after.config).toBe(before.config);
    expect(after.state.counters).toBe(before.state.counters);
    expect(after.state).toEqual(t.hub.engine.state);
  });

  it('computes the day the hub computed, through a full hall, admissions and transfers', async () => {
    t = await startTestHub();
    const display = await t.client('test-display-token');
    const boss = await t.supervisor();
    const kiosk = await t.client('test-kiosk-1-token');
    const [c5, c6] = [await t.counter(5), await t.counter(6)];
    await boss.setLevel(4); // a hall of 20: the rest wait outside
    for (let i = 0; i < 26; i++) await kiosk.issue({ service: i % 3 === 0 ? 'E' : 'C' });
    for (let i = 0; i < 4; i++) {
      await c5.callNext();
      await c5.finish({ kind: 'received' }); // lets one in from outside
      await c6.callNext();
      await c6.transfer({ toService: 'C', toCounter: 5 });
    }
    await boss.setCounterClosed(5, true, 'Cán bộ đi họp'); // sends what waited for counter 5 back to its line
    const { seq } = await c6.callNext();
    const s = await display.waitFor((s) => s.seq >= seq);
    expect(s.state).toEqual(t.hub.engine.state);
  });

  it('knows the hub’s time: from the snapshot, then from each live event', async () => {
    t = await startTestHub();
    // The hub's clock (a fake, standing at Monday 9:00) is far from this machine's.
    const display = await t.client('test-display-token');
    expect(Math.abs(display.now() - t.clock.now)).toBeLessThan(SLACK_MS);

    t.clock.advance(90 * 60_000);
    const kiosk = await t.client('test-kiosk-1-token');
    const { seq } = await kiosk.issue({ service: 'C' });
    await display.waitFor((s) => s.seq >= seq);
    expect(Math.abs(display.now() - t.clock.now)).toBeLessThan(SLACK_MS);
  });

  it('says who the device is, and again after each reconnect', async () => {
    t = await startTestHub();
    const rating = await t.client('test-rating-5-token');
    await expect.poll(() => rating.device).toMatchObject({ role: 'rating', counter: 5 });
    const told: DeviceInfo[] = [];
    rating.on('device', (d) => told.push(d));
    await t.restart();
    await expect.poll(() => told).toEqual([rating.device]);
    expect(told[0]).toMatchObject({ id: 'rating-5', role: 'rating', counter: 5 });
  });
});
