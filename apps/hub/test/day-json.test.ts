import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@luot/hub/testing';

// The whole-day snapshot is built from a JSON copy kept per ticket (engine/day-json.ts): after any
// command it must still be exactly the day, including tickets no event names.

let t: TestHub;
afterEach(async () => t?.close());

/** The day as `JSON.stringify` gives it, without the answer's own `serverTime`. */
function expected(t: TestHub): unknown {
  const { serverTime: _, ...day } = t.hub.engine.snapshot();
  return JSON.parse(JSON.stringify(day));
}

describe('the snapshot JSON kept per ticket', () => {
  it('is the day after every step: issues, calls, admissions, transfers, a closed counter', async () => {
    t = await startTestHub();
    const engine = t.hub.engine;
    const check = () => expect(JSON.parse(engine.dayAsJson())).toEqual(expected(t));
    check();
    const boss = await t.supervisor();
    const kiosk = await t.client('test-kiosk-1-token');
    const [c5, c6] = [await t.counter(5), await t.counter(6)];
    await boss.setLevel(4); // a hall of 20: the rest wait outside
    check();
    for (let i = 0; i < 26; i++) {
      await kiosk.issue({ service: i % 3 === 0 ? 'E' : 'C' });
      if (i % 5 === 0) check();
    }
    for (let i = 0; i < 4; i++) {
      await c5.callNext();
      await c5.finish({ kind: 'received' }); // lets one in from outside
      check();
      await c6.callNext();
      await c6.transfer({ toService: 'C', toCounter: 5 });
      check();
    }
    const waitingFor5 = Object.values(engine.state.tickets).filter((x) => x.targetCounter === 5);
    expect(waitingFor5.length).toBeGreaterThan(0);
    // Sends what waited for counter 5 back to its line: the event names the counter, not the tickets.
    await boss.setCounterClosed(5, true, 'Cán bộ đi họp');
    expect(waitingFor5.every((x) => engine.state.tickets[x.id]!.targetCounter === null)).toBe(true);
    check();
  });

  it('is what a device receives, and starts again from the log after a restart', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    for (let i = 0; i < 5; i++) await kiosk.issue({ service: 'C' });
    expect(JSON.parse(t.hub.engine.dayAsJson())).toEqual(expected(t));
    await t.restart(); // a new engine rebuilds the day from the log: nothing cached survives
    const again = await t.client('test-kiosk-1-token');
    const { seq } = await again.issue({ service: 'E' });
    expect(JSON.parse(t.hub.engine.dayAsJson())).toEqual(expected(t));
    const display = await t.client('test-display-token'); // decodes the gzip'd snapshot
    const seen = await display.waitFor((s) => s.seq >= seq);
    expect(seen.state).toEqual(t.hub.engine.state);
  });
});
