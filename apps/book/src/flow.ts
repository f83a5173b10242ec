import type { BookingView, FreeSlot, OtpRequested } from '@luot/protocol';
import type { Text } from '@luot/core';

/**
 * The booking page's steps as a small state machine, pure so the rules a citizen relies on are
 * unit-tested without a browser: going back keeps what was typed, a slot that went while the code
 * was being confirmed brings the citizen back to the slots with the nearest free ones, and nothing
 * is held before the one-time code is confirmed (the hub takes the place only then).
 */
export type Step = 'service' | 'slot' | 'details' | 'otp' | 'done';

export const STEPS: readonly Step[] = ['service', 'slot', 'details', 'otp', 'done'];

/** What the citizen typed, kept as typed (the schemas normalise when it is sent). */
export interface Details {
  name: string;
  phone: string;
  cccd: string;
}

export interface FlowState {
  step: Step;
  service: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  slot: FreeSlot | null;
  details: Details;
  /** The one-time code's request, once sent. */
  otp: OtpRequested | null;
  booking: BookingView | null;
  /** Why the citizen was sent back to the slots (the slot filled meanwhile), and what is free nearest. */
  refusal: { message: Text; nearest: FreeSlot[] } | null;
}

export type FlowAction =
  | { type: 'service'; service: string; today: string }
  | { type: 'date'; date: string }
  /** `date`: the slot's day when it is another (one of the nearest free slots offered after a refusal). */
  | { type: 'slot'; slot: FreeSlot; date?: string }
  | { type: 'details'; details: Details }
  | { type: 'otpSent'; otp: OtpRequested }
  | { type: 'confirmed'; booking: BookingView }
  /** The place went (SLOT_FULL, BOOKING_CLOSED) while the citizen was typing or confirming. */
  | { type: 'slotLost'; message: Text; nearest: FreeSlot[] }
  /** The code expired or was spent: ask for a new one from the details step. */
  | { type: 'otpSpent' }
  | { type: 'back' }
  | { type: 'restart' };

export const initialFlow: FlowState = {
  step: 'service',
  service: null,
  date: null,
  slot: null,
  details: { name: '', phone: '', cccd: '' },
  otp: null,
  booking: null,
  refusal: null,
};

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'service':
      // Another service: its slots are others, so the chosen slot goes; the day stays if one was picked.
      return {
        ...state,
        step: 'slot',
        service: action.service,
        date: state.service === action.service && state.date ? state.date : action.today,
        slot: state.service === action.service ? state.slot : null,
        refusal: null,
      };
    case 'date':
      return state.step === 'slot' ? { ...state, date: action.date, slot: null, refusal: null } : state;
    case 'slot':
      if (state.step !== 'slot' || action.slot.remaining <= 0 || !action.slot.open) return state;
      return {
        ...state,
        step: 'details',
        date: action.date ?? state.date,
        slot: action.slot,
        refusal: null,
        otp: null,
      };
    case 'details':
      return state.step === 'details' ? { ...state, details: action.details } : state;
    case 'otpSent':
      return state.step === 'details' || state.step === 'otp'
        ? { ...state, step: 'otp', otp: action.otp }
        : state;
    case 'confirmed':
      return state.step === 'otp' ? { ...state, step: 'done', booking: action.booking, otp: null } : state;
    case 'slotLost':
      // Back to the slots of the same day, told why, with the nearest free ones to pick from.
      return {
        ...state,
        step: 'slot',
        slot: null,
        otp: null,
        refusal: { message: action.message, nearest: action.nearest },
      };
    case 'otpSpent':
      return state.step === 'otp' ? { ...state, step: 'details', otp: null } : state;
    case 'back': {
      if (state.step === 'done' || state.step === 'service') return state;
      const previous = STEPS[STEPS.indexOf(state.step) - 1]!;
      return { ...state, step: previous, otp: null, refusal: null };
    }
    case 'restart':
      // A second booking: the same citizen, so the details stay; everything else starts again.
      return { ...initialFlow, details: state.details };
  }
}

/** Seconds left of the one-time code at `now` (never below 0). */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

/** "4:05": minutes and seconds for the code's countdown. */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
