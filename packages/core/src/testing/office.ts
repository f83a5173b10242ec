import profileJson from '../../profiles/quoc-oai.json' with { type: 'json' };
import { parseOfficeConfig, type OfficeConfig } from '../config.js';

/** Monday 30 November 2026: the working day tests run on unless they say otherwise. */
export const MONDAY = '2026-11-30';

export const MINUTE = 60_000;

/**
 * Epoch ms of a local time in Hà Nội (UTC+7, no daylight saving) on Monday 2026-11-30, plus `days`.
 * `at(9)` is nine in the morning, `at(9, 0, 6)` the Sunday after.
 */
export function at(hour: number, minute = 0, days = 0): number {
  return Date.UTC(2026, 10, 30 + days, hour - 7, minute);
}

/** The profile file, checked by the same schema the hub uses, once. */
const PROFILE = parseOfficeConfig(profileJson);

/**
 * The default office (Quốc Oai, 16 counters, 14 services), a fresh copy each time, so a test may
 * change it freely: `quocOai((c) => (c.sessions.holidays = [MONDAY]))`.
 */
export function quocOai(change?: (c: OfficeConfig) => void): OfficeConfig {
  const config = structuredClone(PROFILE);
  change?.(config);
  return config;
}
