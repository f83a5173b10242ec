import { z } from 'zod';
import { TextSchema, type CounterState, type Level, type Ticket, type WaitEstimate } from '@luot/core';
import { PRINTER_FAULTS } from '@luot/printer/faults';
import { BookingViewSchema, CheckInPayloadShape, CounterBookingSchema } from './bookings.js';
import { freeText } from './text.js';

/**
 * Every command a device may send: its payload (validated by the hub before anything else happens),
 * who may send it, and what the hub answers. This file is the whole contract of a command — adding
 * one means adding its schema to `CommandSchema` and its entry to `COMMANDS` below, then a handler
 * in the hub (docs/hub.md, "Adding a command").
 *
 * The counter number never comes from the payload of a counter device: the hub takes it from the
 * device's credentials.
 */
const requestId = z
  .string()
  .min(8)
  .max(80)
  .regex(/^[\w.:-]+$/, 'letters, digits, _ . : -');
const short = (max: number) => z.string().trim().min(1).max(max);

export { cleanText, freeText } from './text.js';
const ticketId = z.string().regex(/^\d{8}-[A-Z]\d{2,4}$/, 'a ticket id such as 20261130-A012');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const service = z.string().regex(/^[A-Z]$/);

// Strict like every object in a command (docs/protocol.md): a misspelt or unknown field is refused
// with INVALID_PAYLOAD rather than silently dropped, so an officer's outcome is never half-recorded.
export const OutcomeSchema = z
  .object({
    kind: z.enum(['received', 'guided', 'returned', 'refused', 'other']),
    dossierCode: freeText(40).optional(),
    returnDate: date.optional(),
    reasons: z.array(freeText(60)).max(10).optional(),
    note: freeText(300).optional(),
  })
  .strict();

export const PrinterFaultSchema = z.enum(PRINTER_FAULTS);

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), requestId, ...shape }).strict();

export const CommandSchema = z.discriminatedUnion('type', [
  cmd('ticket.issue', {
    service,
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
    toService: service.nullable().default(null),
    toCounter: z.number().int().positive().nullable().default(null),
    note: freeText(200).nullable().default(null),
  }).refine(
    (c) => c.toService !== null || c.toCounter !== null,
    'name a service or a counter to transfer to',
  ),
  cmd('counter.pause', { reason: freeText(100) }),
  cmd('counter.resume', {}),
  // A supervisor must say why (the audit log keeps it); a counter undoing its own no-show need not.
  cmd('ticket.reactivate', { ticketId, reason: freeText(200).optional() }),
  cmd('rating.submit', {
    ticketId,
    score: z.number().int().min(1).max(5).nullable(),
    reasons: z.array(freeText(40)).max(10).default([]),
  }),
  cmd('supervisor.signIn', { officerId: short(40), pin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits') }),
  cmd('supervisor.signOut', {}),
  /** The person at the console is still there (they moved the mouse, typed): keeps the session from idling out. */
  cmd('supervisor.active', {}),
  cmd('supervisor.setLevel', { level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  // Closing a counter for the day needs a reason (it is in the audit log and on the console);
  // opening it again does not.
  cmd('supervisor.setCounterClosed', {
    counter: z.number().int().positive(),
    closed: z.boolean(),
    reason: freeText(200).optional(),
  }).refine((c) => !c.closed || c.reason !== undefined, {
    message: 'closing a counter needs a reason',
    path: ['reason'],
  }),
  cmd('supervisor.signOutCounter', { counter: z.number().int().positive() }),
  cmd('supervisor.pauseCounter', { counter: z.number().int().positive(), reason: freeText(100) }),
  cmd('supervisor.cancelTicket', { ticketId, reason: freeText(100) }),
  cmd('supervisor.closeDay', { reason: freeText(200) }),
  /** The services a counter serves today (in order of preference); null: back to the configuration. */
  cmd('supervisor.setCounterServices', {
    counter: z.number().int().positive(),
    services: z.array(service).min(1).max(26).nullable(),
  }),
  /** Move a waiting citizen (inside or outside) to another service's line, at their original place. */
  cmd('supervisor.moveTicket', { ticketId, toService: service, reason: freeText(200).optional() }),
  /** A notice on the wall displays until `until` (epoch ms) or until cleared; `text` null clears it. */
  cmd('supervisor.setNotice', {
    text: freeText(200).nullable(),
    until: z.number().int().positive().nullable().default(null),
  }),
  /** An alert seen by a supervisor (the console's key for it: kind, subject, since). */
  cmd('supervisor.ackAlert', { key: short(160) }),
  /**
   * A booked citizen checks in (docs/bookings.md): the code scanned or typed at the kiosk, or typed
   * by an officer at a counter for someone who came straight to the desk. Inside the window it
   * issues an ordinary number of the service's series, marked with the booking.
   */
  cmd('booking.checkIn', CheckInPayloadShape),
  /** Today's bookings of the counter's services (a supervisor: every service), for the counter's list. */
  cmd('booking.today', {}),
  cmd('printer.report', {
    ok: z.boolean(),
    fault: PrinterFaultSchema.nullable().default(null),
    paperNearEnd: z.boolean().default(false),
    /** The print of `ticketId` failed after the job was sent: the ticket may lie in the tray. */
    maybePrinted: z.boolean().default(false),
    ticketId: ticketId.nullable().default(null),
  }),
]);

export type Command = z.infer<typeof CommandSchema>;
/** What a device writes: defaults may be left out. */
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type CommandInputOf<T extends CommandType> = Extract<CommandInput, { type: T }>;

/** Device roles. `ticket` is a citizen's phone following one ticket: it sends no commands. */
export const ROLES = ['kiosk', 'counter', 'display', 'supervisor', 'rating', 'ticket'] as const;
export type Role = (typeof ROLES)[number];

// Answers. Parts of the day (a ticket, a counter) are the core's own types, checked by the core's
// rules rather than re-described here; `z.custom` carries the type without validating it again.
const ticketSchema = z.custom<Ticket>();
const counterSchema = z.custom<CounterState>();

export const IssueResultSchema = z.object({
  ticket: ticketSchema,
  /** Unguessable token of the ticket's phone page. */
  token: z.string(),
  url: z.string(),
  estimate: z.custom<WaitEstimate>(),
  /** Counters that serve it and are open at the current level: what the ticket and the screen list. */
  counters: z.array(z.number()),
  /** Place in the entry line when the hall is full. */
  entryPlace: z.number().nullable(),
  /**
   * Hub-side printing (browser kiosks): null when not asked. A failure says whether the ticket may
   * still have come out (`maybePrinted`: the job, or part of it, reached the printer before the fault,
   * e.g. paper ran out on its last lines): then the citizen checks the tray before anyone prints again.
   */
  printed: z.union([
    z.object({ ok: z.literal(true), paperNearEnd: z.boolean() }),
    z.object({
      ok: z.literal(false),
      fault: PrinterFaultSchema,
      message: TextSchema,
      maybePrinted: z.boolean(),
    }),
    z.null(),
  ]),
});
export type IssueResult = z.infer<typeof IssueResultSchema>;

const CounterResult = z.object({ counter: counterSchema });

/** A check-in: the ticket as `ticket.issue` answers it, and the booking it came from. */
export const CheckInResultSchema = IssueResultSchema.extend({ booking: BookingViewSchema });
export type CheckInResult = z.infer<typeof CheckInResultSchema>;
/** A counter action: the counter after it, and the ticket it concerned (null when none). */
const CounterTicketResult = z.object({ counter: counterSchema, ticket: ticketSchema.nullable() });

/**
 * Officer checks the hub makes before the command runs: `pin` — the payload carries an officer's
 * code and PIN, checked (with lock-out) before the command joins a batch; `signed-in` — an officer
 * must be signed in at the device's counter; `supervisor` — a supervisor must be signed in on the
 * device, and not idle past the hub's limit (docs/hub.md, "Supervisors").
 */
export type OfficerCheck = 'pin' | 'signed-in' | 'supervisor';

/** A supervisor's sign-in: who, and the session token that opens the HTTP routes (reports, exports). */
export const SupervisorSessionSchema = z.object({
  officer: z.object({ id: z.string(), name: z.string() }),
  /** Sent as `X-Luot-Session` with the device's token to the supervisor HTTP routes. */
  session: z.string(),
  /** Minutes without activity before the hub signs the supervisor out. */
  idleMinutes: z.number(),
});
export type SupervisorSession = z.infer<typeof SupervisorSessionSchema>;

export interface CommandSpec {
  /** Roles whose devices may send it. */
  roles: readonly Role[];
  /** The officer check; per role when the roles differ (a counter's officer, the console's supervisor). */
  officer?: OfficerCheck | Partial<Record<Role, OfficerCheck>>;
  /** The `result` of a successful answer. */
  result: z.ZodType;
}

/** For each command: who may send it, which officer check applies, and what it answers. */
export const COMMANDS = {
  'ticket.issue': { roles: ['kiosk'], result: IssueResultSchema },
  'counter.signIn': { roles: ['counter'], officer: 'pin', result: CounterResult },
  'counter.signOut': { roles: ['counter'], result: CounterResult },
  'counter.callNext': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.callTicket': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.recall': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.startServing': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.finish': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.noShow': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.transfer': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.pause': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  'counter.resume': { roles: ['counter'], officer: 'signed-in', result: CounterTicketResult },
  // A counter only for a ticket it skipped itself (the handler checks that), with an officer signed
  // in; a supervisor signed in on the console, with a reason.
  'ticket.reactivate': {
    roles: ['counter', 'supervisor'],
    officer: { counter: 'signed-in', supervisor: 'supervisor' },
    result: z.object({ ticket: ticketSchema }),
  },
  // Only the citizen's screen rates: an officer's terminal cannot rate its own officer.
  'rating.submit': {
    roles: ['rating'],
    result: z.object({ ticketId: z.string(), score: z.number().nullable() }),
  },
  'supervisor.signIn': { roles: ['supervisor'], officer: 'pin', result: SupervisorSessionSchema },
  // Never refused for want of a session: signing out twice, or after idling out, is not an error.
  'supervisor.signOut': { roles: ['supervisor'], result: z.object({}) },
  'supervisor.active': { roles: ['supervisor'], officer: 'supervisor', result: z.object({}) },
  'supervisor.setLevel': {
    roles: ['supervisor'],
    officer: 'supervisor',
    result: z.object({ level: z.custom<Level>() }),
  },
  'supervisor.setCounterClosed': { roles: ['supervisor'], officer: 'supervisor', result: CounterResult },
  'supervisor.signOutCounter': { roles: ['supervisor'], officer: 'supervisor', result: CounterResult },
  'supervisor.pauseCounter': { roles: ['supervisor'], officer: 'supervisor', result: CounterResult },
  'supervisor.cancelTicket': { roles: ['supervisor'], officer: 'supervisor', result: z.object({}) },
  'supervisor.closeDay': {
    roles: ['supervisor'],
    officer: 'supervisor',
    result: z.object({ day: z.string() }),
  },
  'supervisor.setCounterServices': { roles: ['supervisor'], officer: 'supervisor', result: CounterResult },
  'supervisor.moveTicket': {
    roles: ['supervisor'],
    officer: 'supervisor',
    result: z.object({ ticket: ticketSchema }),
  },
  'supervisor.setNotice': { roles: ['supervisor'], officer: 'supervisor', result: z.object({}) },
  'supervisor.ackAlert': { roles: ['supervisor'], officer: 'supervisor', result: z.object({}) },
  // A counter's officer checks in someone who came straight to the desk: signed in, like any call.
  'booking.checkIn': {
    roles: ['kiosk', 'counter'],
    officer: { counter: 'signed-in' },
    result: CheckInResultSchema,
  },
  'booking.today': {
    roles: ['counter', 'supervisor'],
    officer: { counter: 'signed-in', supervisor: 'supervisor' },
    result: z.object({ day: z.string(), bookings: z.array(CounterBookingSchema) }),
  },
  'printer.report': { roles: ['kiosk'], result: z.object({ recorded: z.boolean() }) },
} as const satisfies { [T in CommandType]: CommandSpec };

/** What the hub answers to a command of type T: what `LuotClient.send(T, …)` resolves with. */
export type CommandResult<T extends CommandType> = z.infer<(typeof COMMANDS)[T]['result']>;
export type CommandResultMap = { [T in CommandType]: CommandResult<T> };

/** The commands each role may send (derived from `COMMANDS`). */
export const ROLE_COMMANDS = {} as Record<Role, readonly CommandType[]>;
for (const role of ROLES) {
  ROLE_COMMANDS[role] = (Object.keys(COMMANDS) as CommandType[]).filter((t) =>
    (COMMANDS[t].roles as readonly Role[]).includes(role),
  );
}
