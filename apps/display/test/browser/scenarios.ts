/**
 * Halls to photograph: the days the screenshots show, built through the hub like a real office.
 */
import type { LuotClient } from '@luot/client';
import type { TestHub } from '@luot/hub/testing';
import { issue, RECEIVED } from './helpers.js';

/** Let the hub's clock move on, as it would between two things done at a counter. */
function later(t: TestHub, seconds = 40): void {
  t.clock.advance(seconds * 1000);
}

/** Level 2, fifteen counters at work (one officer not in yet, one on a break), a long history. */
export async function busyHall(t: TestHub): Promise<void> {
  const boss = await t.supervisor();
  await boss.setLevel(2);
  const kiosk = await t.client('test-kiosk-1-token');
  const waiting: Record<string, number> = {
    A: 12,
    B: 4,
    C: 7,
    E: 5,
    G: 3,
    K: 3,
    L: 4,
    M: 2,
    N: 2,
    T: 5,
    S: 6,
    V: 1,
    R: 3,
    H: 2,
  };
  for (const [service, n] of Object.entries(waiting)) await issue(kiosk, service, n);
  await kiosk.issue({ service: 'C', priority: 'elderly' });
  const counters: LuotClient[] = [];
  for (let n = 1; n <= 16; n++) if (n !== 14) counters.push(await t.counter(n));
  // A first round, finished at some counters and called again, so the history is full.
  for (const c of counters) {
    if (c === counters[8]) continue;
    later(t);
    await c.callNext();
  }
  for (const i of [0, 3, 4, 5, 11]) {
    const c = counters[i]!;
    later(t, 90);
    await c.finish(RECEIVED);
    await c.callNext();
  }
  for (const i of [1, 2, 6, 7, 10, 12]) await counters[i]!.startServing();
  await counters[8]!.pause('Họp giao ban');
  await boss.waitFor((s) => s.state.counters[9]?.status === 'paused');
}

/** Level 4: twenty in the hall, more outside, four just let in. */
export async function fullHall(t: TestHub): Promise<void> {
  const boss = await t.supervisor();
  await boss.setLevel(4);
  const kiosk = await t.client('test-kiosk-1-token');
  later(t);
  await issue(kiosk, 'C', 8);
  await issue(kiosk, 'E', 5);
  await issue(kiosk, 'S', 4);
  await issue(kiosk, 'L', 3);
  await issue(kiosk, 'C', 5);
  await issue(kiosk, 'H', 2);
  for (const n of [1, 4, 8, 12]) await t.counter(n);
  const open: LuotClient[] = [];
  for (const n of [5, 6, 9, 13, 15, 16]) open.push(await t.counter(n));
  for (const c of open.slice(0, 4)) {
    later(t);
    await c.callNext();
  }
  later(t, 300);
  for (const c of open.slice(0, 4)) {
    await c.finish(RECEIVED);
    later(t);
  }
  await open[0]!.callNext();
  await boss.waitFor((s) => Object.values(s.state.tickets).filter((x) => x.status === 'outside').length > 0);
}

/** Start of the day: officers signing in, nobody called yet. */
export async function quietHall(t: TestHub): Promise<void> {
  for (const n of [1, 2, 4, 5, 6, 9, 12, 13, 15, 16]) await t.counter(n);
  const kiosk = await t.client('test-kiosk-1-token');
  await issue(kiosk, 'A', 1);
}
