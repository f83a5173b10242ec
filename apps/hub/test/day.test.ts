import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { IN_HALL, type Ticket } from '@luot/core';
import { LuotClient, LuotError } from '@luot/client';
import { startTestHub, type TestHub } from '@luot/hub/testing';

let t: TestHub;
afterEach(async () => t?.close());

const SERVICES = ['A', 'B', 'C', 'E', 'G', 'K', 'L', 'M', 'N', 'T', 'S', 'V', 'R', 'H'];

describe('a whole office day over real sockets and a real SQLite file', () => {
  it('16 counters and 2 kiosks serve every ticket once, numbers never repeat, the hall never overflows', async () => {
    t = await startTestHub();
    const display = await t.client('test-display-token');
    const kiosks = [await t.client('test-kiosk-1-token'), await t.client('test-kiosk-2-token')];
    const counters: LuotClient[] = [];
    for (let n = 1; n <= 16; n++) counters.push(await t.counter(n));

    // The display checks the flow limit on every event it receives.
    let maxInside = 0;
    display.on('change', (s) => {
      maxInside = Math.max(maxInside, s.state.lines.occupancy.hall ?? 0);
    });

    const numbers = new Set<string>();
    let issued = 0;
    for (let round = 0; round < 12; round++) {
      // Both kiosks issue at once, then every counter works.
      const batch = await Promise.all(
        SERVICES.flatMap((service, i) => [
          kiosks[i % 2]!.issue({ service, priority: i % 5 === 0 ? 'elderly' : null }),
        ]),
      );
      for (const ack of batch) {
        expect(numbers.has(ack.result.ticket.number)).toBe(false);
        numbers.add(ack.result.ticket.number);
        issued++;
      }
      t.clock.advance(60_000);
      await Promise.all(
        counters.map(async (c) => {
          try {
            await c.callNext();
          } catch (e) {
            expect((e as LuotError).code).toBe('QUEUE_EMPTY');
            return;
          }
          await c.startServing();
          t.clock.advance(1_000);
          await c.finish({ kind: 'received', dossierCode: `HS-${round}` });
        }),
      );
    }
    // Drain what is left.
    for (;;) {
      const results = await Promise.allSettled(
        counters.map(async (c) => {
          await c.callNext();
          await c.finish({ kind: 'guided' });
        }),
      );
      if (results.every((r) => r.status === 'rejected')) break;
    }

    const s = await display.waitFor((s) => Object.values(s.state.tickets).every((x) => x.status === 'done'));
    const tickets = Object.values(s.state.tickets);
    expect(tickets).toHaveLength(issued);
    expect(maxInside).toBeLessThanOrEqual(120);
    expect(new Set(tickets.map((x) => x.number)).size).toBe(issued);
    // Every ticket was called exactly once and served at a counter of its service (or 16 for priority).
    for (const x of tickets) {
      expect(x.callCount).toBe(1);
      const counterCfg = s.config.counters.find((c) => c.number === x.counter)!;
      expect(
        counterCfg.services.includes(x.service) || (x.priority !== null && counterCfg.servesAllPriority),
      ).toBe(true);
    }

    // The database agrees with the screens.
    const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT status, COUNT(*) AS n FROM tickets GROUP BY status').all();
    db.close();
    expect(rows).toEqual([{ status: 'done', n: issued }]);
  }, 30_000); // ~200 tickets over real sockets: bounded, but slow on a busy machine

  it('two counters pressing "call next" at the same instant never get the same ticket', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    for (let i = 0; i < 6; i++) await kiosk.issue({ service: 'A' });
    const [c1, c2, c3] = [await t.counter(1), await t.counter(2), await t.counter(3)];
    for (let round = 0; round < 2; round++) {
      const acks = await Promise.all([c1.callNext(), c2.callNext(), c3.callNext()]);
      const ids = acks.map((a) => (a.result as { ticket: Ticket }).ticket.id);
      expect(new Set(ids).size).toBe(3);
      await Promise.all([c1, c2, c3].map((c) => c.finish({ kind: 'guided' })));
    }
  });

  it('the hall fills, later tickets wait outside, and finishing lets the next one in', async () => {
    t = await startTestHub();
    const boss = await t.supervisor();
    await boss.setLevel(4); // capacity 20, essential services only
    const kiosk = await t.client('test-kiosk-1-token');
    await expect(kiosk.issue({ service: 'A' })).rejects.toMatchObject({ code: 'SERVICE_RESTRICTED' });
    const acks = [];
    for (let i = 0; i < 22; i++) acks.push(await kiosk.issue({ service: 'C' }));
    expect(acks[19]!.result.ticket.status).toBe('waiting');
    expect(acks[20]!.result.ticket.status).toBe('outside');
    expect(acks[20]!.result.entryPlace).toBe(1);
    expect(acks[21]!.result.entryPlace).toBe(2);
    const c5 = await t.counter(5);
    await c5.callNext();
    await c5.sendAndSee('counter.finish', { outcome: { kind: 'returned' } });
    const s = c5.snapshot!;
    expect(s.state.tickets[acks[20]!.result.ticket.id]!.status).toBe('waiting');
    expect(s.state.tickets[acks[21]!.result.ticket.id]!.status).toBe('outside');
    const inside = Object.values(s.state.tickets).filter((x) => IN_HALL.has(x.status)).length;
    expect(inside).toBe(20);
  });
});
