import type { Text } from '@luot/core';
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
    case 'issue':
      // Only from the tiles, once: a second tap while issuing finds the kiosk on another screen.
      if (screen.name !== 'home' || state.paused) return state;
      return go({ name: 'issuing', service: action.service, priority: screen.priority, confirming: false });
    case 'confirming':
      return screen.name === 'issuing' && !screen.confirming ? go({ ...screen, confirming: true }) : state;
    case 'resumeIssue':
      if (screen.name === 'issuing' || screen.name === 'ticket') return state;
      return go({ name: 'issuing', service: action.service, priority: action.priority, confirming: true });
    case 'issued':
      if (screen.name !== 'issuing') return state;
      return {
        screen: { name: 'ticket', issued: action.issued },
        paused: state.paused || !action.keepIssuing,
      };
    case 'refused':
      return screen.name === 'issuing'
        ? go({ name: 'refused', message: action.message, unconfirmed: action.unconfirmed ?? false })
        : state;
    case 'home':
      // An issue in flight always ends on its own (ticket or refusal): the citizen must see the outcome.
      return screen.name === 'issuing' ? state : go({ name: 'home', priority: null });
    case 'idle':
      return screen.name === 'home' || screen.name === 'priority' || screen.name === 'refused'
        ? go({ name: 'idle' })
        : state;
    case 'resume':
      return { ...state, paused: false };
  }
}
