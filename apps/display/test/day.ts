/**
 * A day run through the real queue core, for unit tests: commands in, the hub's stream of events out
 * (numbered like the hub numbers them), and the state a display client would mirror.
 */
import profileJson from '@luot/core/profiles/quoc-oai.json' with { type: 'json' };
import {
  createDay,
  execute,
  type DayState,
  type Level,
  type OfficeConfig,
  type QueueCommand,
} from '@luot/core';
import type { Snapshot, StreamEvent } from '@luot/protocol';

export const profile = profileJson as unknown as OfficeConfig;

/** Monday 30 November 2026, 09:00 in Hà Nội. */
export const NINE_AM = Date.UTC(2026, 10, 30, 2, 0);

export class Day {
  readonly state: DayState;
  seq = 0;
  now = NINE_AM;
  /** Every event so far, as the hub streamed it. */
  readonly stream: StreamEvent[] = [];

  constructor(readonly config: OfficeConfig = profile) {
    this.state = createDay(config, '2026-11-30');
  }

  /** Run a command; returns the events it produced. */
  run(command: QueueCommand): StreamEvent[] {
    const events = execute(this.config, this.state, command, this.now).map((e): StreamEvent => ({
      seq: ++this.seq,
      at: e.at,
      event: e.event,
    }));
    this.stream.push(...events);
    this.now += 30_000;
    return events;
  }

  issue(service: string, priority: string | null = null): string {
    const [e] = this.run({ type: 'issue', service, priority, party: 1, kioskId: 'kiosk-1' });
    if (e?.event.type !== 'ticket.issued') throw new Error('not issued');
    return e.event.ticket.number;
  }

  signIn(counter: number): this {
    const officer = { id: `cb${counter}`, name: `Cán bộ ${counter}`, agency: { vi: '', en: '' } };
    this.run({ type: 'signIn', counter, officer });
    return this;
  }

  callNext(counter: number): StreamEvent[] {
    return this.run({ type: 'callNext', counter });
  }

  finish(counter: number): StreamEvent[] {
    return this.run({ type: 'finish', counter, outcome: { kind: 'received' } });
  }

  setLevel(level: Level): StreamEvent[] {
    return this.run({ type: 'setLevel', level });
  }

  /** What the hub would send a display that asks for a snapshot now. */
  snapshot(): Snapshot {
    return { seq: this.seq, serverTime: this.now, config: this.config, state: this.state, printers: {} };
  }
}
