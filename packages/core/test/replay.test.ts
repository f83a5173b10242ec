import { describe, expect, it } from 'vitest';
import { applyEvent, createDay, type Emitted } from '../src/index.js';
import { at, MONDAY, normalizeLines, Office, profile, recountLines, replay, smallConfig } from './helpers.js';

/** A busy morning touching every kind of event. */
function busyDay(): Office {
  const o = new Office(smallConfig());
  o.signIn(1, 'lan');
  o.signIn(2, 'minh');
  o.signIn(3, 'hoa');
  o.issue('A');
  o.issue('A', { priority: 'elderly' });
  o.advance(1).issue('B', { party: 2 });
  o.issue('B'); // outside
  o.issue('A', { priority: 'disabled' }); // outside, ahead in the entry line
  o.advance(2).callNext(1);
  o.run({ type: 'recall', counter: 1 });
  o.run({ type: 'startServing', counter: 1 });
  o.advance(3).callNext(3);
  o.run({ type: 'noShow', counter: 3 });
  o.callNext(2);
  o.run({ type: 'transfer', counter: 2, toService: 'B', toCounter: null, note: 'wrong line' });
  o.advance(4).run({
    type: 'finish',
    counter: 1,
    outcome: { kind: 'received', dossierCode: 'H33.27-0001', returnDate: '2026-12-07' },
  });
  o.run({ type: 'pause', counter: 1, reason: 'tea' });
  o.run({ type: 'setCounterClosed', counter: 2, closed: true });
  o.setLevel(3);
  o.callNext(3);
  o.run({ type: 'transfer', counter: 3, toService: null, toCounter: 1, note: null });
  o.run({ type: 'resume', counter: 1 });
  o.callNext(1);
  o.finish(1);
  const done = Object.values(o.state.tickets).find((t) => t.status === 'done')!;
  o.run({ type: 'rate', ticketId: done.id, score: 2, reasons: ['wait'] });
  o.setLevel(1);
  o.run({ type: 'signIn', counter: 1, officer: { id: 'tuan', name: 'Tuấn', agency: { vi: 'x', en: 'x' } } });
  const waiting = Object.values(o.state.tickets).find((t) => t.status === 'waiting')!;
  o.run({ type: 'cancel', ticketId: waiting.id, reason: 'left' });
  o.serveAll(3);
  return o;
}

describe('replay', () => {
  it('rebuilds the live day exactly, indexes and fairness counts included', () => {
    const o = busyDay();
    expect(o.log.length).toBeGreaterThan(30);
    const types = new Set(o.log.map((e) => e.event.type));
    for (const t of [
      'ticket.admitted',
      'ticket.transferred',
      'ticket.no_show',
      'ticket.rated',
      'level.changed',
    ]) {
      expect(types).toContain(t);
    }
    const rebuilt = replay(o.config, o.log);
    expect(rebuilt).toEqual(o.state);
    expect(rebuilt.lines).toEqual(o.state.lines);
    expect(normalizeLines(o.state.lines)).toEqual(normalizeLines(recountLines(o.state)));
  });

  it('rebuilds a day from its day.opened onwards, as the hub does after a restart', () => {
    const o = busyDay();
    o.rollover(at(7, 30, 1));
    const opened = o.log.findLastIndex((e) => e.event.type === 'day.opened');
    o.now = at(8, 0, 1);
    o.signIn(1);
    o.issue('A');
    o.issue('B', { priority: 'elderly' });
    o.callNext(1);
    o.run({ type: 'setCounterClosed', counter: 3, closed: true });
    // The hub starts from a fresh state for whatever day its clock says, then replays.
    const fromOpening = createDay(o.config, '2026-12-05', 4);
    for (const e of o.log.slice(opened)) applyEvent(fromOpening, e.event, e.at, o.config);
    expect(fromOpening).toEqual(o.state);
    // The full log gives the same state too.
    expect(replay(o.config, o.log)).toEqual(o.state);
  });

  it('keeps the level across days, and starts every day clean otherwise', () => {
    const o = busyDay();
    o.setLevel(2);
    o.run({ type: 'setCounterClosed', counter: 2, closed: true });
    o.rollover(at(7, 30, 1));
    expect(o.state.level).toBe(2);
    expect(o.state.serviceTimes).toEqual({});
    expect(
      Object.values(o.state.counters).every((c) => c.status === 'offline' && !c.closedBySupervisor),
    ).toBe(true);
  });

  it('does not share objects between the events and the state', () => {
    const o = new Office(profile);
    o.signIn(1);
    const t = o.issue('A');
    o.callNext(1);
    o.finish(1);
    const events: Emitted[] = structuredClone(o.log);
    for (const e of o.log) {
      if (e.event.type === 'ticket.finished') e.event.outcome.note = 'changed later';
      if (e.event.type === 'counter.signed_in') e.event.officer.name = 'changed later';
      if (e.event.type === 'ticket.issued') e.event.ticket.number = 'X999';
    }
    expect(o.state.tickets[t.id]!.outcome?.note).toBeUndefined();
    expect(o.state.counters[1]!.officer?.name).toBe('Cán bộ 1');
    expect(o.state.tickets[t.id]!.number).toBe('A001');
    expect(replay(o.config, events, MONDAY)).toEqual(o.state);
  });
});
