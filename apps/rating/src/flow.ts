import type { RatingConfig, Text } from '@luot/core';
import { ratingLevels, type StreamEvent } from '@luot/protocol';

/**
 * The citizen's rating screen as a small state machine, kept pure so every path (a tap, reasons
 * on the lowest level, a timeout, the next citizen arriving first) is tested without a browser.
 * `step` returns the next state and, when a rating must be stored, what to send to the hub.
 *
 * A choice can be changed until the screen resets: the hub stores one rating per visit and
 * refuses a second (ALREADY_RATED), so nothing is sent on the tap. The choice is sent when the
 * thank-you screen ends, when the next visit at the counter finishes first, or on timeout.
 */
export type Tone = 'best' | 'good' | 'neutral' | 'poor' | 'worst';

export interface RatingChoice {
  score: number;
  label: Text;
  tone: Tone;
}

/** The screen's colour for each level, best first (as many as the scale has). */
const TONES: Record<3 | 4 | 5, Tone[]> = {
  3: ['best', 'neutral', 'worst'],
  4: ['best', 'good', 'neutral', 'worst'],
  5: ['best', 'good', 'neutral', 'poor', 'worst'],
};

/**
 * The choices of a 3-, 4- or 5-level scale, best first; the score is the level (highest = best).
 * The words are the protocol's (`ratingLevels`), the same the reports and their exports use.
 */
export function ratingChoices(scale: 3 | 4 | 5): RatingChoice[] {
  return ratingLevels(scale)
    .reverse()
    .map((level, i) => ({ score: level.score, label: level.label, tone: TONES[scale][i]! }));
}

export type RatingState =
  | { phase: 'idle' }
  | { phase: 'asking'; ticketId: string }
  | { phase: 'reasons'; ticketId: string; score: number; reasons: string[] }
  /** The choice shown thanked for; sent to the hub when this screen ends (it may still change). */
  | { phase: 'thanks'; ticketId: string; score: number; reasons: string[] };

export type RatingAction =
  /** A visit at this counter finished ('ticket.finished'). */
  | { type: 'finished'; ticketId: string }
  | { type: 'choose'; score: number }
  | { type: 'toggleReason'; id: string }
  | { type: 'submitReasons' }
  /** "Quay lại" on the reasons screen: back to the levels, nothing chosen. */
  | { type: 'back' }
  /** "Đổi đánh giá" on the thank-you screen: choose again. */
  | { type: 'change' }
  /** The citizen did not answer within the timeout. */
  | { type: 'timeout' }
  /** The thank-you has been shown long enough. */
  | { type: 'done' };

export interface Submission {
  ticketId: string;
  score: number | null;
  reasons: string[];
}

export interface Step {
  state: RatingState;
  /** Ratings to store, in order. */
  submit: Submission[];
}

export const IDLE: RatingState = { phase: 'idle' };

export function step(state: RatingState, action: RatingAction, config: RatingConfig): Step {
  const none = (s: RatingState): Step => ({ state: s, submit: [] });
  switch (action.type) {
    case 'finished': {
      if ('ticketId' in state && state.ticketId === action.ticketId) return none(state);
      // The officer finished the next citizen before the last one answered: the last visit keeps
      // whatever was chosen, or "no rating".
      const pending = unanswered(state);
      return { state: { phase: 'asking', ticketId: action.ticketId }, submit: pending ? [pending] : [] };
    }
    case 'choose': {
      if (state.phase !== 'asking') return none(state);
      const lowest = action.score === 1 && config.reasons.length > 0;
      if (lowest) return none({ phase: 'reasons', ticketId: state.ticketId, score: 1, reasons: [] });
      return none({ phase: 'thanks', ticketId: state.ticketId, score: action.score, reasons: [] });
    }
    case 'back':
      if (state.phase !== 'reasons') return none(state);
      return none({ phase: 'asking', ticketId: state.ticketId });
    case 'change':
      if (state.phase !== 'thanks') return none(state);
      return none({ phase: 'asking', ticketId: state.ticketId });
    case 'toggleReason': {
      if (state.phase !== 'reasons') return none(state);
      const reasons = state.reasons.includes(action.id)
        ? state.reasons.filter((r) => r !== action.id)
        : [...state.reasons, action.id];
      return none({ ...state, reasons });
    }
    case 'submitReasons':
      if (state.phase !== 'reasons') return none(state);
      return none({ phase: 'thanks', ticketId: state.ticketId, score: state.score, reasons: state.reasons });
    case 'timeout': {
      const pending = unanswered(state);
      return { state: IDLE, submit: pending ? [pending] : [] };
    }
    case 'done': {
      if (state.phase !== 'thanks') return none(state);
      return { state: IDLE, submit: [unanswered(state)!] };
    }
  }
}

/** What to store for a visit when its screen ends: the score chosen so far, or none. */
function unanswered(state: RatingState): Submission | null {
  if (state.phase === 'asking') return { ticketId: state.ticketId, score: null, reasons: [] };
  return state.phase === 'idle'
    ? null
    : { ticketId: state.ticketId, score: state.score, reasons: state.reasons };
}

/** Seconds before an unanswered question is recorded as "no rating": `?timeout=` wins (tests). */
export function timeoutSeconds(config: RatingConfig, search: string): number {
  const v = Number(new URLSearchParams(search).get('timeout'));
  return Number.isFinite(v) && v > 0 ? v : config.timeoutSeconds;
}

/** An event as the hub streams it: when it happened (the hub's clock) and what. */
export type TimedEvent = Pick<StreamEvent, 'at' | 'event'>;

/**
 * The visits at `counter` to ask about, from one batch of events. Live, every finish, in order.
 * Replayed by a resync after a reconnect (what happened while the tablet was away), at most the
 * last finish: only when it is recent (within the answer timeout, by the hub's clock) and no ticket
 * has been called at this counter since — otherwise that citizen has gone, and the one in front of
 * the tablet would rate someone else's visit. The caller skips visits already rated.
 */
export function visitsToAsk(
  events: readonly TimedEvent[],
  live: boolean,
  counter: number,
  hubNow: number,
  timeoutMs: number,
): string[] {
  const finishes: string[] = [];
  let last: { ticketId: string; at: number } | null = null;
  for (const { at, event: e } of events) {
    if (e.type === 'ticket.finished' && e.counter === counter) {
      finishes.push(e.ticketId);
      last = { ticketId: e.ticketId, at };
    } else if (e.type === 'ticket.called' && e.counter === counter) {
      last = null; // the next citizen is at the counter
    }
  }
  if (live) return finishes;
  return last && hubNow - last.at <= timeoutMs ? [last.ticketId] : [];
}

/** How long taps are ignored after a question replaces another on screen. */
export const SWITCH_GUARD_MS = 1000;

/**
 * True when the screen now asks about another visit than the one it showed (B finished seconds
 * after A): the citizen in front may be tapping for A, so taps wait SWITCH_GUARD_MS.
 */
export function switchedVisit(before: RatingState, after: RatingState): boolean {
  return after.phase === 'asking' && before.phase !== 'idle' && before.ticketId !== after.ticketId;
}

/** A citizen's tap (not a finish, a timeout…): what the guard after a switch holds back. */
export function isTap(action: RatingAction): boolean {
  return (
    action.type === 'choose' ||
    action.type === 'toggleReason' ||
    action.type === 'submitReasons' ||
    action.type === 'back' ||
    action.type === 'change'
  );
}
