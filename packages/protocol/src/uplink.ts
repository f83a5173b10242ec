/**
 * The uplink: how an office's hub ships its event log to the city service (issue #15).
 *
 * One WebSocket per office, opened by the hub (outbound, so it passes NAT and a proxy) with the
 * office token in `Authorization: Bearer …`. Then:
 *
 *   hub  → city  hello  { version, config, hubSeq }   the office's configuration (the city's
 *                                                       projections replay events against it)
 *   city → hub   hello  { officeId, lastSeq }          the last seq the city has for this office
 *   hub  → city  batch  { fromSeq, events }            events lastSeq+1 … in order, at most 1000
 *   city → hub   ack    { seq }                        all events up to seq are committed
 *   city → hub   resend { fromSeq, message }           a gap: send again from fromSeq
 *   city → hub   error  { message }                    a refused message; the city closes
 *
 * Every message is JSON, validated here on both sides. Events are checked field by field: the city
 * replays them with @luot/core's `applyEvent`, which trusts what it is given.
 */
import { z } from 'zod';
import { LevelSchema, OfficeConfigSchema, TextSchema } from '@luot/core';
import { PRINTER_FAULTS } from '@luot/printer/faults';
import type { HubEvent } from './messages.js';

export const UPLINK_VERSION = 1;
/** The most events one batch may carry: a batch is one PostgreSQL transaction at the city. */
export const MAX_BATCH_EVENTS = 1000;

const int = z.number().int();
const seqSchema = int.positive();
const ms = z.number().finite();
const str = z.string().max(2000);

const OutcomeSchema = z.looseObject({
  kind: z.enum(['received', 'guided', 'returned', 'refused', 'other']),
  dossierCode: str.optional(),
  returnDate: str.optional(),
  reasons: z.array(str).optional(),
  note: str.optional(),
});

const OfficerSchema = z.looseObject({ id: str, name: str, agency: TextSchema });

const TicketSchema = z.looseObject({
  id: str,
  number: str,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  serial: int,
  service: str,
  issuedService: str,
  priority: str.nullable(),
  party: int.positive(),
  zone: str,
  status: z.enum(['outside', 'waiting', 'called', 'serving', 'done', 'no_show', 'cancelled']),
  issuedAt: ms,
  queuedAt: ms,
  order: z.number().finite(),
  admittedAt: ms.nullable(),
  calledAt: ms.nullable(),
  servingAt: ms.nullable(),
  finishedAt: ms.nullable(),
  counter: int.nullable(),
  targetCounter: int.nullable(),
  officerId: str.nullable(),
  callCount: int,
  callsHere: int,
  outcome: OutcomeSchema.nullable(),
  transfers: int,
  kioskId: str.nullable(),
  rating: z.number().nullable().optional(),
});

/**
 * Every event of the hub's log (QueueEvent from @luot/core, and printer.status). Loose objects: a
 * field a newer hub adds is kept in the city's raw log as the hub wrote it, not silently dropped
 * (a rebuild by a newer city can use it), and an older city does not refuse that hub's batches.
 */
export const HubEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('day.opened'), day: z.string(), level: LevelSchema }),
  z.looseObject({ type: z.literal('day.closed'), day: z.string() }),
  z.looseObject({ type: z.literal('ticket.issued'), ticket: TicketSchema }),
  z.looseObject({ type: z.literal('ticket.admitted'), ticketId: str }),
  z.looseObject({
    type: z.literal('ticket.called'),
    ticketId: str,
    counter: int,
    officerId: str.nullable(),
    recall: z.boolean(),
    priorityInRow: int,
  }),
  z.looseObject({ type: z.literal('ticket.serving'), ticketId: str, counter: int }),
  z.looseObject({ type: z.literal('ticket.finished'), ticketId: str, counter: int, outcome: OutcomeSchema }),
  z.looseObject({ type: z.literal('ticket.no_show'), ticketId: str, counter: int }),
  z.looseObject({
    type: z.literal('ticket.reactivated'),
    ticketId: str,
    by: int.nullable(),
    queuedAt: ms,
    order: z.number().finite(),
    outside: z.boolean().optional(),
  }),
  z.looseObject({
    type: z.literal('ticket.transferred'),
    ticketId: str,
    fromCounter: int.nullable(),
    toService: str,
    toCounter: int.nullable(),
    note: str.nullable(),
  }),
  z.looseObject({ type: z.literal('ticket.cancelled'), ticketId: str, reason: str }),
  z.looseObject({
    type: z.literal('ticket.rated'),
    ticketId: str,
    score: z.number().nullable(),
    reasons: z.array(str),
  }),
  z.looseObject({ type: z.literal('counter.signed_in'), counter: int, officer: OfficerSchema }),
  z.looseObject({ type: z.literal('counter.signed_out'), counter: int, closed: z.boolean() }),
  z.looseObject({ type: z.literal('counter.paused'), counter: int, reason: str }),
  z.looseObject({ type: z.literal('counter.resumed'), counter: int }),
  z.looseObject({
    type: z.literal('counter.supervisor_closed'),
    counter: int,
    closed: z.boolean(),
    reason: str.optional(),
  }),
  z.looseObject({ type: z.literal('counter.services_set'), counter: int, services: z.array(str).nullable() }),
  z.looseObject({ type: z.literal('alert.acknowledged'), key: str, officerId: str }),
  z.looseObject({ type: z.literal('notice.set'), text: str.nullable(), until: ms.nullable() }),
  z.looseObject({ type: z.literal('level.changed'), level: LevelSchema }),
  z.looseObject({
    type: z.literal('printer.status'),
    device: str,
    ok: z.boolean(),
    fault: z.enum(PRINTER_FAULTS).nullable(),
    paperNearEnd: z.boolean(),
    at: ms,
  }),
]);

// The schema and the TypeScript types must name the same events: an event type added to one and
// not the other fails to compile here. (Field by field they differ in one place only: JSON drops a
// ticket's `rating: undefined`, so the schema has it optional where `Ticket` has the key always.)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameEvents: Same<z.infer<typeof HubEventSchema>['type'], HubEvent['type']> = true;
void _sameEvents;

/** A validated event as the hub's type (see the note on `rating` above). */
export function asHubEvent(e: z.infer<typeof HubEventSchema>): HubEvent {
  return e as HubEvent;
}

export const UplinkEventSchema = z.object({ seq: seqSchema, at: ms, event: HubEventSchema });

export const UplinkFromHubSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    version: z.literal(UPLINK_VERSION),
    config: OfficeConfigSchema,
    /** The hub's last seq now: how far behind the city is (lag). */
    hubSeq: int.nonnegative(),
  }),
  z
    .object({
      type: z.literal('batch'),
      fromSeq: seqSchema,
      events: z.array(UplinkEventSchema).min(1).max(MAX_BATCH_EVENTS),
    })
    .refine((b) => b.events.every((e, i) => e.seq === b.fromSeq + i), {
      message: 'a batch holds consecutive seqs starting at fromSeq',
    }),
]);

export const UplinkFromCitySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), officeId: str, lastSeq: int.nonnegative() }),
  z.object({ type: z.literal('ack'), seq: int.nonnegative() }),
  z.object({ type: z.literal('resend'), fromSeq: seqSchema, message: str }),
  z.object({ type: z.literal('error'), message: str }),
]);

export type UplinkEvent = z.infer<typeof UplinkEventSchema>;
export type UplinkFromHub = z.infer<typeof UplinkFromHubSchema>;
export type UplinkFromCity = z.infer<typeof UplinkFromCitySchema>;
export type UplinkBatch = Extract<UplinkFromHub, { type: 'batch' }>;

/** Parse one WebSocket text message with a schema: the value, or a message saying what is wrong. */
export function parseUplink<S extends z.ZodType>(
  schema: S,
  raw: string,
): { ok: true; value: z.infer<S> } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  const r = schema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    message: r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
      .join('; '),
  };
}
