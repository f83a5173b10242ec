import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot, StreamEvent } from '@luot/protocol';
import type { AnnouncementRequest } from '../src/call-log.js';
import { DisplayStore, FLASH_MS, type StoreClient } from '../src/display-store.js';
import { Day } from './day.js';

/**
 * A stand-in for LuotClient that delivers events the two ways the real one does: a live 'events' message
 * from the hub (live = true), or a resync after a reconnection (live = false).
 */
class FakeClient implements StoreClient {
  snapshot: Snapshot | null = null;
  private listeners = {
    events: new Set<(e: StreamEvent[], live: boolean) => void>(),
    change: new Set<(s: Snapshot) => void>(),
  };

  on(kind: 'events', fn: (events: StreamEvent[], live: boolean) => void): () => void;
  on(kind: 'change', fn: (snapshot: Snapshot) => void): () => void;
  on(kind: 'events' | 'change', fn: never): () => void {
    const set = this.listeners[kind] as Set<unknown>;
    set.add(fn);
    return () => set.delete(fn);
  }

  /** A fresh snapshot: first load, or a resync after a long disconnection. */
  takeSnapshot(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    for (const fn of this.listeners.change) fn(snapshot);
  }

  /** A live broadcast from the hub (the day has already applied the events). */
  live(events: StreamEvent[]): void {
    this.deliver(events, true);
  }

  /** Events fetched by a resync after a short disconnection. */
  resync(events: StreamEvent[]): void {
    this.deliver([...events], false);
  }

  private deliver(events: StreamEvent[], live: boolean): void {
    if (!this.snapshot) return;
    this.snapshot.seq = Math.max(this.snapshot.seq, ...events.map((e) => e.seq));
    for (const fn of this.listeners.events) fn(events, live);
    for (const fn of this.listeners.change) fn(this.snapshot);
  }
}

function setup(day: Day) {
  const client = new FakeClient();
  const announced: AnnouncementRequest[] = [];
  let now = 1_000_000;
  const store = new DisplayStore(client, { announce: (r) => announced.push(r), now: () => now });
  const stop = store.start();
  client.takeSnapshot(day.snapshot());
  return { client, store, announced, stop, advance: (ms: number) => (now += ms) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('display store: only live events are announced', () => {
  it('announces and flashes a live call', () => {
    vi.useFakeTimers();
    const day = new Day().signIn(5);
    day.issue('C');
    const { client, store, announced } = setup(day);
    client.live(day.callNext(5));
    expect(announced).toEqual([{ kind: 'call', ticketId: '20261130-C001', number: 'C001', counter: 5 }]);
    expect(store.view.log.calls[0]).toMatchObject({ number: 'C001', counter: 5 });
    expect(store.view.flash).toMatchObject({ ticketId: '20261130-C001' });
    vi.advanceTimersByTime(FLASH_MS);
    expect(store.view.flash).toBeNull();
  });

  it('never announces or flashes what a snapshot shows: the latest call comes from the state', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    day.callNext(5);
    const { store, announced } = setup(day);
    expect(announced).toEqual([]);
    expect(store.view.flash).toBeNull();
    expect(store.view.log.calls[0]).toMatchObject({ number: 'C001', counter: 5 });
  });

  it('shows but does not announce calls fetched by a resync, then announces live ones again', () => {
    const day = new Day().signIn(5).signIn(6);
    day.issue('C');
    day.issue('E');
    const { client, store, announced } = setup(day);
    // Disconnected: counter 5 calls meanwhile; the resync brings the event back.
    client.resync(day.callNext(5));
    expect(announced).toEqual([]);
    expect(store.view.flash).toBeNull();
    expect(store.view.log.calls[0]).toMatchObject({ number: 'C001' });
    client.live(day.callNext(6));
    expect(announced).toEqual([{ kind: 'call', ticketId: '20261130-E001', number: 'E001', counter: 6 }]);
  });

  it('a live batch overlapping events already seen announces only the new ones, once', () => {
    const day = new Day().signIn(5).signIn(6);
    day.issue('C');
    day.issue('E');
    const { client, announced } = setup(day);
    const first = day.callNext(5);
    client.resync(first);
    const second = day.callNext(6);
    client.live([...first, ...second]);
    client.live(second);
    expect(announced).toEqual([{ kind: 'call', ticketId: '20261130-E001', number: 'E001', counter: 6 }]);
  });

  it('isDue: a call is due while its ticket is called at that counter', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    const { client, store, announced } = setup(day);
    client.live(day.callNext(5));
    expect(store.isDue(announced[0]!)).toBe(true);
    client.live(day.run({ type: 'startServing', counter: 5 }));
    expect(store.isDue(announced[0]!)).toBe(false);
  });

  it('a recall is announced again', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    const { client, announced } = setup(day);
    client.live(day.callNext(5));
    client.live(day.run({ type: 'recall', counter: 5 }));
    expect(announced.map((a) => a.kind)).toEqual(['call', 'recall']);
  });

  it('a new snapshot (long disconnection) rebuilds the log and stops any flash', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    day.issue('C');
    const { client, store, announced, advance } = setup(day);
    client.live(day.callNext(5));
    day.finish(5);
    day.callNext(5);
    advance(60_000);
    client.takeSnapshot(day.snapshot());
    expect(announced).toHaveLength(1);
    expect(store.view.flash).toBeNull();
    expect(store.view.log.calls.map((c) => c.number)).toEqual(['C002', 'C001']);
    // The screen's clock follows the hub's.
    expect(store.view.clockOffset).toBe(day.now - (1_000_000 + 60_000));
  });

  it('stops listening when stopped', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    const { client, announced, stop } = setup(day);
    stop();
    client.live(day.callNext(5));
    expect(announced).toEqual([]);
  });
});
