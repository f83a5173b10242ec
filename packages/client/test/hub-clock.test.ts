import { describe, expect, it } from 'vitest';
import { HubClock } from '../src/hub-clock.js';

describe('hub clock', () => {
  it('follows the snapshot and live events, not events replayed after a reconnect', () => {
    const clock = new HubClock();
    const local = 5_000_000;
    clock.observe(9_000_000, local); // the hub is 4 000 s ahead of this PC
    expect(clock.now(local + 1000)).toBe(9_001_000);

    // Back online at local + 600 s: the resync replays events from minutes ago.
    clock.observeEvents([{ at: 9_060_000 }, { at: 9_120_000 }], false, local + 600_000);
    expect(clock.now(local + 600_000)).toBe(9_600_000);

    // A live event is the hub's now.
    clock.observeEvents([{ at: 9_000_000 }, { at: 9_600_500 }], true, local + 600_000);
    expect(clock.now(local + 600_000)).toBe(9_600_500);
    clock.observeEvents([], true, local + 700_000);
    expect(clock.now(local + 700_000)).toBe(9_700_500);
  });
});
