import type { Text } from '@luot/core';
import type { CheckInRefusal } from './checkin';
import type { IssuedTicket } from './issue';

/**
 * The kiosk's screens as a small state machine. Pure, so the rules that matter at a public kiosk
 * (a second tap while issuing is ignored, an issue in flight is never abandoned, a failed printer
 * may pause issuing) are unit-tested without a browser.
 */
export type Screen =
  /** Attract screen after inactivity: any tap goes home. */
  | { name: 'idle' }
  /** Service tiles; `priority` is the chosen category on the priority path. */
  | { name: 'home'; priority: string | null }
  /** Choosing a priority category. */
  | { name: 'priority' }
  /**
   * `confirming`: the request may have reached the hub without an answer coming back; the kiosk
   * resends it (same request id) and says it is confirming the number, never "no number".
   */
  | { name: 'issuing'; service: string; priority: string | null; confirming: boolean }
  | { name: 'ticket'; issued: IssuedTicket }
  /** "Tôi đã đặt lịch": the code typed on the on-screen keyboard (or scanned). */
  | { name: 'checkIn' }
  /** A booking code is being checked in; `confirming` as for `issuing`. */
  | { name: 'checkingIn'; code: string; confirming: boolean }
  /** The check-in was refused: too early (come back at…), too late (an ordinary number), or why not. */
  | { name: 'checkInRefused'; code: string; refusal: CheckInRefusal }
  /**
   * No ticket to show. Nothing was issued (the hub refused, or the request never left), unless
   * `unconfirmed`: the kiosk gave up confirming, and a number may have been issued.
   */
  | { name: 'refused'; message: Text; unconfirmed: boolean };

export interface KioskState {
  screen: Screen;
  /** The printer failed and the kiosk is set not to issue until it works again. */
  paused: boolean;
}

export type KioskAction =
  | { type: 'wake' }
  | { type: 'openPriority' }
  | { type: 'pickPriority'; category: string }
  | { type: 'cancelPriority' }
  | { type: 'issue'; service: string }
  | { type: 'openCheckIn' }
  /** A code typed or scanned: from the home screen (a scan), the check-in screen, or a refusal (a new scan). */
  | { type: 'checkIn'; code: string }
  | { type: 'checkInRefused'; refusal: CheckInRefusal }
  /** The outcome of the issue in flight is unknown: it is being confirmed with the hub. */
  | { type: 'confirming' }
  /** After a reload: an issue the page had sent is still being confirmed. */
  | { type: 'resumeIssue'; service: string; priority: string | null }
  | { type: 'issued'; issued: IssuedTicket; keepIssuing: boolean }
  | { type: 'refused'; message: Text; unconfirmed?: boolean }
  /** "Done", a back button or the ticket screen's timer. */
  | { type: 'home' }
  /** Nobody touched the screen for a while. */
  | { type: 'idle' }
  /** The printer works again. */
  | { type: 'resume' };

export const initialKioskState: KioskState = { screen: { name: 'home', priority: null }, paused: false };

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  const { screen } = state;
  const go = (next: Screen): KioskState => ({ ...state, screen: next });
  switch (action.type) {
    case 'wake':
      return screen.name === 'idle' ? go({ name: 'home', priority: null }) : state;
    case 'openPriority':
      return screen.name === 'home' ? go({ name: 'priority' }) : state;
    case 'pickPriority':
      return screen.name === 'priority' ? go({ name: 'home', priority: action.category }) : state;
    case 'cancelPriority':
      return screen.name === 'priority' || screen.name === 'home'
        ? go({ name: 'home', priority: null })
        : state;
    case 'issue': {
      // Only from the tiles, once: a second tap while issuing finds the kiosk on another screen. Or
      // with one tap from a lapsed booking's screen: an ordinary number of the booking's service.
      const lapsed = screen.name === 'checkInRefused' && screen.refusal.kind === 'late';
      if ((screen.name !== 'home' && !lapsed) || state.paused) return state;
      const priority = screen.name === 'home' ? screen.priority : null;
      return go({ name: 'issuing', service: action.service, priority, confirming: false });
    }
    case 'openCheckIn':
      return screen.name === 'home' || screen.name === 'idle' ? go({ name: 'checkIn' }) : state;
    case 'checkIn':
      // A scan may come on any resting screen; never over an issue or a check-in in flight, nor
      // over a number being shown (the citizen before is still reading it).
      if (state.paused) return state;
      if (!['home', 'idle', 'checkIn', 'checkInRefused', 'refused', 'priority'].includes(screen.name))
        return state;
      return go({ name: 'checkingIn', code: action.code, confirming: false });
    case 'checkInRefused':
      return screen.name === 'checkingIn'
        ? go({ name: 'checkInRefused', code: screen.code, refusal: action.refusal })
        : state;
    case 'confirming':
      return (screen.name === 'issuing' || screen.name === 'checkingIn') && !screen.confirming
        ? go({ ...screen, confirming: true })
        : state;
    case 'resumeIssue':
      if (screen.name === 'issuing' || screen.name === 'checkingIn' || screen.name === 'ticket') return state;
      return go({ name: 'issuing', service: action.service, priority: action.priority, confirming: true });
    case 'issued':
      if (screen.name !== 'issuing' && screen.name !== 'checkingIn') return state;
      return {
        screen: { name: 'ticket', issued: action.issued },
        paused: state.paused || !action.keepIssuing,
      };
    case 'refused':
      return screen.name === 'issuing' || screen.name === 'checkingIn'
        ? go({ name: 'refused', message: action.message, unconfirmed: action.unconfirmed ?? false })
        : state;
    case 'home':
      // An issue in flight always ends on its own (ticket or refusal): the citizen must see the outcome.
      return screen.name === 'issuing' || screen.name === 'checkingIn'
        ? state
        : go({ name: 'home', priority: null });
    case 'idle':
      return ['home', 'priority', 'refused', 'checkIn', 'checkInRefused'].includes(screen.name)
        ? go({ name: 'idle' })
        : state;
    case 'resume':
      return { ...state, paused: false };
  }
}
