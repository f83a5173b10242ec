/**
 * Validation of the ticket that the renderer asks main to print. The renderer is untrusted: a page from the hub
 * can be compromised, so every field is checked for type, range and size before it reaches the printer.
 */
import { z } from 'zod';
import type { TicketPrintData } from '@luot/printer';

/** Printable text: no control characters (newlines would break the layout), bounded length. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

const count = (max: number) => z.number().int('must be a whole number').min(0).max(max);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const YEAR_2020 = Date.UTC(2020, 0, 1);
const YEAR_2100 = Date.UTC(2100, 0, 1);

export const ticketPrintSchema = z.strictObject({
  officeName: text(200),
  serviceName: text(200),
  number: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'must look like a ticket number, e.g. "A012"'),
  issuedAt: z
    .number()
    .int()
    .min(YEAR_2020, 'must be a time in ms since 1970')
    .max(YEAR_2100, 'is too far ahead'),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as "Asia/Ho_Chi_Minh"')
    .optional(),
  peopleAhead: count(100_000),
  estimatedWaitMinutes: count(24 * 60 * 7).nullable(),
  estimatedWaitRange: z
    .tuple([count(24 * 60 * 7), count(24 * 60 * 7)])
    .nullable()
    .optional(),
  counters: z.array(z.number().int().min(1).max(999), 'must be a list of counter numbers').max(100),
  priorityLabel: text(80).optional(),
  outside: z.strictObject({ place: z.number().int().min(1).max(100_000) }).optional(),
  qrUrl: z.string().max(512, 'must be at most 512 characters').refine(isHttpUrl, 'must be an http(s) URL'),
  footer: text(300).optional(),
  locale: z.enum(['vi', 'en']).optional(),
});

// Compile-time guard: the schema and @luot/printer's TicketPrintData must describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesTicket: Same<z.output<typeof ticketPrintSchema>, TicketPrintData> = true;
void _schemaMatchesTicket;

export type PayloadCheck = { ok: true; ticket: TicketPrintData } | { ok: false; error: string };

/** Check an IPC payload; the error names each bad field (`counters.0: …`). */
export function validatePrintPayload(payload: unknown): PayloadCheck {
  const result = ticketPrintSchema.safeParse(payload);
  if (result.success) return { ok: true, ticket: result.data };
  const error = result.error.issues
    .slice(0, 10)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'ticket';
      return issue.code === 'unrecognized_keys'
        ? `${field}: unknown field(s) ${issue.keys.join(', ')}`
        : `${field}: ${issue.message}`;
    })
    .join('; ');
  return { ok: false, error };
}
