import { createDay, execute, type DayState, type OfficeConfig, type QueueCommand } from '@luot/core';
import { MONDAY_9AM, testConfig } from '@luot/hub/testing';

/** A day of the default Quốc Oai profile driven through the real queue core, minute by minute. */
export class Day {
  readonly config: OfficeConfig = testConfig().office;
  readonly state: DayState = createDay(this.config, '2026-11-30');
  now = MONDAY_9AM;

  run(cmd: QueueCommand): this {
    execute(this.config, this.state, cmd, this.now);
    return this;
  }
  /** Issue a ticket and return its id. */
  issue(service: string, priority: string | null = null): string {
    const [e] = execute(
      this.config,
      this.state,
      { type: 'issue', service, priority, party: 1, kioskId: null },
      this.now,
    );
    return (e!.event as { ticket: { id: string } }).ticket.id;
  }
  signIn(counter: number, id = `cb${counter}`): this {
    return this.run({
      type: 'signIn',
      counter,
      officer: { id, name: `Cán bộ ${counter}`, agency: { vi: '', en: '' } },
    });
  }
  advance(minutes: number): this {
    this.now += minutes * 60_000;
    return this;
  }
  number(id: string): string {
    return this.state.tickets[id]!.number;
  }
}
