import type { QueueCommand } from '@luot/core';
import { describe, expect, it } from 'vitest';
import { homeView, type HomeOptions } from '../src/kiosk/availability';
import { at, issue, NINE, office, run, snapshot } from './fixtures';

/** An officer signs in at the counter: only staffed counters give a wait. */
const signIn = (counter: number): QueueCommand => ({
  type: 'signIn',
  counter,
  officer: { id: `cb${counter}`, name: `Cán bộ ${counter}`, agency: { vi: 'Một cửa', en: 'One-stop' } },
});

const ONLINE: HomeOptions = { online: true, priority: false, paused: false };
const tileOf = (view: ReturnType<typeof homeView>, prefix: string) =>
  view.tiles.find((t) => t.service.prefix === prefix)!;

describe('homeView', () => {
  it('offers every service during working hours, with nobody waiting', () => {
    const view = homeView(snapshot(), NINE, ONLINE);
    expect(view.tiles).toHaveLength(14);
    expect(view.tiles.every((t) => t.available && t.reason === null)).toBe(true);
    expect(view.notice).toBeNull();
    expect(view.levelNote).toBeNull();
    // Nobody signed in: still issued, but no wait is promised and the tile says why (this used to
    // count the open counters and promise "Dưới 1 phút").
    expect(tileOf(view, 'A')).toMatchObject({
      waiting: 0,
      waitRange: null,
      unstaffed: { expectedAt: '13:00' },
      remaining: null,
    });
  });

  it('counts the people waiting and estimates the wait per service, from the staffed counters', () => {
    const s = run(
      snapshot(),
      signIn(1),
      signIn(2),
      issue('A'),
      issue('A'),
      issue('A'),
      issue('C'),
      signIn(5),
    );
    const view = homeView(s, NINE, ONLINE);
    // A: 3 people shared by the two staffed counters (1, 2), 15 minutes each: 22.5 → 20–25.
    expect(tileOf(view, 'A')).toMatchObject({ waiting: 3, waitRange: [20, 25], unstaffed: null });
    expect(tileOf(view, 'C')).toMatchObject({ waiting: 1, waitRange: [5, 10], unstaffed: null });
    // B: nobody at counter 4, and the afternoon session is the next time officers are due.
    expect(tileOf(view, 'B')).toMatchObject({
      available: true,
      waitRange: null,
      unstaffed: { expectedAt: '13:00' },
    });
    // In the afternoon there is no later session: the plain sentence, with no time.
    expect(tileOf(homeView(s, at(14), ONLINE), 'B').unstaffed).toEqual({ expectedAt: null });
  });

  it('closes every tile while the hub cannot be reached, and has nothing to show without a day', () => {
    const view = homeView(snapshot(), NINE, { ...ONLINE, online: false });
    expect(view.notice).toEqual({ kind: 'offline' });
    expect(view.tiles.every((t) => !t.available && t.reason?.kind === 'offline')).toBe(true);
    expect(homeView(null, NINE, ONLINE)).toMatchObject({ tiles: [], notice: { kind: 'offline' } });
  });

  it('says when issuing opens again outside working sessions', () => {
    expect(homeView(snapshot(), at(7, 30), ONLINE).notice).toEqual({
      kind: 'outside_session',
      reason: 'before_hours',
      opensAt: '08:00',
    });
    expect(homeView(snapshot(), at(12, 15), ONLINE).notice).toEqual({
      kind: 'outside_session',
      reason: 'break',
      opensAt: '13:00',
    });
    expect(homeView(snapshot(), at(17, 5), ONLINE).notice).toMatchObject({
      reason: 'after_hours',
      opensAt: null,
    });
    expect(homeView(snapshot(), at(9, 0, 6), ONLINE).notice).toMatchObject({ reason: 'not_a_working_day' });
    const holiday = snapshot(office((c) => (c.sessions.holidays = ['2026-11-30'])));
    expect(homeView(holiday, NINE, ONLINE).notice).toMatchObject({ reason: 'holiday' });
    expect(tileOf(homeView(snapshot(), at(7, 30), ONLINE), 'A').available).toBe(false);
  });

  it('closes the kiosk when the day is closed or the printer paused it', () => {
    const s = snapshot();
    s.state.closed = true;
    expect(homeView(s, NINE, ONLINE).notice).toEqual({ kind: 'day_closed' });
    expect(homeView(snapshot(), NINE, { ...ONLINE, paused: true }).notice).toEqual({
      kind: 'printer_paused',
    });
  });

  it('keeps only essential services at level 4 and shows the level note', () => {
    const s = run(snapshot(), { type: 'setLevel', level: 4 });
    const view = homeView(s, NINE, ONLINE);
    expect(tileOf(view, 'A').reason).toEqual({ kind: 'restricted', level: 4 });
    expect(tileOf(view, 'C').available).toBe(true);
    expect(view.notice).toBeNull();
    expect(view.levelNote?.vi).toMatch(/^Cấp độ 4: chỉ tiếp nhận thủ tục thiết yếu/);
  });

  it('closes a service whose counters are all closed, unless a priority counter takes it', () => {
    const s = run(snapshot(), { type: 'setLevel', level: 3 }); // closes counters 2, 3 and 14
    // V's only counter is closed by the level: the tile says so.
    expect(tileOf(homeView(s, NINE, ONLINE), 'V').reason).toEqual({ kind: 'restricted', level: 3 });
    expect(tileOf(homeView(s, NINE, ONLINE), 'A').available).toBe(true); // counter 1 still open
    expect(homeView(s, NINE, ONLINE).levelNote?.vi).toMatch(/^Cấp độ 3/);
    // Counter 16 calls every priority ticket.
    expect(tileOf(homeView(s, NINE, { ...ONLINE, priority: true }), 'V').available).toBe(true);

    run(s, { type: 'setCounterClosed', counter: 5, closed: true });
    expect(tileOf(homeView(s, NINE, ONLINE), 'C').reason).toEqual({ kind: 'no_counter' });
  });

  it('stops a service at its daily cap and shows what is left', () => {
    const s = run(
      snapshot(office((c) => (c.services.find((x) => x.prefix === 'C')!.dailyCap = 2))),
      issue('C'),
    );
    expect(tileOf(homeView(s, NINE, ONLINE), 'C')).toMatchObject({ available: true, remaining: 1 });
    run(s, issue('C'));
    expect(tileOf(homeView(s, NINE, ONLINE), 'C')).toMatchObject({
      available: false,
      remaining: 0,
      reason: { kind: 'daily_cap', cap: 2 },
    });
  });

  it('stops a service whose wait runs past the last session', () => {
    const s = run(snapshot(), signIn(5), ...Array.from({ length: 5 }, () => issue('C')));
    // 5 × 8 minutes at one staffed counter = 40 minutes; at 16:30 only 30 minutes of session are left.
    expect(tileOf(homeView(s, at(16, 30), ONLINE), 'C').reason).toEqual({ kind: 'wait_past_closing' });
    expect(tileOf(homeView(s, at(16, 0), ONLINE), 'C').available).toBe(true);
  });

  it('says the hall is full when new tickets would wait outside', () => {
    const s = run(
      snapshot(),
      { type: 'setLevel', level: 4 },
      ...Array.from({ length: 20 }, () => issue('C')),
    );
    expect(homeView(s, NINE, ONLINE).hallFull).toBe(true);
    expect(homeView(run(snapshot(), issue('C')), NINE, ONLINE).hallFull).toBe(false);
  });
});

describe('a service that lost its counter', () => {
  it('is not offered while people wait for it and no counter calls for it, and is offered again after', () => {
    const s = run(
      snapshot(),
      signIn(4),
      issue('B'),
      issue('B'),
      { type: 'callNext', counter: 4 },
      {
        type: 'finish',
        counter: 4,
        outcome: { kind: 'received' },
      },
    );
    expect(tileOf(homeView(s, NINE, ONLINE), 'B')).toMatchObject({ available: true, reason: null });
    run(s, { type: 'pause', counter: 4, reason: 'họp' });
    expect(tileOf(homeView(s, NINE, ONLINE), 'B')).toMatchObject({
      available: false,
      reason: { kind: 'counter_lost' },
    });
    run(s, { type: 'resume', counter: 4 });
    expect(tileOf(homeView(s, NINE, ONLINE), 'B')).toMatchObject({ available: true, reason: null });
  });
});
