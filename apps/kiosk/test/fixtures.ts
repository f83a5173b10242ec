import { readFileSync } from 'node:fs';
import { createDay, execute, type OfficeConfig, type QueueCommand } from '@luot/core';
import type { Snapshot } from '@luot/protocol';

/** The default office (Quốc Oai): read at run time, so the test project needs no JSON import. */
export function office(change?: (c: OfficeConfig) => void): OfficeConfig {
  const url = new URL('../../../packages/core/profiles/quoc-oai.json', import.meta.url);
  const config = JSON.parse(readFileSync(url, 'utf8')) as OfficeConfig;
  change?.(config);
  return config;
}

/** Epoch ms of a local time (UTC+7) on Monday 2026-11-30, plus `days`. */
export function at(hour: number, minute = 0, days = 0): number {
  return Date.UTC(2026, 10, 30 + days, hour - 7, minute);
}

export const NINE = at(9);

/** The hub's day as a screen receives it: Monday, no tickets yet. */
export function snapshot(config = office()): Snapshot {
  return { seq: 0, serverTime: NINE, config, state: createDay(config, '2026-11-30'), printers: {} };
}

/** Run queue commands on the snapshot's day, as the hub would. */
export function run(s: Snapshot, ...commands: QueueCommand[]): Snapshot {
  for (const c of commands) execute(s.config, s.state, c, NINE);
  return s;
}

export const issue = (service: string, priority: string | null = null): QueueCommand => ({
  type: 'issue',
  service,
  priority,
  party: 1,
  kioskId: 'kiosk-1',
});
