import { describe, expect, it } from 'vitest';
import type { HubEvent } from '@luot/protocol';
import type { Ticket } from '@luot/core';
import { callsHere, tallyCalls } from '../../src/calls-here.js';

const call = (ticketId: string, counter: number, recall = false): HubEvent => ({
  type: 'ticket.called',
  ticketId,
  counter,
  officerId: null,
  recall,
  priorityInRow: 0,
});

/** Only what callsHere reads: the day's count of calls and of transfers. */
const ticket = (id: string, callCount: number, transfers: number) => ({ id, callCount, transfers }) as Ticket;

describe('calls of the ticket in hand at this counter', () => {
  it('starts at 1 on a first call here and adds each recall; other counters do not count', () => {
    // Counter 5 calls C001 and calls it again, then transfers it: counter 6's first call is its first.
    let tally = tallyCalls(null, [call('C001', 5), call('C001', 5, true)], 6);
    expect(tally).toBeNull();
    tally = tallyCalls(tally, [call('C001', 6)], 6);
    expect(callsHere(ticket('C001', 3, 1), tally)).toBe(1);
    tally = tallyCalls(tally, [call('C001', 6, true)], 6);
    expect(callsHere(ticket('C001', 4, 1), tally)).toBe(2);
    // The next citizen starts over.
    tally = tallyCalls(tally, [call('C002', 6)], 6);
    expect(callsHere(ticket('C002', 1, 0), tally)).toBe(1);
  });

  it('a skipped ticket put back in line and called again is a first call again', () => {
    const tally = tallyCalls(null, [call('C001', 5), call('C001', 5)], 5);
    expect(callsHere(ticket('C001', 2, 0), tally)).toBe(1);
  });

  it('without a tally for the ticket, one call per transfer is taken as not ours', () => {
    expect(callsHere(ticket('C001', 2, 1), null)).toBe(1);
    expect(callsHere(ticket('C001', 3, 1), { ticketId: 'C009', calls: 5 })).toBe(2);
    // A recall whose first call was never seen gives no tally rather than a wrong one.
    expect(tallyCalls({ ticketId: 'C009', calls: 1 }, [call('C001', 5, true)], 5)).toBeNull();
  });
});
