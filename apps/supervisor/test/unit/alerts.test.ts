import { describe, expect, it } from 'vitest';
import type { DevicePresence, PrinterState } from '@luot/protocol';
import { at, Day, MINUTE, quocOai } from '@luot/core/testing';
import { alertKey, computeAlerts, type Alert, type AlertKind } from '../../src/alerts.js';

// The console's alerts from the day alone: each appears when its cause is there, keeps its key while
// the cause lasts, and is gone with the cause.

function alerts(day: Day, presence: DevicePresence[] = [], printers: Record<string, PrinterState> = {}) {
  return computeAlerts({ config: day.config, state: day.state, printers }, presence, day.now);
}
const of = (list: Alert[], kind: AlertKind) => list.filter((a) => a.kind === kind);

describe('a wait over the target', () => {
  it('appears once the longest-waiting citizen passes 30 minutes and goes when they are called', () => {
    const day = new Day().signIn(5);
    const c1 = day.issue('C');
    day.advance(5);
    day.issue('C');
    day.advance(24);
    expect(of(alerts(day), 'wait')).toEqual([]);
    day.advance(1); // 30 minutes after C001
    const [wait] = of(alerts(day), 'wait');
    expect(wait).toMatchObject({
      subject: 'C',
      since: c1.issuedAt + 30 * MINUTE,
      detail: { number: 'C001', minutes: 30, over: 1 },
      ack: null,
    });
    expect(wait!.key).toBe(alertKey('wait', 'C', c1.issuedAt + 30 * MINUTE));
    day.advance(3);
    expect(of(alerts(day), 'wait')[0]!.key).toBe(wait!.key); // the same while C001 waits
    day.callNext(5);
    // C002 waited 28 minutes: under the target, no alert.
    expect(of(alerts(day), 'wait')).toEqual([]);
  });

  it('counts citizens waiting outside the hall too, and takes the threshold from the configuration', () => {
    const config = quocOai((c) => (c.alerts = { waitMinutes: 10 }));
    const day = new Day({ config });
    day.issue('A');
    day.advance(10);
    expect(of(alerts(day), 'wait').map((a) => a.subject)).toEqual(['A']);
  });
});

describe('an idle counter', () => {
  it('is idle from the later of its last action and the first arrival, past 3 minutes', () => {
    const day = new Day().signIn(5);
    day.advance(20); // free for 20 minutes with nobody waiting: not an alert
    expect(of(alerts(day), 'idle')).toEqual([]);
    const c1 = day.issue('C');
    day.advance(2);
    expect(of(alerts(day), 'idle')).toEqual([]);
    day.advance(1);
    expect(of(alerts(day), 'idle')).toMatchObject([
      { subject: '5', since: c1.issuedAt, detail: { counter: 5, waiting: 1, minutes: 3 } },
    ]);
    day.callNext(5);
    expect(of(alerts(day), 'idle')).toEqual([]);
  });

  it('is not idle while paused, and follows the services the supervisor gave it today', () => {
    const day = new Day().signIn(5).signIn(6);
    day.issue('E');
    day.advance(5);
    expect(of(alerts(day), 'idle').map((a) => a.subject)).toEqual(['6']);
    day.run({ type: 'setCounterServices', counter: 5, services: ['E'] });
    expect(of(alerts(day), 'idle').map((a) => a.subject)).toEqual(['5', '6']);
    day.pause(6);
    day.advance(5);
    expect(of(alerts(day), 'idle').map((a) => a.subject)).toEqual(['5']);
  });
});

describe('a service without a counter', () => {
  it('appears when the last counter of a served service stops, and goes when one comes back', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    day.callNext(5);
    day.finish(5);
    day.issue('C');
    expect(of(alerts(day), 'noCounter')).toEqual([]);
    day.advance(4).pause(5);
    const pausedAt = day.now;
    expect(of(alerts(day), 'noCounter')).toMatchObject([
      { subject: 'C', since: pausedAt, detail: { service: 'C', waiting: 1 } },
    ]);
    day.advance(2).resume(5);
    expect(of(alerts(day), 'noCounter')).toEqual([]);
  });

  it('also when nobody has opened its counters today: since the oldest waiting ticket', () => {
    const day = new Day().signIn(6);
    const first = day.issue('C'); // counter 5 serves C; nobody signed in there
    day.advance(3).issue('C');
    expect(of(alerts(day), 'noCounter')).toMatchObject([
      { subject: 'C', since: first.issuedAt, detail: { service: 'C', waiting: 2, neverOpened: 1 } },
    ]);
    day.signIn(5);
    expect(of(alerts(day), 'noCounter')).toEqual([]);
  });
});

describe('printers and devices', () => {
  const fault: PrinterState = {
    device: 'kiosk-1',
    ok: false,
    fault: 'paper_end',
    paperNearEnd: false,
    at: at(9, 5),
  };

  it('a printer fault, keyed by when it was reported; gone once the printer is back', () => {
    const day = new Day();
    expect(of(alerts(day, [], { 'kiosk-1': fault }), 'printer')).toMatchObject([
      { key: `printer:kiosk-1:${at(9, 5)}`, detail: { device: 'kiosk-1', fault: 'paper_end' } },
    ]);
    const ok = { ...fault, ok: true, fault: null, at: at(9, 10) };
    expect(of(alerts(day, [], { 'kiosk-1': ok }), 'printer')).toEqual([]);
  });

  it('a device offline over a minute; a counter’s only while it is in use; never a supervisor’s; gone once online', () => {
    const day = new Day().signIn(5).signIn(7).advance(5).setCounterClosed(7, true);
    const device = (id: string, role: DevicePresence['role'], counter: number | null, online = false) => ({
      id,
      role,
      name: id,
      counter,
      online,
      since: at(9),
    });
    const presence = [
      device('display-1', 'display', null),
      device('counter-7', 'counter', 7), // closed by the supervisor
      device('rating-5', 'rating', 5), // counter 5 has its officer: in use
      device('counter-6', 'counter', 6), // nobody signed in at 6
      device('boss', 'supervisor', null),
      device('kiosk-1', 'kiosk', null, true),
    ];
    expect(of(alerts(day, presence), 'offline')).toMatchObject([
      { subject: 'display-1', since: at(9), detail: { role: 'display' } },
      { subject: 'rating-5', since: at(9), detail: { role: 'rating' } },
    ]);
    presence.splice(1, 3);
    presence[0] = { ...presence[0]!, since: at(9, 4, 30) / 1 };
    day.now = at(9, 5); // offline for 30 s only
    expect(of(alerts(day, presence), 'offline')).toEqual([]);
    presence[0] = { ...presence[0]!, online: true, since: at(9, 5) };
    day.advance(10);
    expect(of(alerts(day, presence), 'offline')).toEqual([]);
  });
});

describe('the hall', () => {
  it('is full at the level’s capacity and not below it', () => {
    const day = new Day().setLevel(4); // 20 people in the hall
    for (let i = 0; i < 19; i++) day.issue('C');
    expect(of(alerts(day), 'hallFull')).toEqual([]);
    day.advance(1);
    day.issue('C');
    expect(of(alerts(day), 'hallFull')).toMatchObject([
      { subject: 'hall', since: day.now, detail: { inside: 20, capacity: 20 } },
    ]);
    day.setLevel(3); // 40
    expect(of(alerts(day), 'hallFull')).toEqual([]);
  });
});

describe('dissatisfied citizens', () => {
  function visit(day: Day, score: number | null) {
    const t = day.issue('C');
    day.callNext(5);
    day.advance(1).finish(5);
    day.rate(t.id, score);
    return t.id;
  }

  it('three lowest ratings in a row at one counter; a skipped rating does not break the run; a better one ends it', () => {
    const day = new Day().signIn(5);
    visit(day, 4);
    const first = visit(day, 1);
    visit(day, 1);
    visit(day, null); // declined to rate
    expect(of(alerts(day), 'dissatisfied')).toEqual([]);
    visit(day, 1);
    const [alert] = of(alerts(day), 'dissatisfied');
    expect(alert).toMatchObject({
      subject: '5',
      since: day.state.tickets[first]!.finishedAt,
      detail: { counter: 5, count: 3 },
    });
    visit(day, 1);
    expect(of(alerts(day), 'dissatisfied')[0]).toMatchObject({ key: alert!.key, detail: { count: 4 } });
    visit(day, 3);
    expect(of(alerts(day), 'dissatisfied')).toEqual([]);
  });

  it('a rating of 2 is not the lowest on the four-level scale', () => {
    const day = new Day().signIn(5);
    for (let i = 0; i < 3; i++) visit(day, 2);
    expect(of(alerts(day), 'dissatisfied')).toEqual([]);
  });
});

describe('acknowledgements and order', () => {
  it('an acknowledged alert says by whom; a new occurrence is a new, unacknowledged alert', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    day.advance(3);
    const [idle] = of(alerts(day), 'idle');
    day.run({ type: 'acknowledgeAlert', key: idle!.key, officerId: 'ld1' });
    expect(of(alerts(day), 'idle')[0]!.ack).toEqual({ officerId: 'ld1', at: day.now });
    day.callNext(5);
    day.advance(1).finish(5);
    day.issue('C');
    day.advance(3);
    const [again] = of(alerts(day), 'idle');
    expect(again!.key).not.toBe(idle!.key);
    expect(again!.ack).toBeNull();
  });

  it('lists what stops service first: a service without a counter before an idle counter', () => {
    const day = new Day().signIn(5).signIn(6);
    day.issue('C');
    day.callNext(5);
    day.finish(5);
    day.issue('C');
    day.pause(5);
    day.issue('E');
    day.advance(5);
    expect(alerts(day).map((a) => a.kind)).toEqual(['noCounter', 'idle']);
  });
});
