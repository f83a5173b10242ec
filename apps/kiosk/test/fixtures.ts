import type { QueueCommand } from '@luot/core';
import { at, Day, quocOai } from '@luot/core/testing';
import type { Snapshot } from '@luot/protocol';

export { at };

/** The default office (Quốc Oai), a fresh copy that `change` may edit. */
export const office = quocOai;

export const NINE = at(9);

/** The hub's day as a screen receives it: Monday, no tickets yet. */
export function snapshot(config = office()): Snapshot {
  return new Day({ config, start: NINE }).snapshot();
}

/** Run queue commands on the snapshot's day at nine, as the hub would. */
export function run(s: Snapshot, ...commands: QueueCommand[]): Snapshot {
  const day = new Day({ config: s.config, state: s.state, seq: s.seq, start: NINE });
  for (const c of commands) day.run(c);
  s.seq = day.seq;
  return s;
}

export const issue = (service: string, priority: string | null = null): QueueCommand => ({
  type: 'issue',
  service,
  priority,
  party: 1,
  kioskId: 'kiosk-1',
});
