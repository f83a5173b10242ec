import { expect } from 'vitest';
import { QueueError, type OfficeConfig, type QueueCommand, type QueueErrorCode } from '../src/index.js';
import { at, Day, MONDAY, quocOai } from '../src/testing/index.js';

export {
  at,
  Day,
  MINUTE,
  MONDAY,
  normalizeLines,
  officer,
  recountLines,
  replay,
} from '../src/testing/index.js';

/** The default office (Quốc Oai, 16 counters). */
export const profile: OfficeConfig = quocOai();

/**
 * A small office: A at counters 1 and 2, B at counters 2 and 3; counter 3 also takes every priority ticket.
 * Hall capacity 4 / 3 / 2 / 1 by level; level 3 closes counter 2; level 4 keeps only B (essential).
 */
export function smallConfig(change?: (c: OfficeConfig) => void): OfficeConfig {
  const text = (s: string) => ({ vi: s, en: s });
  const config: OfficeConfig = {
    office: { name: text('Test office') },
    services: [
      { prefix: 'A', name: text('Land'), numberWidth: 3, zone: 'hall', defaultServiceMinutes: 10 },
      {
        prefix: 'B',
        name: text('Civil'),
        numberWidth: 3,
        zone: 'hall',
        defaultServiceMinutes: 5,
        essential: true,
      },
    ],
    counters: [
      { number: 1, services: ['A'], agency: text('Land office') },
      { number: 2, services: ['A', 'B'], agency: text('One-stop') },
      { number: 3, services: ['B'], servesAllPriority: true, agency: text('One-stop') },
    ],
    zones: [{ id: 'hall', name: text('Hall'), capacity: { 1: 4, 2: 3, 3: 2, 4: 1 } }],
    levels: {
      1: { closedCounters: [], restrictedServices: [] },
      2: { closedCounters: [], restrictedServices: [] },
      3: { closedCounters: [2], restrictedServices: [] },
      4: { closedCounters: [2], restrictedServices: 'non-essential' },
    },
    initialLevel: 1,
    sessions: {
      timeZone: 'Asia/Ho_Chi_Minh',
      days: [1, 2, 3, 4, 5],
      periods: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      stopWhenWaitPastClose: false,
      holidays: ['2026-12-02'],
    },
    priorityCategories: [
      { id: 'elderly', name: text('Elderly') },
      { id: 'disabled', name: text('Disabled') },
    ],
    fairness: { maxPriorityInRow: 2, agingMinutes: 30 },
    rating: { scale: 4, timeoutSeconds: 30, reasons: [{ id: 'wait', name: text('Long wait') }] },
  };
  change?.(config);
  return config;
}

/** The core tests' day (the shared day builder): from 08:00, and able to check a refusal. */
export class Office extends Day {
  constructor(config: OfficeConfig, start = at(8, 0), date = MONDAY) {
    super({ config, start, date });
  }

  /** Run a command that must be refused; check the code and that nothing changed. */
  refused(command: QueueCommand, code: QueueErrorCode): QueueError {
    const before = structuredClone(this.state);
    let error: unknown;
    try {
      this.run(command);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueueError);
    expect((error as QueueError).code).toBe(code);
    expect(this.state).toEqual(before);
    return error as QueueError;
  }
}
