import { describe, expect, it } from 'vitest';
import { createDay, type OfficeConfig, type Ticket } from '@luot/core';
import { parseOfficeConfig, type Snapshot, type StreamEvent } from '@luot/protocol';
import profile from '../../core/profiles/quoc-oai.json' with { type: 'json' };
import { Mirror } from '../src/mirror.js';
import { newRequestId } from '../src/request-id.js';

const config: OfficeConfig = parseOfficeConfig(profile);
const at = Date.UTC(2026, 10, 30, 2, 0);

function snapshot(seq: number): Snapshot {
  return { seq, serverTime: at, config, state: createDay(config, '2026-11-30'), printers: {} };
}

function issued(seq: number, n: number): StreamEvent {
  const number = `A${String(n).padStart(3, '0')}`;
  const ticket: Ticket = {
    id: `20261130-${number}`,
    number,
    day: '2026-11-30',
    serial: n,
    service: 'A',
    issuedService: 'A',
    priority: null,
    party: 1,
    zone: 'hall',
    status: 'waiting',
    issuedAt: at,
    queuedAt: at,
    order: n,
    admittedAt: at,
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
  };
  return { seq, at, event: { type: 'ticket.issued', ticket } };
}

describe('Mirror', () => {
  it('applies events in order and skips those it has seen', () => {
    const m = new Mirror();
    m.reset(snapshot(10));
    expect(m.apply([issued(11, 1), issued(12, 2)])).toBe('ok');
    expect(m.apply([issued(11, 1), issued(12, 2)])).toBe('none');
    expect(m.seq).toBe(12);
    expect(Object.keys(m.current!.state.tickets)).toEqual(['20261130-A001', '20261130-A002']);
  });

  it('reports a gap instead of guessing, and changes nothing', () => {
    const m = new Mirror();
    m.reset(snapshot(10));
    const before = m.current;
    expect(m.apply([issued(12, 1)])).toBe('gap');
    expect(m.seq).toBe(10);
    expect(m.apply([issued(11, 1), issued(13, 3)])).toBe('gap');
    expect(m.current).toBe(before);
    expect(m.current!.state.tickets).toEqual({});
  });

  it('is immutable: each change is a new snapshot sharing what did not change', () => {
    const m = new Mirror();
    m.reset(snapshot(10));
    const first = m.current!;
    m.apply([issued(11, 1)]);
    const second = m.current!;
    expect(second).not.toBe(first);
    expect(second.state).not.toBe(first.state);
    expect(first.seq).toBe(10); // the old copy is as it was
    expect(first.state.tickets).toEqual({});
    // Untouched parts are the same objects: React sees no change there.
    expect(second.config).toBe(first.config);
    expect(second.state.counters).toBe(first.state.counters);
    expect(second.printers).toBe(first.printers);

    m.apply([issued(12, 2)]);
    const third = m.current!;
    expect(third.state.tickets['20261130-A001']).toBe(second.state.tickets['20261130-A001']);
    // Seen before: nothing changes, not even the reference.
    m.apply([issued(12, 2)]);
    expect(m.current).toBe(third);
    // Frozen: a screen cannot change the day behind the mirror's back.
    expect(Object.isFrozen(third.state.tickets['20261130-A002'])).toBe(true);
    expect(() => {
      (third.state as { level: number }).level = 4;
    }).toThrow(TypeError);
  });

  it('does nothing before the first snapshot', () => {
    expect(new Mirror().apply([issued(1, 1)])).toBe('none');
  });

  it('keeps printer states from the stream', () => {
    const m = new Mirror();
    m.reset(snapshot(1));
    m.apply([
      {
        seq: 2,
        at,
        event: {
          type: 'printer.status',
          device: 'kiosk-1',
          ok: false,
          fault: 'paper_end',
          paperNearEnd: false,
          at,
        },
      },
    ]);
    expect(m.current!.printers['kiosk-1']).toMatchObject({ fault: 'paper_end' });
  });
});

describe('request ids', () => {
  it('are unique and valid for the protocol', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRequestId('ticket.issue')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[\w.:-]{8,80}$/);
  });
});
