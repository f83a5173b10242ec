import { describe, expect, it } from 'vitest';
import {
  announcementsFor,
  foldEvents,
  logFromState,
  pendingEntries,
  stillDue,
  type CallLog,
} from '../src/call-log.js';
import { Day } from '@luot/core/testing';

const empty: CallLog = { admissions: [], seq: 0 };

describe('which events announce what', () => {
  it('a call to a counter, a recall and an entry into the hall; nothing else', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    const issued = day.run({ type: 'issue', service: 'C', priority: null, party: 1, kioskId: null });
    const called = day.run({ type: 'callNext', counter: 5 });
    const recalled = day.run({ type: 'recall', counter: 5 });
    const serving = day.run({ type: 'startServing', counter: 5 });
    expect(announcementsFor(issued, day.state)).toEqual([]);
    expect(announcementsFor(called, day.state)).toEqual([
      { kind: 'call', ticketId: '20261130-C001', number: 'C001', counter: 5 },
    ]);
    expect(announcementsFor(recalled, day.state)).toEqual([
      { kind: 'recall', ticketId: '20261130-C001', number: 'C001', counter: 5 },
    ]);
    expect(announcementsFor(serving, day.state)).toEqual([]);
  });

  it('a finish that lets people in from outside announces each entry, in order', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    day.setLevel(4); // capacity 20
    for (let i = 0; i < 22; i++) day.issue('C');
    day.callNext(5);
    const finished = day.finish(5).last;
    expect(finished.map((e) => e.event.type)).toEqual(['ticket.finished', 'ticket.admitted']);
    expect(announcementsFor(finished, day.state)).toEqual([
      { kind: 'entry', ticketId: '20261130-C021', number: 'C021' },
    ]);
  });

  it('several calls in one batch are announced in the order the hub made them', () => {
    const day = new Day({ step: 30_000 });
    for (const n of [1, 4, 5, 6, 8]) day.signIn(n);
    for (const s of ['A', 'B', 'C', 'E', 'K']) day.issue(s);
    const batch = [1, 4, 5, 6, 8].flatMap((n) => day.run({ type: 'callNext', counter: n }));
    expect(announcementsFor(batch, day.state).map((a) => a.number)).toEqual([
      'A001',
      'B001',
      'C001',
      'E001',
      'K001',
    ]);
  });
});

describe('whether a call that had to wait is still due', () => {
  it('a call while its ticket is still called at that counter; an entry while its ticket still waits', () => {
    const day = new Day({ step: 30_000 }).signIn(5).signIn(6);
    day.setLevel(4); // capacity 20
    for (let i = 0; i < 22; i++) day.issue('C');
    const [call] = announcementsFor(day.run({ type: 'callNext', counter: 5 }), day.state);
    expect(call).toMatchObject({ kind: 'call', number: 'C001' });
    expect(stillDue(call!, day.state)).toBe(true);
    const [recall] = announcementsFor(day.run({ type: 'recall', counter: 5 }), day.state);
    expect(stillDue(recall!, day.state)).toBe(true);
    // The same ticket at another counter (as after a transfer) is not this call.
    const elsewhere = { kind: 'call', ticketId: call!.ticketId, number: 'C001', counter: 6 } as const;
    expect(stillDue(elsewhere, day.state)).toBe(false);
    day.run({ type: 'startServing', counter: 5 });
    expect(stillDue(call!, day.state)).toBe(false);
    expect(stillDue(recall!, day.state)).toBe(false);

    const [entry] = announcementsFor(day.finish(5).last, day.state);
    expect(entry).toMatchObject({ kind: 'entry', number: 'C021' });
    expect(stillDue(entry!, day.state)).toBe(true);
    const [c002] = announcementsFor(day.run({ type: 'callNext', counter: 5 }), day.state);
    expect(stillDue(c002!, day.state)).toBe(true);
    day.run({ type: 'noShow', counter: 5 });
    expect(stillDue(c002!, day.state)).toBe(false);
    // A counter closed after calling still expects the citizen it called: still due.
    const [c003] = announcementsFor(day.run({ type: 'callNext', counter: 5 }), day.state);
    day.run({ type: 'setCounterClosed', counter: 5, closed: true });
    expect(stillDue(c003!, day.state)).toBe(true);
    // A ticket the day does not know (a new day began) is not due.
    expect(stillDue({ ...entry!, ticketId: 'nope' }, day.state)).toBe(false);
  });
});

describe('entry calls from events', () => {
  it('skips events it has already seen, and returns the same log when nothing is new', () => {
    const day = new Day({ step: 30_000 }).signIn(1);
    day.issue('A');
    const called = day.run({ type: 'callNext', counter: 1 });
    const log = foldEvents(empty, called, day.state);
    expect(log.seq).toBe(day.seq);
    expect(foldEvents(log, called, day.state)).toBe(log);
    expect(foldEvents(log, [...day.log], day.state)).toBe(log);
  });

  it('starts again on a new day', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
    day.setLevel(4);
    for (let i = 0; i < 21; i++) day.issue('C');
    day.callNext(5);
    const log = foldEvents(empty, [...day.log, ...day.finish(5).last], day.state);
    expect(log.admissions.map((a) => a.number)).toEqual(['C021']);
    const opened = {
      seq: day.seq + 1,
      at: day.now,
      event: { type: 'day.opened', day: '2026-12-01', level: 1 },
    } as const;
    expect(foldEvents(log, [opened], day.state)).toEqual({ admissions: [], seq: day.seq + 1 });
  });
});

describe('entry calls', () => {
  it('show tickets let in from outside until they are called to a counter', () => {
    const day = new Day({ step: 30_000 }).signIn(5).signIn(6);
    day.setLevel(4);
    for (let i = 0; i < 20; i++) day.issue('C');
    day.issue('E'); // E001, outside
    day.issue('C'); // C021, outside
    let log = foldEvents(empty, day.log, day.state);
    log = foldEvents(log, day.run({ type: 'callNext', counter: 5 }), day.state);
    log = foldEvents(log, day.finish(5).last, day.state); // lets E001 in
    log = foldEvents(log, day.run({ type: 'callNext', counter: 5 }), day.state);
    log = foldEvents(log, day.finish(5).last, day.state); // lets C021 in
    expect(pendingEntries(log, day.state, 6).map((a) => a.number)).toEqual(['C021', 'E001']);
    // The snapshot view agrees: both were let in after they were issued.
    expect(logFromState(day.state, day.seq).admissions.map((a) => a.number)).toEqual(['C021', 'E001']);

    log = foldEvents(log, day.run({ type: 'callNext', counter: 6 }), day.state); // E001 goes to counter 6
    expect(pendingEntries(log, day.state, 6).map((a) => a.number)).toEqual(['C021']);
  });
});
