/**
 * The city's live board (issue #15): what the city sends the `/city` app, over HTTP and over its
 * Socket.IO feed. Both ends parse with these schemas: the city before it sends (a projection that
 * drifted from the contract fails loudly there, not on a screen) and the app when it receives.
 *
 *   GET  /api/board                  → BoardSnapshot      every office the token may see, and settings
 *   GET  /api/board/offices/:id      → OfficeMonitor      one office's read-only monitor
 *   Socket.IO (auth: { token })      ← 'board'  BoardSnapshot  on every (re)connection
 *                                    ← 'office' OfficeSummary  an office changed (any city process)
 *
 * Every request carries the city viewer token (`Authorization: Bearer …`, or `auth.token` on the
 * socket). Times are epoch milliseconds, as at the hub.
 */
import { z } from 'zod';
import { TextSchema } from '@luot/core';

const int = z.number().int();
const count = int.min(0);
const ms = z.number().finite();

/** One office as the board shows it, computed from the city's projections of its current day. */
export const OfficeSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  province: z.string(),
  commune: z.string(),
  /** Its uplink is connected now (to any city process). */
  online: z.boolean(),
  /** Online since (the latest hello) or offline since (that connection closed); null: never connected. */
  since: ms.nullable(),
  /** Events the hub has and the city does not yet (at its latest hello or batch). */
  lag: count,
  /** The office's latest day at the city ('YYYY-MM-DD', the office's own), null before any. */
  day: z.string().nullable(),
  timeZone: z.string(),
  level: int.min(1).max(4).nullable(),
  /** Waiting inside or outside the hall now. */
  waiting: count,
  /** When the longest-waiting citizen took their number, or null. */
  longestSince: ms.nullable(),
  /** The office's wait target in minutes (its `alerts.waitMinutes`, 30 by default). */
  waitTargetMinutes: z.number().positive(),
  /** People in the hall (parties counted) against the capacity of its zones at today's level. */
  inHall: count,
  capacity: count.nullable(),
  countersOpen: count,
  counters: count,
  ticketsToday: count,
  servedToday: count,
  /** Ratings today: answered, satisfied (rất hài lòng + hài lòng), and their share 0…1. */
  rated: count,
  satisfied: count,
  satisfaction: z.number().min(0).max(1).nullable(),
});
export type OfficeSummary = z.infer<typeof OfficeSummarySchema>;

/** The board's thresholds, set where the city runs (docs/city.md). */
export const BoardSettingsSchema = z.object({
  /** An office offline this long is flagged. */
  offlineFlagMinutes: z.number().positive(),
});
export type BoardSettings = z.infer<typeof BoardSettingsSchema>;

/** What the viewer's token reads: every office (`province: null`) or one province's. */
export const ViewerScopeSchema = z.object({ province: z.string().nullable() });
export type ViewerScope = z.infer<typeof ViewerScopeSchema>;

export const BoardSnapshotSchema = z.object({
  settings: BoardSettingsSchema,
  scope: ViewerScopeSchema,
  offices: z.array(OfficeSummarySchema),
  /** The city's clock when this was read, so the app can tell its own clock's offset. */
  now: ms,
});
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

/** One office's read-only monitor: its counters, its lines per service, its hall. */
export const OfficeMonitorSchema = z.object({
  office: OfficeSummarySchema,
  notice: z.string().nullable(),
  closed: z.boolean(),
  counters: z.array(
    z.object({
      number: int,
      status: z.enum(['open', 'paused', 'offline', 'closed']),
      /** Why it cannot call today: its supervisor, the distancing level, its officer; null when it can. */
      closure: z.enum(['supervisor', 'level', 'officer']).nullable(),
      officer: z.string().nullable(),
      pauseReason: z.string().nullable(),
      closedReason: z.string().nullable(),
      /** The ticket at the counter now, and since when (served, or else called). */
      current: z.object({ number: z.string(), since: ms }).nullable(),
      servedToday: count,
    }),
  ),
  services: z.array(
    z.object({
      prefix: z.string(),
      name: TextSchema,
      waiting: count,
      longestSince: ms.nullable(),
      /** Counters open now that call this service (by their configured services). */
      openCounters: z.array(int),
    }),
  ),
  zones: z.array(
    z.object({ id: z.string(), name: TextSchema, inHall: count, capacity: count.nullable(), outside: count }),
  ),
  now: ms,
});
export type OfficeMonitor = z.infer<typeof OfficeMonitorSchema>;

/** Socket.IO events of the board feed, server to client. */
export interface BoardFeedEvents {
  board: (snapshot: BoardSnapshot) => void;
  office: (summary: OfficeSummary) => void;
}

/**
 * Flags the board raises on an office: offline longer than the city's threshold, or someone
 * waiting longer than the office's own target. One definition for the app and the tests.
 */
export function officeFlags(
  o: OfficeSummary,
  settings: BoardSettings,
  now: number,
): { offline: boolean; waitOverTarget: boolean } {
  return {
    offline: !o.online && (o.since === null || now - o.since > settings.offlineFlagMinutes * 60_000),
    waitOverTarget: o.longestSince !== null && now - o.longestSince > o.waitTargetMinutes * 60_000,
  };
}
