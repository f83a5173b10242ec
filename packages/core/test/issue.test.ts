import { describe, expect, it } from 'vitest';
import { sessionState, type QueueError } from '../src/index.js';
import { at, Office, profile, smallConfig } from './helpers.js';

describe('numbering', () => {
  it('numbers per service per day, padded to the service width', () => {
    const o = new Office(profile);
    expect(o.issue('A').number).toBe('A001');
    expect(o.issue('A').number).toBe('A002');
    expect(o.issue('B').number).toBe('B001');
    expect(o.issue('A').id).toBe('20261130-A003');
    const narrow = new Office(smallConfig((c) => (c.services[0]!.numberWidth = 2)));
    expect(narrow.issue('A').number).toBe('A01');
  });

  it('never reuses a number within the day, also after cancellations', () => {
    const o = new Office(profile);
    const a1 = o.issue('A');
    o.run({ type: 'cancel', ticketId: a1.id, reason: 'left' });
    const a2 = o.issue('A');
    o.run({ type: 'cancel', ticketId: a2.id, reason: 'left' });
    expect(o.issue('A').number).toBe('A003');
    expect(o.state.lastNumber).toEqual({ A: 3 });
  });

  it('restarts at 1 on a new day and cancels what was left of the old one', () => {
    const o = new Office(profile);
    o.signIn(1);
    const a1 = o.issue('A');
    const a2 = o.issue('A');
    o.callNext(1);
    expect(o.rollover(at(17, 30))).toEqual([]); // same day: nothing
    const out = o.rollover(at(7, 0, 1));
    expect(out.map((e) => e.event.type)).toEqual([
      'ticket.cancelled',
      'ticket.cancelled',
      'counter.signed_out',
      'day.closed',
      'day.opened',
    ]);
    expect(out[0]!.event).toEqual({ type: 'ticket.cancelled', ticketId: a1.id, reason: 'day_closed' });
    expect(out[1]!.event).toMatchObject({ ticketId: a2.id });
    expect(o.state.day).toBe('2026-12-01');
    expect(o.state.tickets).toEqual({});
    expect(o.state.counters[1]).toMatchObject({ status: 'offline', officer: null, current: null });
    o.now = at(8, 0, 1);
    const t = o.issue('A');
    expect(t.number).toBe('A001');
    expect(t.id).toBe('20261201-A001');
  });

  it('never goes back to an earlier day when the clock is set back over midnight', () => {
    const o = new Office(profile);
    o.rollover(at(0, 1, 1)); // Tuesday 00:01
    o.now = at(8, 0, 1);
    o.issue('A');
    expect(o.rollover(at(23, 59, 0))).toEqual([]); // back to Monday 23:59
    expect(o.state.day).toBe('2026-12-01');
    o.now = at(9, 0, 1);
    expect(o.issue('A').number).toBe('A002');
  });

  it('closeDay cancels unfinished tickets and refuses further issues', () => {
    const o = new Office(profile);
    o.signIn(1);
    const a1 = o.issue('A');
    o.callNext(1);
    o.finish(1);
    const a2 = o.issue('A');
    const out = o.run({ type: 'closeDay' });
    expect(out.map((e) => e.event.type)).toEqual(['ticket.cancelled', 'counter.signed_out', 'day.closed']);
    expect(o.state.tickets[a1.id]!.status).toBe('done');
    expect(o.state.tickets[a2.id]!.status).toBe('cancelled');
    expect(o.state.closed).toBe(true);
    o.refused({ type: 'issue', service: 'A', priority: null, party: 1, kioskId: null }, 'DAY_CLOSED');
    expect(o.run({ type: 'closeDay' })).toEqual([]);
    // The next morning opens normally.
    o.rollover(at(8, 0, 1));
    expect(o.state.closed).toBe(false);
    expect(o.issue('A').number).toBe('A001');
  });
});

describe('issuing rules', () => {
  const issue = (service: string, priority: string | null = null, party = 1) =>
    ({ type: 'issue', service, priority, party, kioskId: null }) as const;

  it.each([
    ['before opening', at(7, 59), 'before_hours'],
    ['at the lunch break', at(12, 0), 'break'],
    ['at the end of the break', at(12, 59), 'break'],
    ['at closing time', at(17, 0), 'after_hours'],
    ['on a Saturday', at(9, 0, 5), 'not_a_working_day'],
    ['on a Sunday', at(9, 0, 6), 'not_a_working_day'],
    ['on a holiday', at(9, 0, 2), 'holiday'],
  ])('is refused %s', (_, now, reason) => {
    const o = new Office(smallConfig(), now);
    const e = o.refused(issue('A'), 'OUTSIDE_SESSION');
    expect(e.details).toEqual({ reason });
  });

  it('with alwaysOpen (demos) is taken at any hour of any day, the calendar left as it is', () => {
    const sessions = { ...smallConfig().sessions, alwaysOpen: true };
    for (const now of [at(7, 0), at(12, 0), at(23, 30), at(9, 0, 5), at(3, 0, 6), at(9, 0, 2)])
      expect(sessionState(sessions, now).open).toBe(true);
    expect(sessionState(sessions, at(23, 30))).toEqual({
      open: true,
      minutesToDayEnd: 30,
      workMinutesLeft: 30,
    });
    const o = new Office(
      smallConfig((c) => (c.sessions.alwaysOpen = true)),
      at(9, 0, 6),
    );
    o.signIn(1);
    expect(o.issue('A').status).toBe('waiting');
    expect(o.config.sessions.days).toEqual(smallConfig().sessions.days);
  });

  it('is open from the first minute of each session until the last', () => {
    for (const now of [at(8, 0), at(11, 59), at(13, 0), at(16, 59)]) {
      expect(sessionState(profile.sessions, now).open).toBe(true);
    }
    expect(sessionState(profile.sessions, at(11, 0))).toEqual({
      open: true,
      minutesToDayEnd: 360,
      workMinutesLeft: 300,
    });
  });

  it('refuses unknown services and priority categories', () => {
    const o = new Office(profile);
    o.refused(issue('Z'), 'UNKNOWN_SERVICE');
    o.refused(issue('A', 'vip'), 'UNKNOWN_PRIORITY');
    expect(o.issue('A', { priority: 'elderly' }).priority).toBe('elderly');
  });

  it('stops at the daily cap of a service', () => {
    const o = new Office(smallConfig((c) => (c.services[1]!.dailyCap = 2)));
    o.issue('B');
    const b2 = o.issue('B');
    o.run({ type: 'cancel', ticketId: b2.id, reason: 'left' }); // a cancelled number still counts
    const e = o.refused(issue('B'), 'DAILY_CAP_REACHED');
    expect(e.details).toEqual({ service: 'B', cap: 2 });
    expect(o.issue('A').number).toBe('A001');
  });

  it('stops when the expected wait passes the day’s end', () => {
    // 16:00, an hour left; A: 3 staffed counters, 15 minutes each. (Only staffed counters count now:
    // with nobody signed in there is no honest estimate, so this rule cannot refuse.)
    const o = new Office(profile, at(16, 0)).signIn(1).signIn(2).signIn(3);
    for (let i = 0; i < 12; i++) o.issue('A'); // the 12th waits 11 / 3 × 15 = 55 minutes
    o.issue('A'); // 12 ahead: 60 minutes, just in time
    const e = o.refused(issue('A'), 'WAIT_PAST_CLOSING');
    expect(e.details).toEqual({ service: 'A', minutes: 65 });
    expect(o.issue('C').number).toBe('C001');
  });

  it('weighs the wait against session time left, not the clock (nobody is served over lunch)', () => {
    // 11:00: 60 minutes until noon + 240 in the afternoon = 300 minutes of service left.
    // B: one counter, 12 minutes each: 25 ahead = 300 minutes is fine, 26 ahead = 312 is not.
    const o = new Office(profile, at(11, 0)).signIn(4);
    for (let i = 0; i < 26; i++) o.issue('B');
    o.refused(issue('B'), 'WAIT_PAST_CLOSING');
  });

  it('does not stop early when the office says so', () => {
    const o = new Office(
      { ...profile, sessions: { ...profile.sessions, stopWhenWaitPastClose: false } },
      at(16, 50),
    );
    for (let i = 0; i < 20; i++) o.issue('B');
    expect(Object.keys(o.state.tickets)).toHaveLength(20);
  });

  it('restricts non-essential services at level 4', () => {
    const o = new Office(profile);
    o.setLevel(4);
    const e = o.refused(issue('A'), 'SERVICE_RESTRICTED');
    expect(e.details).toEqual({ service: 'A', level: 4 });
    o.refused(issue('A', 'elderly'), 'SERVICE_RESTRICTED');
    expect(o.issue('C').number).toBe('C001'); // Hộ tịch is essential
    o.setLevel(1);
    expect(o.issue('A').number).toBe('A001');
  });

  it('refuses a service whose counters are all closed, by level, supervisor or officer', () => {
    const o = new Office(profile);
    o.setLevel(3); // closes 2, 3 and 14
    o.refused(issue('V'), 'NO_OPEN_COUNTER');
    // Counter 16 takes priority tickets of every service, so a priority V ticket is still issued.
    expect(o.issue('V', { priority: 'elderly' }).number).toBe('V001');
    expect(o.issue('A').number).toBe('A001'); // counter 1 is still open
    o.run({ type: 'setCounterClosed', counter: 1, closed: true });
    o.refused(issue('A'), 'NO_OPEN_COUNTER');
    o.run({ type: 'setCounterClosed', counter: 16, closed: true });
    o.refused(issue('V', 'elderly'), 'NO_OPEN_COUNTER');
    o.run({ type: 'setCounterClosed', counter: 1, closed: false });
    expect(o.issue('A').number).toBe('A002');
    // The only counter of B closed by its officer at the end of their shift.
    o.signIn(4);
    o.run({ type: 'signOut', counter: 4, close: true });
    o.refused(issue('B'), 'NO_OPEN_COUNTER');
  });

  it('refuses a party larger than the hall holds at this level', () => {
    const o = new Office(smallConfig());
    o.setLevel(3); // capacity 2
    const e = o.refused(issue('B', null, 3), 'PARTY_TOO_LARGE');
    expect(e.details).toEqual({ party: 3 });
    expect(o.issue('B', { party: 2 }).party).toBe(2);
  });

  it('checks the day before the clock, the clock before the service', () => {
    const o = new Office(profile, at(18, 0));
    o.refused(issue('Z'), 'OUTSIDE_SESSION');
    o.run({ type: 'closeDay' });
    o.refused(issue('Z'), 'DAY_CLOSED');
  });

  it('records the ticket as issued', () => {
    const o = new Office(profile, at(9, 30));
    const t = o.issue('K', { priority: 'pregnant', party: 2 });
    expect(t).toEqual({
      id: '20261130-K001',
      number: 'K001',
      day: '2026-11-30',
      serial: 1,
      service: 'K',
      issuedService: 'K',
      priority: 'pregnant',
      party: 2,
      zone: 'hall',
      status: 'waiting',
      issuedAt: at(9, 30),
      queuedAt: at(9, 30),
      order: 1,
      admittedAt: at(9, 30),
      calledAt: null,
      servingAt: null,
      finishedAt: null,
      counter: null,
      targetCounter: null,
      officerId: null,
      callCount: 0,
      callsHere: 0,
      outcome: null,
      transfers: 0,
      kioskId: 'kiosk-1',
      rating: undefined,
      booking: null,
    });
    expect(o.state.lines.occupancy).toEqual({ hall: 2 });
  });

  it('keeps the error details a kiosk needs', () => {
    const o = new Office(profile, at(12, 30));
    let error: QueueError | undefined;
    try {
      o.issue('A');
    } catch (e) {
      error = e as QueueError;
    }
    expect(error?.name).toBe('QueueError');
    expect(error?.message).toBe('OUTSIDE_SESSION');
    expect(error?.details).toEqual({ reason: 'break' });
  });
});
