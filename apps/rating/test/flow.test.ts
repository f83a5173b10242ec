import { describe, expect, it } from 'vitest';
import type { RatingConfig } from '@luot/core';
import {
  IDLE,
  isTap,
  ratingChoices,
  step,
  switchedVisit,
  timeoutSeconds,
  visitsToAsk,
  type RatingAction,
  type RatingState,
  type TimedEvent,
} from '../src/flow.js';

const config: RatingConfig = {
  scale: 4,
  timeoutSeconds: 30,
  reasons: [
    { id: 'wait', name: { vi: 'Thời gian chờ lâu', en: 'Long wait' } },
    { id: 'attitude', name: { vi: 'Thái độ cán bộ chưa tốt', en: "Officer's attitude" } },
  ],
};

function run(actions: RatingAction[], from: RatingState = IDLE, cfg = config) {
  let state = from;
  const sent: unknown[] = [];
  for (const a of actions) {
    const r = step(state, a, cfg);
    state = r.state;
    sent.push(...r.submit);
  }
  return { state, sent };
}

describe('rating scale', () => {
  it('has the four default levels, best first, scored 4..1', () => {
    expect(ratingChoices(4).map((c) => [c.score, c.label.vi])).toEqual([
      [4, 'Rất hài lòng'],
      [3, 'Hài lòng'],
      [2, 'Bình thường'],
      [1, 'Không hài lòng'],
    ]);
  });
  it('supports 3 and 5 levels', () => {
    expect(ratingChoices(3).map((c) => c.score)).toEqual([3, 2, 1]);
    expect(ratingChoices(3).map((c) => c.label.vi)).toEqual(['Hài lòng', 'Bình thường', 'Không hài lòng']);
    expect(ratingChoices(5).map((c) => c.score)).toEqual([5, 4, 3, 2, 1]);
    expect(ratingChoices(5)[4]!.label.vi).toBe('Rất không hài lòng');
    for (const scale of [3, 4, 5] as const) {
      expect(ratingChoices(scale).at(-1)!.tone).toBe('worst');
    }
  });
});

describe('rating screen flow', () => {
  it('asks after a finish and stores one tap, when the thank-you screen ends', () => {
    const r = run([
      { type: 'finished', ticketId: 'T1' },
      { type: 'choose', score: 4 },
      { type: 'choose', score: 3 },
    ]);
    expect(r.state).toEqual({ phase: 'thanks', ticketId: 'T1', score: 4, reasons: [] });
    // Nothing sent yet: the choice may still change (a second rating is refused by the hub).
    expect(r.sent).toEqual([]);
    expect(run([{ type: 'done' }], r.state)).toEqual({
      state: IDLE,
      sent: [{ ticketId: 'T1', score: 4, reasons: [] }],
    });
  });

  it('changes the rating until the screen resets: "Đổi đánh giá" on the thanks, "Quay lại" on the reasons', () => {
    const r = run([
      { type: 'finished', ticketId: 'T1' },
      { type: 'choose', score: 1 },
      { type: 'toggleReason', id: 'wait' },
      { type: 'back' },
    ]);
    expect(r).toEqual({ state: { phase: 'asking', ticketId: 'T1' }, sent: [] });
    const changed = run(
      [{ type: 'choose', score: 4 }, { type: 'change' }, { type: 'choose', score: 3 }],
      r.state,
    );
    expect(changed).toEqual({ state: { phase: 'thanks', ticketId: 'T1', score: 3, reasons: [] }, sent: [] });
    expect(run([{ type: 'done' }], changed.state).sent).toEqual([{ ticketId: 'T1', score: 3, reasons: [] }]);
    // The next visit finishing first sends the choice shown.
    expect(run([{ type: 'finished', ticketId: 'T2' }], changed.state).sent).toEqual([
      { ticketId: 'T1', score: 3, reasons: [] },
    ]);
    // Neither button does anything elsewhere.
    expect(run([{ type: 'back' }, { type: 'change' }], { phase: 'asking', ticketId: 'T1' }).state).toEqual({
      phase: 'asking',
      ticketId: 'T1',
    });
  });

  it('asks for reasons on the lowest level and sends them', () => {
    const r = run([
      { type: 'finished', ticketId: 'T1' },
      { type: 'choose', score: 1 },
      { type: 'toggleReason', id: 'wait' },
      { type: 'toggleReason', id: 'attitude' },
      { type: 'toggleReason', id: 'wait' },
    ]);
    expect(r.state).toEqual({ phase: 'reasons', ticketId: 'T1', score: 1, reasons: ['attitude'] });
    expect(r.sent).toEqual([]);
    const s = run([{ type: 'submitReasons' }, { type: 'done' }], r.state);
    expect(s.sent).toEqual([{ ticketId: 'T1', score: 1, reasons: ['attitude'] }]);
    expect(s.state).toEqual(IDLE);
  });

  it('skips reasons when the office configured none', () => {
    const r = run(
      [{ type: 'finished', ticketId: 'T1' }, { type: 'choose', score: 1 }, { type: 'done' }],
      IDLE,
      { ...config, reasons: [] },
    );
    expect(r.sent).toEqual([{ ticketId: 'T1', score: 1, reasons: [] }]);
  });

  it('records "no rating" when nobody answers, and keeps a chosen level when reasons are left', () => {
    expect(run([{ type: 'finished', ticketId: 'T1' }, { type: 'timeout' }])).toEqual({
      state: IDLE,
      sent: [{ ticketId: 'T1', score: null, reasons: [] }],
    });
    expect(
      run([
        { type: 'finished', ticketId: 'T1' },
        { type: 'choose', score: 1 },
        { type: 'toggleReason', id: 'wait' },
        { type: 'timeout' },
      ]),
    ).toEqual({ state: IDLE, sent: [{ ticketId: 'T1', score: 1, reasons: ['wait'] }] });
    expect(run([{ type: 'timeout' }])).toEqual({ state: IDLE, sent: [] });
  });

  it('closes the last visit when the next citizen is finished first, and ignores a repeated finish', () => {
    const r = run([
      { type: 'finished', ticketId: 'T1' },
      { type: 'finished', ticketId: 'T1' },
      { type: 'finished', ticketId: 'T2' },
    ]);
    expect(r.state).toEqual({ phase: 'asking', ticketId: 'T2' });
    expect(r.sent).toEqual([{ ticketId: 'T1', score: null, reasons: [] }]);
    const after = run(
      [
        { type: 'choose', score: 3 },
        { type: 'finished', ticketId: 'T3' },
      ],
      r.state,
    );
    expect(after.sent).toEqual([{ ticketId: 'T2', score: 3, reasons: [] }]);
    expect(after.state).toEqual({ phase: 'asking', ticketId: 'T3' });
  });

  it('ignores taps that do not belong to the screen shown', () => {
    expect(
      run([{ type: 'choose', score: 4 }, { type: 'toggleReason', id: 'wait' }, { type: 'submitReasons' }]),
    ).toEqual({
      state: IDLE,
      sent: [],
    });
  });

  it('takes the timeout from the URL when given (tests), else from the office', () => {
    expect(timeoutSeconds(config, '')).toBe(30);
    expect(timeoutSeconds(config, '?timeout=2')).toBe(2);
    expect(timeoutSeconds(config, '?timeout=abc')).toBe(30);
    expect(timeoutSeconds(config, '?timeout=0')).toBe(30);
  });
});

describe('which visits the rating screen asks about', () => {
  const T0 = 1_000_000;
  const finished = (ticketId: string, at: number, counter = 5): TimedEvent => ({
    at,
    event: { type: 'ticket.finished', ticketId, counter, outcome: { kind: 'received' } },
  });
  const called = (ticketId: string, at: number, counter = 5): TimedEvent => ({
    at,
    event: { type: 'ticket.called', ticketId, counter, officerId: 'cb5', recall: false, priorityInRow: 0 },
  });
  const served = (ticketId: string, at: number): TimedEvent => ({
    at,
    event: { type: 'ticket.serving', ticketId, counter: 5 },
  });

  it('asks about every live finish at this counter, in order', () => {
    const events = [finished('C001', T0), finished('C009', T0, 6), called('C002', T0), finished('C002', T0)];
    expect(visitsToAsk(events, true, 5, T0 + 60_000, 30_000)).toEqual(['C001', 'C002']);
  });

  it('after a reconnect, never asks about a finish followed by a newer call here (the C002 / C003 case)', () => {
    // While the tablet was away: C002 finished, C003 called (and maybe served) at this counter.
    const events = [
      called('C002', T0),
      finished('C002', T0 + 1000),
      called('C003', T0 + 2000),
      served('C003', T0 + 3000),
    ];
    expect(visitsToAsk(events, false, 5, T0 + 5000, 30_000)).toEqual([]);
    // A call at another counter is not a newer citizen here.
    expect(
      visitsToAsk([finished('C002', T0), called('C007', T0 + 1000, 6)], false, 5, T0 + 5000, 30_000),
    ).toEqual(['C002']);
  });

  it('after a reconnect, asks only about the last finish, and only within the timeout', () => {
    const events = [finished('C001', T0), called('C002', T0 + 1000), finished('C002', T0 + 2000)];
    expect(visitsToAsk(events, false, 5, T0 + 12_000, 30_000)).toEqual(['C002']);
    expect(visitsToAsk(events, false, 5, T0 + 32_000, 30_000)).toEqual(['C002']);
    expect(visitsToAsk(events, false, 5, T0 + 32_001, 30_000)).toEqual([]);
    expect(visitsToAsk([called('C004', T0)], false, 5, T0, 30_000)).toEqual([]);
  });

  it('holds taps back only when the question switches from one visit to another', () => {
    const a: RatingState = { phase: 'asking', ticketId: 'A' };
    const b: RatingState = { phase: 'asking', ticketId: 'B' };
    expect(switchedVisit(IDLE, a)).toBe(false); // a first question: nobody was tapping
    expect(switchedVisit(a, b)).toBe(true);
    expect(switchedVisit({ phase: 'reasons', ticketId: 'A', score: 1, reasons: [] }, b)).toBe(true);
    expect(switchedVisit({ phase: 'thanks', ticketId: 'A', score: 4, reasons: [] }, b)).toBe(true);
    expect(switchedVisit(a, a)).toBe(false);
    expect(switchedVisit(a, IDLE)).toBe(false);
    expect(isTap({ type: 'choose', score: 4 })).toBe(true);
    expect(isTap({ type: 'toggleReason', id: 'wait' })).toBe(true);
    expect(isTap({ type: 'submitReasons' })).toBe(true);
    expect(isTap({ type: 'finished', ticketId: 'B' })).toBe(false);
    expect(isTap({ type: 'timeout' })).toBe(false);
  });
});
