import type { OfficeConfig } from '@luot/core';
import { asHubEvent, type UplinkBatch } from '@luot/protocol';
import { transaction, type Pool } from './db.js';
import type { Projector } from './projector.js';

export type IngestResult =
  { kind: 'ack'; seq: number } | { kind: 'resend'; fromSeq: number; message: string };

/**
 * An office's hub said hello: keep its configuration when it changed (in force from the next seq
 * the city will take) and answer with the last seq the city has. Under the cursor's row lock, so a
 * batch being written on another connection is either wholly before or wholly after.
 */
export async function hello(
  pool: Pool,
  officeId: string,
  config: OfficeConfig,
  hubSeq: number,
): Promise<{ lastSeq: number; connectedAt: string }> {
  return transaction(pool, async (c) => {
    const { rows } = await c.query<{ last_seq: number }>(
      'SELECT last_seq FROM office_cursors WHERE office_id = $1 FOR UPDATE',
      [officeId],
    );
    const last = rows[0]!.last_seq;
    const json = JSON.stringify(config);
    // jsonb compares by value: the same configuration sent again at every reconnect adds nothing.
    await c.query(
      `INSERT INTO office_configs (office_id, from_seq, config)
       SELECT $1, $2, $3::jsonb
       WHERE NOT EXISTS (SELECT 1 FROM (SELECT config FROM office_configs WHERE office_id = $1
                                        ORDER BY from_seq DESC LIMIT 1) latest WHERE latest.config = $3::jsonb)
       ON CONFLICT (office_id, from_seq) DO UPDATE SET config = excluded.config`,
      [officeId, last + 1, json],
    );
    // clock_timestamp(), not now(): two hellos in one instant would share the transaction's time.
    // As text: a Date would lose the microseconds the close compares with.
    const { rows: at } = await c.query<{ connected_at: string }>(
      `UPDATE office_cursors SET hub_seq = $2, connected_at = clock_timestamp(), disconnected_at = NULL
       WHERE office_id = $1 RETURNING connected_at::text`,
      [officeId, hubSeq],
    );
    return { lastSeq: last, connectedAt: at[0]!.connected_at };
  });
}

/**
 * Write one batch in ONE transaction: the office's cursor row locked (`FOR UPDATE`: another city
 * process writing this office waits here), events the city already has skipped (a re-sent batch is
 * a no-op; the primary key stands behind it), a gap refused with the seq to resend from, the raw
 * events and the projections written, the cursor moved. The ack follows the commit.
 */
export async function ingestBatch(
  pool: Pool,
  projector: Projector,
  officeId: string,
  batch: UplinkBatch,
): Promise<IngestResult> {
  let afterCommit: (() => void) | null = null;
  const result = await transaction(pool, async (c): Promise<IngestResult> => {
    const { rows } = await c.query<{ last_seq: number }>(
      'SELECT last_seq FROM office_cursors WHERE office_id = $1 FOR UPDATE',
      [officeId],
    );
    const last = rows[0]!.last_seq;
    if (batch.fromSeq > last + 1) {
      return {
        kind: 'resend',
        fromSeq: last + 1,
        message: `gap: the city has events up to ${last} and this batch starts at ${batch.fromSeq}; send again from ${last + 1}`,
      };
    }
    const fresh = batch.events.filter((e) => e.seq > last).map((e) => ({ ...e, event: asHubEvent(e.event) }));
    if (fresh.length === 0) return { kind: 'ack', seq: last };
    const projected = await projector.apply(c, officeId, last, fresh);
    const rowsJson = JSON.stringify(
      fresh.map((e, i) => ({
        seq: e.seq,
        at: e.at,
        day: projected.days[i],
        type: e.event.type,
        data: e.event,
      })),
    );
    const seq = fresh.at(-1)!.seq;
    // The raw events and the cursor in one statement (one round trip).
    const { rows: written } = await c.query<{ inserted: number }>(
      `WITH inserted AS (
         INSERT INTO events (office_id, seq, at, day, type, data)
         SELECT $1, x.seq, x.at, x.day, x.type, x.data
         FROM jsonb_to_recordset($2::jsonb) AS x(seq int8, at int8, day date, type text, data jsonb)
         ON CONFLICT (office_id, seq) DO NOTHING
         RETURNING 1)
       UPDATE office_cursors SET last_seq = $3, last_batch_at = now() WHERE office_id = $1
       RETURNING (SELECT count(*) FROM inserted)::int AS inserted`,
      [officeId, rowsJson, seq],
    );
    // Under the row lock every event past the cursor is new: anything else is a broken invariant,
    // and rolling back is better than a cursor that lies.
    const inserted = written[0]?.inserted ?? 0;
    if (inserted !== fresh.length) {
      throw new Error(`office ${officeId}: ${fresh.length - inserted} events past the cursor existed`);
    }
    afterCommit = projected.commit;
    return { kind: 'ack', seq };
  });
  (afterCommit as (() => void) | null)?.();
  return result;
}
