import { expect } from 'vitest';
import profileJson from '../profiles/quoc-oai.json' with { type: 'json' };
import {
  applyEvent,
  createDay,
  execute,
  openDayIfNeeded,
  QueueError,
  type DayState,
  type Emitted,
  type Level,
  type Lines,
  type OfficeConfig,
  type Officer,
  type QueueCommand,
  type QueueErrorCode,
} from '../src/index.js';

/** The default office (Quốc Oai, 16 counters). */
export const profile = profileJson as unknown as OfficeConfig;

export const MONDAY = '2026-11-30';

/** Epoch ms of a local time (Asia/Ho_Chi_Minh, UTC+7) on Monday 2026-11-30, plus `days`. */
export function at(hour: number, minute = 0, days = 0): number {
  return Date.UTC(2026, 10, 30 + days, hour - 7, minute);
}

export const MINUTE = 60_000;

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

export function officer(id: string): Officer {
  return { id, name: `Officer ${id}`, agency: { vi: 'x', en: 'x' } };
}

/** A day under test: runs commands at a settable clock and keeps every emitted event. */
export class Office {
  state: DayState;
  readonly log: Emitted[] = [];
  now: number;

  constructor(
    readonly config: OfficeConfig,
    start = at(8, 0),
    day = MONDAY,
  ) {
    this.state = createDay(config, day);
    this.now = start;
  }

  run(command: QueueCommand, now = this.now): Emitted[] {
    this.now = now;
    const out = execute(this.config, this.state, command, now);
    this.log.push(...out);
    return out;
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

  rollover(now: number): Emitted[] {
    this.now = now;
    const out = openDayIfNeeded(this.config, this.state, now);
    this.log.push(...out);
    return out;
  }

  advance(minutes: number): this {
    this.now += minutes * MINUTE;
    return this;
  }

  issue(service: string, opts: { priority?: string | null; party?: number } = {}) {
    const out = this.run({
      type: 'issue',
      service,
      priority: opts.priority ?? null,
      party: opts.party ?? 1,
      kioskId: 'k1',
    });
    const e = out[0]!.event;
    if (e.type !== 'ticket.issued') throw new Error('not issued');
    return this.state.tickets[e.ticket.id]!;
  }

  signIn(counter: number, id = `o${counter}`): void {
    this.run({ type: 'signIn', counter, officer: officer(id) });
  }

  callNext(counter: number): string {
    const out = this.run({ type: 'callNext', counter });
    const e = out[0]!.event;
    if (e.type !== 'ticket.called') throw new Error('not called');
    return e.ticketId;
  }

  /** Numbers in call order, calling and finishing at one counter. */
  serveAll(counter: number, max = 100): string[] {
    const numbers: string[] = [];
    for (let i = 0; i < max; i++) {
      let id: string;
      try {
        id = this.callNext(counter);
      } catch (e) {
        if (e instanceof QueueError && e.code === 'QUEUE_EMPTY') break;
        throw e;
      }
      numbers.push(this.state.tickets[id]!.number);
      this.run({ type: 'finish', counter, outcome: { kind: 'guided' } });
    }
    return numbers;
  }

  finish(counter: number): void {
    this.run({ type: 'finish', counter, outcome: { kind: 'guided' } });
  }

  ticket(number: string) {
    const t = Object.values(this.state.tickets).find((t) => t.number === number);
    if (!t) throw new Error(`no ticket ${number}`);
    return t;
  }

  setLevel(level: Level): void {
    this.run({ type: 'setLevel', level });
  }
}

/** Replay emitted events onto a fresh day. */
export function replay(config: OfficeConfig, log: readonly Emitted[], day = MONDAY): DayState {
  const state = createDay(config, day);
  for (const e of log) applyEvent(state, e.event, e.at, config);
  return state;
}

/** The line indexes computed from scratch from the tickets, without empty entries. */
export function recountLines(state: DayState): Lines {
  const tickets = Object.values(state.tickets);
  const byAge = (a: string, b: string) => {
    const x = state.tickets[a]!;
    const y = state.tickets[b]!;
    return x.queuedAt - y.queuedAt || x.order - y.order;
  };
  const byOrder = (a: string, b: string) => state.tickets[a]!.order - state.tickets[b]!.order;
  const lines: Lines = { waiting: {}, targeted: {}, outside: {}, occupancy: {}, queued: {} };
  for (const t of tickets) {
    const klass = t.priority ? 'priority' : 'normal';
    if (t.status === 'outside') {
      (lines.outside[t.zone] ??= { priority: [], normal: [] })[klass].push(t.id);
    } else if (t.status === 'waiting') {
      if (t.targetCounter !== null) (lines.targeted[t.targetCounter] ??= []).push(t.id);
      else (lines.waiting[t.service] ??= { priority: [], normal: [] })[klass].push(t.id);
    }
    if (t.status === 'outside' || t.status === 'waiting')
      lines.queued[t.service] = (lines.queued[t.service] ?? 0) + 1;
    if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving') {
      lines.occupancy[t.zone] = (lines.occupancy[t.zone] ?? 0) + t.party;
    }
  }
  for (const l of Object.values(lines.waiting)) {
    l.priority.sort(byAge);
    l.normal.sort(byAge);
  }
  for (const l of Object.values(lines.targeted)) l.sort(byAge);
  for (const l of Object.values(lines.outside)) {
    l.priority.sort(byOrder);
    l.normal.sort(byOrder);
  }
  return lines;
}

/** Line indexes without empty lists and zero counts, to compare with a recount. */
export function normalizeLines(lines: Lines): Lines {
  const classes = (m: Record<string, { priority: string[]; normal: string[] }>) =>
    Object.fromEntries(
      Object.entries(m)
        .filter(([, l]) => l.priority.length + l.normal.length > 0)
        .map(([k, l]) => [k, { priority: [...l.priority], normal: [...l.normal] }]),
    );
  return {
    waiting: classes(lines.waiting),
    outside: classes(lines.outside),
    targeted: Object.fromEntries(Object.entries(lines.targeted).filter(([, l]) => l.length > 0)),
    occupancy: Object.fromEntries(Object.entries(lines.occupancy).filter(([, n]) => n !== 0)),
    queued: Object.fromEntries(Object.entries(lines.queued).filter(([, n]) => n !== 0)),
  };
}
