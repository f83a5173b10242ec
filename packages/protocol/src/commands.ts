import { z } from 'zod';

/**
 * Every command a device may send, as one discriminated union. The hub validates each one here
 * before anything else happens; the counter number never comes from the payload of a counter
 * device (the hub takes it from the device's credentials).
 */
const requestId = z
  .string()
  .min(8)
  .max(80)
  .regex(/^[\w.:-]+$/, 'letters, digits, _ . : -');
const short = (max: number) => z.string().trim().min(1).max(max);
const ticketId = z.string().regex(/^\d{8}-[A-Z]\d{2,4}$/, 'a ticket id such as 20261130-A012');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const OutcomeSchema = z.object({
  kind: z.enum(['received', 'guided', 'returned', 'refused', 'other']),
  dossierCode: short(40).optional(),
  returnDate: date.optional(),
  reasons: z.array(short(60)).max(10).optional(),
  note: short(300).optional(),
});

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), requestId, ...shape }).strict();

export const CommandSchema = z.discriminatedUnion('type', [
  cmd('ticket.issue', {
    service: z.string().regex(/^[A-Z]$/),
    priority: short(32).nullable().default(null),
    companions: z.number().int().min(0).max(3).default(0),
    locale: z.enum(['vi', 'en']).default('vi'),
    /** Ask the hub to print on the kiosk's network printer (browser kiosks). Electron kiosks print locally. */
    print: z.boolean().default(false),
  }),
  cmd('counter.signIn', { officerId: short(40), pin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits') }),
  cmd('counter.signOut', { close: z.boolean().default(false) }),
  cmd('counter.callNext', {}),
  cmd('counter.callTicket', { ticketId }),
  cmd('counter.recall', {}),
  cmd('counter.startServing', {}),
  cmd('counter.finish', { outcome: OutcomeSchema }),
  cmd('counter.noShow', {}),
  cmd('counter.transfer', {
    toService: z
      .string()
      .regex(/^[A-Z]$/)
      .nullable()
      .default(null),
    toCounter: z.number().int().positive().nullable().default(null),
    note: short(200).nullable().default(null),
  }).refine(
    (c) => c.toService !== null || c.toCounter !== null,
    'name a service or a counter to transfer to',
  ),
  cmd('counter.pause', { reason: short(100) }),
  cmd('counter.resume', {}),
  cmd('rating.submit', {
    ticketId,
    score: z.number().int().min(1).max(5).nullable(),
    reasons: z.array(short(40)).max(10).default([]),
  }),
  cmd('supervisor.setLevel', { level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  cmd('supervisor.setCounterClosed', { counter: z.number().int().positive(), closed: z.boolean() }),
  cmd('supervisor.signOutCounter', { counter: z.number().int().positive() }),
  cmd('supervisor.cancelTicket', { ticketId, reason: short(100) }),
  cmd('supervisor.closeDay', {}),
  cmd('printer.report', {
    ok: z.boolean(),
    fault: z
      .enum([
        'offline',
        'cover_open',
        'paper_end',
        'cutter_error',
        'unrecoverable',
        'timeout',
        'refused',
        'write_failed',
      ])
      .nullable()
      .default(null),
    paperNearEnd: z.boolean().default(false),
    ticketId: ticketId.nullable().default(null),
  }),
]);

export type Command = z.infer<typeof CommandSchema>;
/** What a device writes: defaults may be left out. */
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type CommandInputOf<T extends CommandType> = Extract<CommandInput, { type: T }>;

/** Device roles, and what each may send. */
export type Role = 'kiosk' | 'counter' | 'display' | 'supervisor' | 'rating' | 'ticket';

export const ROLE_COMMANDS: Record<Role, readonly CommandType[]> = {
  kiosk: ['ticket.issue', 'printer.report'],
  counter: [
    'counter.signIn',
    'counter.signOut',
    'counter.callNext',
    'counter.callTicket',
    'counter.recall',
    'counter.startServing',
    'counter.finish',
    'counter.noShow',
    'counter.transfer',
    'counter.pause',
    'counter.resume',
  ],
  // Only the citizen's screen rates: an officer's terminal cannot rate its own officer.
  rating: ['rating.submit'],
  display: [],
  ticket: [],
  supervisor: [
    'supervisor.setLevel',
    'supervisor.setCounterClosed',
    'supervisor.signOutCounter',
    'supervisor.cancelTicket',
    'supervisor.closeDay',
  ],
};
