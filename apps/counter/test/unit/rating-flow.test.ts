import { describe, expect, it } from 'vitest';
import type { RatingConfig } from '@luot/core';
import {
  IDLE,
  ratingChoices,
  step,
  timeoutSeconds,
  type RatingAction,
  type RatingState,
} from '../../src/rating/flow.js';

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
  it('asks after a finish and stores one tap', () => {
    const r = run([
      { type: 'finished', ticketId: 'T1' },
      { type: 'choose', score: 4 },
      { type: 'choose', score: 3 },
    ]);
    expect(r.state).toEqual({ phase: 'thanks', ticketId: 'T1' });
    expect(r.sent).toEqual([{ ticketId: 'T1', score: 4, reasons: [] }]);
    expect(run([{ type: 'done' }], r.state).state).toEqual(IDLE);
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
    const s = run([{ type: 'submitReasons' }], r.state);
    expect(s.sent).toEqual([{ ticketId: 'T1', score: 1, reasons: ['attitude'] }]);
    expect(s.state.phase).toBe('thanks');
  });

  it('skips reasons when the office configured none', () => {
    const r = run(
      [
        { type: 'finished', ticketId: 'T1' },
        { type: 'choose', score: 1 },
      ],
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
