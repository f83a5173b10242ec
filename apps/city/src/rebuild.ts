import type { HubEvent } from '@luot/protocol';
import { transaction, type Pool } from './db.js';
import { Projector, type LogEntry } from './projector.js';

const CHUNK = 1000;

/**
 * Rebuild the projections (office_days, tickets, counters, ratings, and the reports' day_rows) from the raw events, office by
 * office, each in one transaction holding the office's cursor lock: ingest for that office waits,
 * the board reads the old rows until the commit. The same `Projector` as live ingest, fed in chunks
 * cut where the office's configuration changed, as its batches were.
 */
export async function rebuildProjections(
  pool: Pool,
  only?: string,
): Promise<{ offices: number; events: number }> {
  const { rows: offices } = await pool.query<{ id: string }>(
    'SELECT id FROM offices WHERE $1::text IS NULL OR id = $1 ORDER BY id',
    [only ?? null],
  );
  let events = 0;
  for (const { id } of offices) {
    events += await transaction(pool, async (c) => {
      const { rows: cur } = await c.query<{ last_seq: number }>(
        'SELECT last_seq FROM office_cursors WHERE office_id = $1 FOR UPDATE',
        [id],
      );
      const last = cur[0]!.last_seq;
      for (const table of ['day_rows', 'tickets', 'counters', 'ratings', 'office_days']) {
        await c.query(`DELETE FROM ${table} WHERE office_id = $1`, [id]);
      }
      const { rows: cfg } = await c.query<{ from_seq: number }>(
        'SELECT from_seq FROM office_configs WHERE office_id = $1 ORDER BY from_seq',
        [id],
      );
      const boundaries = cfg.map((r) => r.from_seq);
      const projector = new Projector();
      let done = 0;
      while (done < last) {
        // Stop before the next configuration's first seq, so a chunk has one configuration.
        const next = boundaries.find((b) => b > done + 1) ?? Infinity;
        const limit = Math.min(CHUNK, next - (done + 1));
        const { rows } = await c.query<{ seq: number; at: number; data: HubEvent }>(
          'SELECT seq, at, data FROM events WHERE office_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
          [id, done, limit],
        );
        const chunk: LogEntry[] = rows.map((r) => ({ seq: r.seq, at: r.at, event: r.data }));
        if (chunk.length === 0 || chunk[0]!.seq !== done + 1) {
          throw new Error(`office ${id}: raw events missing after seq ${done} (cursor at ${last})`);
        }
        const p = await projector.apply(c, id, done, chunk);
        p.commit();
        done = chunk.at(-1)!.seq;
      }
      return done;
    });
  }
  return { offices: offices.length, events };
}
