/**
 * The board's line per office, read from the projections of the office's latest day in ONE query
 * (lateral joins on the `tickets_day` and primary-key indexes): the feed runs it for the offices a
 * batch touched, the board's snapshot for all of them.
 *
 * Figures keep the hub's definitions: "in the hall" is the core's IN_HALL statuses (waiting,
 * called, serving) counted by party; "waiting" adds those still outside; satisfaction is the share
 * of satisfied levels of the office's rating scale (`ratingLevels`, as the hub's reports) among the
 * tickets rated today (a ticket's last rating, as the hub keeps it).
 */
import { alertThresholds } from '@luot/core';
import { OfficeSummarySchema, ratingLevels, type OfficeSummary } from '@luot/protocol';
import type { Pool } from '../db.js';

interface SummaryRow {
  id: string;
  name: string;
  province: string;
  commune: string;
  online: boolean;
  since: number | null;
  lag: number;
  day: string | null;
  level: number | null;
  time_zone: string | null;
  alerts: { waitMinutes?: number } | null;
  scale: number | null;
  capacity: number | null;
  counters: number;
  waiting: number;
  longest_since: number | null;
  in_hall: number;
  tickets: number;
  served: number;
  counters_open: number;
  /** Tickets rated today by score, 1…5: [r1, r2, r3, r4, r5]. */
  rating_counts: number[];
}

/**
 * `$1`: the office ids wanted, or null for every office. The configuration read is the latest one
 * the hub sent (the one its day runs on).
 */
const SUMMARY_SQL = `
SELECT o.id, o.name, o.province, o.commune,
  (c.connected_at IS NOT NULL AND c.disconnected_at IS NULL) AS online,
  (extract(epoch FROM COALESCE(c.disconnected_at, c.connected_at)) * 1000)::int8 AS since,
  GREATEST(c.hub_seq - c.last_seq, 0)::int8 AS lag,
  d.day, d.level,
  cfg.config -> 'sessions' ->> 'timeZone' AS time_zone,
  cfg.config -> 'alerts' AS alerts,
  (cfg.config -> 'rating' ->> 'scale')::int AS scale,
  (SELECT sum((z -> 'capacity' ->> d.level::text)::int) FROM jsonb_array_elements(cfg.config -> 'zones') z)::int
    AS capacity,
  COALESCE(jsonb_array_length(cfg.config -> 'counters'), 0) AS counters,
  COALESCE(t.waiting, 0)::int AS waiting, t.longest_since, COALESCE(t.in_hall, 0)::int AS in_hall,
  COALESCE(t.tickets, 0)::int AS tickets, COALESCE(t.served, 0)::int AS served,
  COALESCE(k.open, 0)::int AS counters_open, COALESCE(t.rating_counts, '{0,0,0,0,0}') AS rating_counts
FROM offices o
JOIN office_cursors c ON c.office_id = o.id
LEFT JOIN LATERAL (SELECT config FROM office_configs WHERE office_id = o.id ORDER BY from_seq DESC LIMIT 1) cfg
  ON true
LEFT JOIN LATERAL (SELECT day, level FROM office_days WHERE office_id = o.id ORDER BY day DESC LIMIT 1) d
  ON true
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE status IN ('waiting', 'outside')) AS waiting,
         min(issued_at) FILTER (WHERE status IN ('waiting', 'outside')) AS longest_since,
         sum(party) FILTER (WHERE status IN ('waiting', 'called', 'serving')) AS in_hall,
         count(*) AS tickets,
         count(*) FILTER (WHERE status = 'done') AS served,
         -- Scores of every scale in the same scan (5 at most): no second pass for the ratings.
         ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
               count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
               count(*) FILTER (WHERE rating = 5)]::int[] AS rating_counts
  FROM tickets WHERE office_id = o.id AND day = d.day) t ON true
LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE status = 'open') AS open
  FROM counters WHERE office_id = o.id AND day = d.day) k ON true
WHERE ($1::text[] IS NULL OR o.id = ANY($1::text[])) AND ($2::text IS NULL OR o.province = $2)
ORDER BY o.province, o.commune, o.name, o.id`;

/**
 * The board's line of each office asked for (all when `ids` is null or omitted; one province's when
 * `province` is given), sorted by province and commune.
 */
export async function officeSummaries(
  pool: Pool,
  ids?: readonly string[] | null,
  province?: string | null,
): Promise<OfficeSummary[]> {
  const { rows } = await pool.query<SummaryRow>(SUMMARY_SQL, [ids ? [...ids] : null, province ?? null]);
  return rows.map(toSummary);
}

function toSummary(r: SummaryRow): OfficeSummary {
  const scale = r.scale === 3 || r.scale === 4 || r.scale === 5 ? r.scale : 4;
  let rated = 0;
  let satisfied = 0;
  for (const level of ratingLevels(scale)) {
    const n = r.rating_counts[level.score - 1] ?? 0;
    rated += n;
    if (level.satisfied) satisfied += n;
  }
  // Parsed here, not only in the app: a projection that drifted from the contract fails at the city.
  return OfficeSummarySchema.parse({
    id: r.id,
    name: r.name,
    province: r.province,
    commune: r.commune,
    online: r.online,
    since: r.since,
    lag: r.lag,
    day: r.day,
    timeZone: r.time_zone ?? 'Asia/Ho_Chi_Minh',
    level: r.level,
    waiting: r.waiting,
    longestSince: r.longest_since,
    waitTargetMinutes: alertThresholds({ alerts: r.alerts ?? {} }).waitMinutes,
    inHall: r.in_hall,
    capacity: r.capacity,
    countersOpen: r.counters_open,
    counters: r.counters,
    ticketsToday: r.tickets,
    servedToday: r.served,
    rated,
    satisfied,
    satisfaction: rated ? Math.round((satisfied / rated) * 10_000) / 10_000 : null,
  });
}
