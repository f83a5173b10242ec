import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../src/kiosk/issue';
import { initialKioskState, kioskReducer, type KioskAction, type KioskState } from '../src/kiosk/screens';

const issued = {
  result: { ticket: { number: 'C001' } },
  print: { kind: 'printed', paperNearEnd: false },
} as IssuedTicket;
const play = (...actions: KioskAction[]): KioskState => actions.reduce(kioskReducer, initialKioskState);

describe('kiosk screens', () => {
  it('goes home → issuing → ticket → home', () => {
    expect(play({ type: 'issue', service: 'C' }).screen).toEqual({
      name: 'issuing',
      service: 'C',
      priority: null,
      confirming: false,
    });
    const s = play({ type: 'issue', service: 'C' }, { type: 'issued', issued, keepIssuing: true });
    expect(s).toEqual({ screen: { name: 'ticket', issued }, paused: false });
    expect(kioskReducer(s, { type: 'home' }).screen).toEqual({ name: 'home', priority: null });
  });

  it('ignores a second tap while a ticket is being issued', () => {
    const issuing = play({ type: 'issue', service: 'C' });
    expect(kioskReducer(issuing, { type: 'issue', service: 'E' })).toBe(issuing);
    // Nor can "back", the idle timer or the priority button abandon it.
    expect(kioskReducer(issuing, { type: 'home' })).toBe(issuing);
    expect(kioskReducer(issuing, { type: 'idle' })).toBe(issuing);
    expect(kioskReducer(issuing, { type: 'openPriority' })).toBe(issuing);
  });

  it('carries the chosen priority category to the issue', () => {
    const s = play(
      { type: 'openPriority' },
      { type: 'pickPriority', category: 'elderly' },
      { type: 'issue', service: 'E' },
    );
    expect(s.screen).toEqual({ name: 'issuing', service: 'E', priority: 'elderly', confirming: false });
    expect(play({ type: 'openPriority' }, { type: 'cancelPriority' }).screen).toEqual({
      name: 'home',
      priority: null,
    });
  });

  it('shows a refusal, then goes home', () => {
    const message = { vi: 'Đã hết số trong ngày cho lĩnh vực này.', en: 'x' };
    const s = play({ type: 'issue', service: 'C' }, { type: 'refused', message });
    expect(s.screen).toEqual({ name: 'refused', message, unconfirmed: false });
    expect(kioskReducer(s, { type: 'home' }).screen.name).toBe('home');
  });

  it('says it is confirming the number while the outcome is unknown, and never abandons it', () => {
    const s = play({ type: 'issue', service: 'C' }, { type: 'confirming' });
    expect(s.screen).toEqual({ name: 'issuing', service: 'C', priority: null, confirming: true });
    expect(kioskReducer(s, { type: 'home' })).toBe(s);
    expect(kioskReducer(s, { type: 'idle' })).toBe(s);
    expect(kioskReducer(s, { type: 'issued', issued, keepIssuing: true }).screen.name).toBe('ticket');
    // After a reload, the page goes straight back to confirming the request it had sent.
    expect(play({ type: 'resumeIssue', service: 'E', priority: 'elderly' }).screen).toEqual({
      name: 'issuing',
      service: 'E',
      priority: 'elderly',
      confirming: true,
    });
    const given = kioskReducer(s, { type: 'refused', message: { vi: 'x', en: 'x' }, unconfirmed: true });
    expect(given.screen).toMatchObject({ name: 'refused', unconfirmed: true });
  });

  it('pauses issuing after a printer failure when told to, until resumed', () => {
    const s = play(
      { type: 'issue', service: 'C' },
      { type: 'issued', issued, keepIssuing: false },
      { type: 'home' },
    );
    expect(s.paused).toBe(true);
    expect(kioskReducer(s, { type: 'issue', service: 'C' })).toBe(s);
    const resumed = kioskReducer(s, { type: 'resume' });
    expect(kioskReducer(resumed, { type: 'issue', service: 'C' }).screen.name).toBe('issuing');
  });

  it('goes idle from home and wakes at a tap, but never hides a ticket', () => {
    const idle = play({ type: 'openPriority' }, { type: 'idle' });
    expect(idle.screen).toEqual({ name: 'idle' });
    expect(kioskReducer(idle, { type: 'issue', service: 'C' })).toBe(idle);
    expect(kioskReducer(idle, { type: 'wake' }).screen).toEqual({ name: 'home', priority: null });
    const ticket = play({ type: 'issue', service: 'C' }, { type: 'issued', issued, keepIssuing: true });
    expect(kioskReducer(ticket, { type: 'idle' })).toBe(ticket);
  });
});
