import type { TicketWatch } from '@luot/protocol';
import { describe, expect, it } from 'vitest';
import {
  initialWatchState,
  isNewCall,
  showsPosition,
  stageOf,
  tokenFromPath,
  watchReducer,
} from '../src/phone-view';
import { PHONE_TEXTS } from '../src/texts';

describe('phone page', () => {
  const watch = (status: TicketWatch['ticket']['status'], callCount = 0): TicketWatch => ({
    ticket: {
      number: 'C021',
      service: 'C',
      status,
      priority: null,
      counter: status === 'called' ? 5 : null,
      issuedAt: 0,
      calledAt: null,
      callCount,
      callsHere: callCount,
      transfers: 0,
      targetCounter: null,
    },
    serviceName: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' },
    officeName: { vi: 'Bộ phận Một cửa', en: 'One-stop office' },
    ahead: 3,
    entryPlace: null,
    estimatedMinutes: 10,
    estimatedRange: [10, 15],
    counterLost: false,
  });

  it('turns "waiting" into "come into the hall" once the ticket was seen outside', () => {
    const inside = watchReducer(initialWatchState, watch('waiting'));
    expect(stageOf(inside)).toBe('waiting');
    const admitted = [watch('outside'), watch('waiting')].reduce(watchReducer, initialWatchState);
    expect(stageOf(admitted)).toBe('admitted');
    expect(stageOf(initialWatchState)).toBeNull();
  });

  it('says when a counter has sent the citizen on, and keeps showing the place in line', () => {
    const sent = {
      ...watch('waiting'),
      ticket: { ...watch('waiting').ticket, transfers: 1, targetCounter: 6 },
    };
    const s = [watch('outside'), watch('called', 1), sent].reduce(watchReducer, initialWatchState);
    expect(stageOf(s)).toBe('transferred');
    expect(showsPosition(stageOf(s))).toBe(true);
  });

  it('alerts on a call and on each recall, not on other updates', () => {
    expect(isNewCall(watch('waiting'), watch('called', 1))).toBe(true);
    expect(isNewCall(watch('called', 1), watch('called', 1))).toBe(false);
    expect(isNewCall(watch('called', 1), watch('called', 2))).toBe(true);
    expect(isNewCall(watch('called', 1), watch('serving', 1))).toBe(false);
    const s = [watch('waiting'), watch('called', 1), watch('called', 1), watch('called', 2)].reduce(
      watchReducer,
      initialWatchState,
    );
    expect(s.calls).toBe(2);
  });

  it('takes the token from the last path segment', () => {
    expect(tokenFromPath('/t/AbC_123-xyz789')).toBe('AbC_123-xyz789');
    expect(tokenFromPath('/t/AbC_123-xyz789/')).toBe('AbC_123-xyz789');
    expect(tokenFromPath('/t/')).toBeNull();
    expect(tokenFromPath('/t/<script>')).toBeNull();
  });
});

describe('phone texts', () => {
  it('has every text in both languages, in NFC', () => {
    for (const [key, t] of Object.entries(PHONE_TEXTS)) {
      for (const s of [t.vi, t.en]) {
        expect(s, key).not.toBe('');
        expect(s, key).toBe(s.normalize('NFC'));
      }
    }
  });
});
