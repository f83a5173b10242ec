/**
 * What the board shows, worked out from the lines the city sends: filters by province and commune,
 * the sort orders, the flags. Pure functions, tested under Node (test/board-view.test.ts).
 */
import { officeFlags, type BoardSettings, type OfficeSummary } from '@luot/protocol';

export type SortKey = 'place' | 'flagged' | 'waiting' | 'longest' | 'hall' | 'satisfaction';

export interface BoardFilter {
  province: string;
  commune: string;
  /** Only offices with a flag. */
  flaggedOnly: boolean;
}

export interface BoardRow {
  office: OfficeSummary;
  offline: boolean;
  waitOverTarget: boolean;
  /** Minutes the longest-waiting citizen has waited, or null. */
  longestMinutes: number | null;
  /** In the hall / capacity, 0…1 (or more); null without a capacity. */
  hallShare: number | null;
}

/** Every province, and the communes of the chosen one (all communes when none is chosen), sorted. */
export function places(offices: readonly OfficeSummary[], province: string) {
  const sort = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b, 'vi'));
  return {
    provinces: sort(new Set(offices.map((o) => o.province))),
    communes: sort(
      new Set(offices.filter((o) => !province || o.province === province).map((o) => o.commune)),
    ),
  };
}

export function boardRows(
  offices: readonly OfficeSummary[],
  settings: BoardSettings,
  now: number,
  filter: BoardFilter,
  sort: SortKey,
): BoardRow[] {
  const rows = offices
    .filter(
      (o) =>
        (!filter.province || o.province === filter.province) &&
        (!filter.commune || o.commune === filter.commune),
    )
    .map((office): BoardRow => {
      const flags = officeFlags(office, settings, now);
      return {
        office,
        ...flags,
        longestMinutes:
          office.longestSince === null ? null : Math.max(0, (now - office.longestSince) / 60_000),
        hallShare: office.capacity ? office.inHall / office.capacity : null,
      };
    })
    .filter((r) => !filter.flaggedOnly || r.offline || r.waitOverTarget);
  const place = (a: BoardRow, b: BoardRow) =>
    a.office.province.localeCompare(b.office.province, 'vi') ||
    a.office.commune.localeCompare(b.office.commune, 'vi') ||
    a.office.name.localeCompare(b.office.name, 'vi');
  /** Larger first, unknown last, then by place. */
  const desc = (f: (r: BoardRow) => number | null) => (a: BoardRow, b: BoardRow) =>
    (f(b) ?? -Infinity) - (f(a) ?? -Infinity) || place(a, b);
  const order: Record<SortKey, (a: BoardRow, b: BoardRow) => number> = {
    place,
    flagged: desc((r) => (r.offline ? 2 : 0) + (r.waitOverTarget ? 1 : 0)),
    waiting: desc((r) => r.office.waiting),
    longest: desc((r) => r.longestMinutes),
    hall: desc((r) => r.hallShare),
    // Lowest satisfaction first: the offices to look at.
    satisfaction: desc((r) => (r.office.satisfaction === null ? null : 1 - r.office.satisfaction)),
  };
  return rows.sort(order[sort]);
}

/**
 * The office's own date now ('YYYY-MM-DD' in its time zone): its figures are "today's" only when
 * its latest day is this one (an office that has not opened today still shows its last day).
 */
export function officeDate(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Replace one office's line (or add it), keeping the rest. */
export function withLine(offices: readonly OfficeSummary[], line: OfficeSummary): OfficeSummary[] {
  const i = offices.findIndex((o) => o.id === line.id);
  if (i < 0) return [...offices, line];
  const next = offices.slice();
  next[i] = line;
  return next;
}
