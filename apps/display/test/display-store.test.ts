import { afterEach, describe, expect, it, vi } from 'vitest';
import { Mirror } from '@luot/client';
import type { Snapshot, StreamEvent } from '@luot/protocol';
import { pendingEntries, type AnnouncementRequest } from '../src/call-log.js';
import { DisplayStore, FLASH_MS, type StoreClient } from '../src/display-store.js';
import { Day } from '@luot/core/testing';

/**
 * A stand-in for LuotClient that delivers events the two ways the real one does: a live 'events' message
 * from the hub (live = true), or a resync after a reconnection (live = false). Like the real one, it keeps
 * its own copy of the day (a snapshot plus the events applied with the core's code), not the test's.
 */
class FakeClient implements StoreClient {
  private readonly mirror = new Mirror();
  private listeners = {
    events: new Set<(e: StreamEvent[], live: boolean) => void>(),
    snapshot: new Set<(s: Snapshot) => void>(),
    change: new Set<(s: Snapshot) => void>(),
  };

  on(kind: 'events', fn: (events: StreamEvent[], live: boolean) => void): () => void;
  on(kind: 'snapshot' | 'change', fn: (snapshot: Snapshot) => void): () => void;
  on(kind: 'events' | 'snapshot' | 'change', fn: never): () => void {
    const set = this.listeners[kind] as Set<unknown>;
    set.add(fn);
    return () => set.delete(fn);
  }

  get snapshot(): Snapshot | null {
    return this.mirror.current;
  }

  /** A fresh snapshot (a copy, as if it came over the network): first load, or a long disconnection. */
  takeSnapshot(snapshot: Snapshot): void {
    this.mirror.reset(structuredClone(snapshot));
    for (const fn of this.listeners.snapshot) fn(this.mirror.current!);
    for (const fn of this.listeners.change) fn(this.mirror.current!);
  }

  /** A live broadcast from the hub (the day has already applied the events). */
  live(events: StreamEvent[]): void {
    this.deliver(events, true);
  }

  /** Events fetched by a resync after a short disconnection. */
  resync(events: StreamEvent[]): void {
    this.deliver([...events], false);
  }

  /** Delivered even when nothing in it is new (the real client would not): the store must cope. */
  private deliver(events: StreamEvent[], live: boolean): void {
    if (!this.snapshot) return;
    if (this.mirror.apply(events) === 'gap') throw new Error('the test skipped events');
    for (const fn of this.listeners.events) fn(events, live);
    for (const fn of this.listeners.change) fn(this.snapshot);
  }
}

function setup(day: Day) {
  const client = new FakeClient();
  const announced: AnnouncementRequest[] = [];
  const store = new DisplayStore(client, { announce: (r) => announced.push(r) });
  const stop = store.start();
  client.takeSnapshot(day.snapshot());
  return { client, store, announced, stop };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('display store: only live events are announced', () => {
  it('announces and flashes a live call', () => {
    vi.useFakeTimers();
    const day = new Day({ step: 30_000 }).signIn(5);
    day.issue('C');
    const { client, store, announced } = setup(day);
    client.live(day.run({ type: 'callNext', counter: 5 }));
    expect(announced).toEqual([{ kind: 'call', ticketId: '20261130-C001', number: 'C001', counter: 5 }]);
    expect(store.view.board.latest).toMatchObject({ number: 'C001', counter: 5 });
    expect(store.view.flash).toMatchObject({ ticketId: '20261130-C001' });
    vi.advanceTimersByTime(FLASH_MS);
    expect(store.view.flash).toBeNull();
  });

  it('flashes the entry calls when a ticket is let into the hall live, not when a snapshot shows it', () => {
    vi.useFakeTimers();
    const day = new Day({ step: 30_000 }).signIn(5);
    day.setLevel(4); // room for 20: C021 waits outside
    for (let i = 0; i < 21; i++) day.issue('C');
    day.callNext(5);
    const { client, store } = setup(day);
    expect(store.view.entryFlash).toBeNull();
    client.live(day.finish(5).last); // C001 leaves: C021 is let in
    expect(pendingEntries(store.view.log, client.snapshot!.state, 4).map((e) => e.number)).toEqual(['C021']);
    expect(store.view.entryFlash).toEqual(expect.any(Number));
    vi.advanceTimersByTime(FLASH_MS);
    expect(store.view.entryFlash).toBeNull();
    // A display switched on now shows the entry call, still, without flashing it.
    const late = setup(day);
    expect(pendingEntries(late.store.view.log, late.client.snapshot!.state, 4)).toHaveLength(1);
    expect(late.store.view.entryFlash).toBeNull();
  });

  it('never announces or flashes what a snapshot shows: the latest call comes from the state', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    day.issue('C');
    day.callNext(5);
    const { store, announced } = setup(day);
    expect(announced).toEqual([]);
    expect(store.view.flash).toBeNull();
    expect(store.view.board.latest).toMatchObject({ number: 'C001', counter: 5 });
  });

  it('shows but does not announce calls fetched by a resync, then announces live ones again', () => {
    const day = new Day({ step: 30_000 }).signIn(5).signIn(6);
    day.issue('C');
    day.issue('E');
    const { client, store, announced } = setup(day);
    // Disconnected: counter 5 calls meanwhile; the resync brings the event back.
    client.resync(day.run({ type: 'callNext', counter: 5 }));
    expect(announced).toEqual([]);
    expect(store.view.flash).toBeNull();
    expect(store.view.board.latest).toMatchObject({ number: 'C001' });
    client.live(day.run({ type: 'callNext', counter: 6 }));
    expect(announced).toEqual([{ kind: 'call', ticketId: '20261130-E001', number: 'E001', counter: 6 }]);
  });

  it('a live batch overlapping events already seen announces only the new ones, once', () => {
    const day = new Day({ step: 30_000 }).signIn(5).signIn(6);
    day.issue('C');
    day.issue('E');
    const { client, announced } = setup(day);
    const first = day.run({ type: 'callNext', counter: 5 });
    client.resync(first);
    const second = day.run({ type: 'callNext', counter: 6 });
    client.live([...first, ...second]);
    client.live(second);
    expect(announced).toEqual([{ kind: 'call', ticketId: '20261130-E001', number: 'E001', counter: 6 }]);
  });

  it('isDue: a call is due while its ticket is called at that counter', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    day.issue('C');
    const { client, store, announced } = setup(day);
    client.live(day.run({ type: 'callNext', counter: 5 }));
    expect(store.isDue(announced[0]!)).toBe(true);
    client.live(day.run({ type: 'startServing', counter: 5 }));
    expect(store.isDue(announced[0]!)).toBe(false);
  });

  it('a recall is announced again', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    day.issue('C');
    const { client, announced } = setup(day);
    client.live(day.run({ type: 'callNext', counter: 5 }));
    client.live(day.run({ type: 'recall', counter: 5 }));
    expect(announced.map((a) => a.kind)).toEqual(['call', 'recall']);
  });

  it('a new snapshot (long disconnection) rebuilds the log and stops any flash', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    day.issue('C');
    day.issue('C');
    const { client, store, announced } = setup(day);
    client.live(day.run({ type: 'callNext', counter: 5 }));
    day.finish(5);
    day.callNext(5);
    client.takeSnapshot(day.snapshot());
    expect(announced).toHaveLength(1);
    expect(store.view.flash).toBeNull();
    expect(store.view.board.latest).toMatchObject({ number: 'C002' });
    expect(store.view.board.history.map((c) => c.number)).toEqual(['C001']);
    // (The screen's clock follows the hub's through the client: apps/hub/test/client.test.ts.)
  });

  it('stops listening when stopped', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    day.issue('C');
    const { client, announced, stop } = setup(day);
    stop();
    client.live(day.run({ type: 'callNext', counter: 5 }));
    expect(announced).toEqual([]);
  });
});

describe('display store: the latest call is a call still in force', () => {
  it('after a no-show the panel falls back to the call still in force, without flashing it', () => {
    vi.useFakeTimers();
    const day = new Day({ step: 30_000 }).signIn(4).signIn(5);
    day.issue('B');
    day.issue('C');
    const { client, store } = setup(day);
    client.live(day.run({ type: 'callNext', counter: 4 }));
    vi.advanceTimersByTime(FLASH_MS);
    client.live(day.run({ type: 'callNext', counter: 5 }));
    expect(store.view.flash).toMatchObject({ ticketId: '20261130-C001' });
    client.live(day.run({ type: 'noShow', counter: 5 }));
    expect(store.view.board.latest).toMatchObject({ number: 'B001', counter: 4 });
    expect(store.view.board.history).toEqual([]);
    // The flash was C001's: the fallback does not take it over.
    expect(store.view.flash?.ticketId).not.toBe('20261130-B001');
  });

  it('a live recall flashes again, tagged; the tag goes when the citizen comes or is finished', () => {
    vi.useFakeTimers();
    const day = new Day({ step: 30_000 }).signIn(5);
    day.issue('C');
    const { client, store } = setup(day);
    client.live(day.run({ type: 'callNext', counter: 5 }));
    const first = store.view.flash!.seq;
    client.live(day.run({ type: 'recall', counter: 5 }));
    expect(store.view.flash!.seq).toBeGreaterThan(first);
    expect(store.view.board.latest).toMatchObject({ number: 'C001', recall: true });
    client.live(day.finish(5).last);
    expect(store.view.board.latest).toBeNull();
    expect(store.view.board.history).toMatchObject([{ number: 'C001', recall: false }]);
  });
});

describe('a display opened late shows what one that ran all day shows', () => {
  /** Two displays: one from the start of the day on live events, one opened from a snapshot at the end. */
  function compare(day: Day, script: Array<() => StreamEvent[]>) {
    const allDay = setup(day);
    for (const step of script) {
      allDay.client.live(step());
      const late = setup(day);
      const view = (s: DisplayStore) => ({
        board: s.view.board,
        entries: pendingEntries(s.view.log, day.state, 4).map((e) => e.number),
      });
      expect(view(late.store)).toEqual(view(allDay.store));
      late.stop();
    }
    return allDay.store.view.board;
  }

  it("the tester's day: calls, a recall, a no-show, transfers away and back, a finish", () => {
    const day = new Day({ step: 30_000 }).signIn(1).signIn(5).signIn(6).signIn(12);
    for (let i = 0; i < 5; i++) day.issue('C');
    day.issue('A');
    const board = compare(day, [
      () => day.run({ type: 'callNext', counter: 5 }), // C001
      () => day.run({ type: 'startServing', counter: 5 }),
      () => day.run({ type: 'transfer', counter: 5, toService: null, toCounter: 12, note: null }),
      () => day.run({ type: 'callNext', counter: 5 }), // C002
      () => day.run({ type: 'recall', counter: 5 }),
      () => day.run({ type: 'noShow', counter: 5 }),
      () => day.run({ type: 'callNext', counter: 12 }), // C001 again, at 12
      () => day.run({ type: 'callNext', counter: 5 }), // C003
      () => day.run({ type: 'transfer', counter: 5, toService: 'E', toCounter: null, note: null }),
      () => day.run({ type: 'callNext', counter: 1 }), // A001
      () => day.run({ type: 'callNext', counter: 5 }), // C004
      () => day.run({ type: 'recall', counter: 5 }),
      () => day.finish(5).last,
      () => day.run({ type: 'callNext', counter: 5 }), // C005
      () => day.run({ type: 'transfer', counter: 5, toService: null, toCounter: 6, note: null }),
      () => day.finish(12).last,
      () => day.run({ type: 'callNext', counter: 6 }), // C005: sent to counter 6 by name, it comes before C003 (sent to E's line)
      () => day.run({ type: 'cancel', ticketId: '20261130-A001', reason: 'left' }),
    ]);
    expect(board.latest).toMatchObject({ number: 'C005', counter: 6, recall: false });
    // C004 was recalled after C001 was called at counter 12; C002 (no-show) and A001 (cancelled) are gone.
    expect(board.history.map((c) => [c.number, c.counter])).toEqual([
      ['C004', 5],
      ['C001', 12],
    ]);
  });

  it('a full hall at level 4: entry calls, counters closed by the level and the supervisor', () => {
    const day = new Day({ step: 30_000 }).signIn(2).signIn(5).signIn(6).signIn(13);
    day.setLevel(3);
    for (const s of ['C', 'C', 'E', 'S', 'C', 'A']) day.issue(s);
    compare(day, [
      () => day.run({ type: 'callNext', counter: 5 }),
      () => day.run({ type: 'callNext', counter: 6 }),
      () => day.run({ type: 'callNext', counter: 13 }),
      () => day.setLevel(4).last, // capacity 20
      ...Array.from({ length: 17 }, () => () => day.run(issueC)),
      () => day.finish(5).last, // lets one in
      () => day.finish(6).last,
      () => day.run({ type: 'callNext', counter: 5 }),
      () => day.run({ type: 'setCounterClosed', counter: 5, closed: true }),
      () => day.run({ type: 'recall', counter: 13 }),
      () => day.setLevel(2).last,
      () => day.run({ type: 'callNext', counter: 2 }),
      () => day.run({ type: 'noShow', counter: 13 }),
    ]);
  });
});

const issueC = { type: 'issue', service: 'C', priority: null, party: 1, kioskId: 'kiosk-1' } as const;
