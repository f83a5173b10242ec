import { describe, expect, it } from 'vitest';
import { MINUTE, normalizeLines, Office, recountLines, replay, smallConfig } from './helpers.js';

/** Counter 1 (service A) skips the first A ticket while `waiting` more A tickets wait behind it. */
function skipped(waiting: number, change?: Parameters<typeof smallConfig>[0]) {
  const o = new Office(
    smallConfig((c) => {
      // Room in the hall for everyone: this is about the line, not the hall.
      c.zones[0]!.capacity = { 1: 50, 2: 50, 3: 50, 4: 50 };
      change?.(c);
    }),
  );
  o.signIn(1);
  const first = o.issue('A');
  for (let i = 0; i < waiting; i++) o.advance(1).issue('A');
  o.callNext(1);
  o.advance(1).noShow(1);
  return { o, first };
}

const line = (o: Office) => o.state.lines.waiting['A']!.normal.map((id) => o.state.tickets[id]!.number);

describe('reactivate (a no-show back into its line)', () => {
  it('puts the ticket after the next 2 waiting tickets of its line', () => {
    const { o, first } = skipped(4);
    expect(line(o)).toEqual(['A002', 'A003', 'A004', 'A005']);
    o.reactivate(first.id, 1);
    expect(line(o)).toEqual(['A002', 'A003', 'A001', 'A004', 'A005']);
    const t = o.state.tickets[first.id]!;
    expect(t.status).toBe('waiting');
    expect(t.counter).toBeNull();
    expect(t.finishedAt).toBeNull();
    expect(o.last.map((e) => e.event.type)).toEqual(['ticket.reactivated']);
    // Called again in that place.
    expect(o.callNext(1).number).toBe('A002');
    o.finish(1);
    expect(o.callNext(1).number).toBe('A003');
    o.finish(1);
    expect(o.callNext(1).number).toBe('A001');
    expect(normalizeLines(o.state.lines)).toEqual(normalizeLines(recountLines(o.state)));
  });

  it('goes last when fewer than 2 wait, and first with reactivateBehind 0', () => {
    const few = skipped(1);
    few.o.reactivate(few.first.id, 1);
    expect(line(few.o)).toEqual(['A002', 'A001']);
    const none = skipped(0);
    none.o.reactivate(none.first.id);
    expect(line(none.o)).toEqual(['A001']);
    const front = skipped(3, (c) => (c.fairness.reactivateBehind = 0));
    front.o.reactivate(front.first.id);
    expect(line(front.o)).toEqual(['A001', 'A002', 'A003', 'A004']);
  });

  it('keeps exactly N ahead when the tickets around the place were issued in the same millisecond', () => {
    const o = new Office(smallConfig((c) => (c.zones[0]!.capacity = { 1: 50, 2: 50, 3: 50, 4: 50 })));
    o.signIn(1);
    const first = o.issue('A');
    for (let i = 0; i < 4; i++) o.issue('A');
    o.callNext(1);
    o.noShow(1);
    o.reactivate(first.id, 1);
    expect(line(o)).toEqual(['A002', 'A003', 'A001', 'A004', 'A005']);
    // A second reactivation into the same gap still lands after exactly 2.
    o.callNext(1);
    o.finish(1);
    const a003 = o.callNext(1);
    o.noShow(1);
    o.reactivate(a003.id, 1);
    expect(line(o)).toEqual(['A001', 'A004', 'A003', 'A005']);
    expect(normalizeLines(o.state.lines)).toEqual(normalizeLines(recountLines(o.state)));
  });

  it('keeps a priority ticket in the priority line', () => {
    const o = new Office(smallConfig((c) => (c.zones[0]!.capacity = { 1: 50, 2: 50, 3: 50, 4: 50 })));
    o.signIn(1);
    const p = o.issue('A', { priority: 'elderly' });
    o.issue('A');
    o.issue('A', { priority: 'disabled' });
    o.callNext(1);
    o.noShow(1);
    o.reactivate(p.id, 1);
    expect(o.state.lines.waiting['A']!.priority).toEqual([o.ticket('A003').id, p.id]);
  });

  it('refuses a ticket that is not a no-show, another counter, a closed day and a late one', () => {
    const { o, first } = skipped(2);
    const waiting = o.state.lines.waiting['A']!.normal[0]!;
    o.refused({ type: 'reactivate', ticketId: waiting, counter: 1 }, 'TICKET_NOT_NO_SHOW');
    o.refused({ type: 'reactivate', ticketId: 'nope', counter: null }, 'UNKNOWN_TICKET');
    // Only the counter that skipped it (the supervisor sends null).
    o.refused({ type: 'reactivate', ticketId: first.id, counter: 2 }, 'TICKET_NOT_FOR_COUNTER');
    // 120 minutes after the no-show, and no later.
    o.now += 120 * MINUTE + 1;
    o.refused({ type: 'reactivate', ticketId: first.id, counter: 1 }, 'REACTIVATE_TOO_LATE');
    o.now -= 1;
    o.reactivate(first.id, 1);
    o.refused({ type: 'reactivate', ticketId: first.id, counter: 1 }, 'TICKET_NOT_NO_SHOW');

    const closed = skipped(1);
    closed.o.closeDay();
    closed.o.refused({ type: 'reactivate', ticketId: closed.first.id, counter: null }, 'DAY_CLOSED');
  });

  it('is rebuilt by replay, in the same place even though the line changed since', () => {
    const { o, first } = skipped(4);
    o.reactivate(first.id, 1);
    o.callNext(1);
    o.finish(1);
    o.advance(1).issue('A');
    const rebuilt = replay(o.config, o.log);
    expect(rebuilt).toEqual(o.state);
    expect(rebuilt.lines.waiting['A']!.normal.map((id) => id.slice(-4))).toEqual([
      'A003',
      'A001',
      'A004',
      'A005',
      'A006',
    ]);
  });

  it('keeps the hall under its cap: with no room the citizen waits outside, first of those who came later', () => {
    // Hall of 4 at level 1 (smallConfig): the skipped A001 left it; four more fill it, one waits outside.
    const o = new Office(smallConfig());
    o.signIn(1);
    const first = o.issue('A');
    o.callNext(1);
    o.advance(1).noShow(1);
    for (let i = 0; i < 5; i++) o.advance(1).issue('A');
    expect(o.state.lines.occupancy['hall']).toBe(4);
    expect(o.state.lines.outside['hall']!.normal).toHaveLength(1);
    o.reactivate(first.id, 1);
    const t = o.state.tickets[first.id]!;
    expect(t.status).toBe('outside');
    expect(o.state.lines.occupancy['hall']).toBe(4);
    // Entry line by arrival: A001 came before A006, so it goes in first when there is room.
    expect(o.state.lines.outside['hall']!.normal.map((id) => o.state.tickets[id]!.number)).toEqual([
      'A001',
      'A006',
    ]);
    o.callNext(1);
    o.finish(1);
    expect(o.state.tickets[first.id]!.status).toBe('waiting');
    expect(o.state.lines.occupancy['hall']).toBe(4);
    expect(normalizeLines(o.state.lines)).toEqual(normalizeLines(recountLines(o.state)));
    const rebuilt = replay(o.config, o.log);
    expect(rebuilt.tickets[first.id]).toEqual(o.state.tickets[first.id]);
  });
});

describe('a reactivated ticket outside, and the next ticket issued', () => {
  it('the next ticket comes after it in the entry line, and nobody who fits waits outside', () => {
    // Found by the property tests: put back at the end of its line, a ticket took the key one past
    // the last ticket's — the very key the next ticket issued got too. On a tie the id decides, so a
    // new A ticket went ahead of a reactivated B ticket in the entry line; it had been sent outside
    // because a priority ticket waited there, and at the head, with room inside, nobody let it in.
    const o = new Office(smallConfig((c) => (c.zones[0]!.capacity = { 1: 3, 2: 3, 3: 3, 4: 3 })));
    o.signIn(3);
    const skippedB = o.issue('B', { priority: 'elderly', party: 2 });
    o.callNext(3);
    o.advance(1).noShow(3);
    o.signOut(3);
    o.issue('A'); // a normal ticket, inside (1 of 3)
    const lastB = o.issue('B', { priority: 'elderly' }); // the last of B's priority line (2 of 3)
    o.reactivate(skippedB.id); // behind lastB: its party of 2 does not fit, it waits outside
    expect(o.state.tickets[skippedB.id]!.status).toBe('outside');
    expect(o.state.tickets[skippedB.id]!.order).toBeGreaterThan(lastB.order);
    const next = o.issue('A', { priority: 'elderly' });
    expect(next.order).toBeGreaterThan(o.state.tickets[skippedB.id]!.order);
    expect(next.status).toBe('outside');
    expect(o.state.lines.outside['hall']!.priority).toEqual([skippedB.id, next.id]);
    expect(normalizeLines(o.state.lines)).toEqual(normalizeLines(recountLines(o.state)));
    expect(replay(o.config, o.log)).toEqual(o.state);
  });
});
