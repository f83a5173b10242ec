import { describe, expect, it } from 'vitest';
import { Day, MINUTE } from '@luot/core/testing';
import { skippedHere } from '../../src/skipped.js';

describe('skippedHere', () => {
  it('lists this counter’s no-shows that may still be reactivated, latest first, three at most', () => {
    const day = new Day().signIn(5).signIn(6);
    for (let i = 0; i < 4; i++) day.issue('C');
    day.issue('E');
    for (let i = 0; i < 4; i++) {
      day.advance(1).callNext(5);
      day.noShow(5);
    }
    day.callNext(6);
    day.noShow(6); // another counter's
    const numbers = () => skippedHere(day.config, day.state, 5, day.now).map((t) => t.number);
    expect(numbers()).toEqual(['C004', 'C003', 'C002']);
    day.reactivate(day.ticket('C004').id, 5);
    expect(numbers()).toEqual(['C003', 'C002', 'C001']);
    // After `reactivateWithinMinutes` (120 in the default office) the queue refuses: not listed.
    day.now += 117 * MINUTE + 1; // C001 was skipped 120 min and 1 ms ago
    expect(numbers()).toEqual(['C003', 'C002']);
  });
});
