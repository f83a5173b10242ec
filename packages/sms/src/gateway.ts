import { z } from 'zod';

/**
 * Text messages to citizens' phones (issue #14: one-time codes, reminders, a day cancelled). The
 * hub talks to an `SmsGateway`; which one is configuration: `log` (development and `npm start`:
 * the message goes to the hub's log and the `/dev/sms` page) or `http` (a provider's HTTP API).
 */

/** Why a message is sent: a one-time code is never written to a log in production. */
export type SmsKind = 'otp' | 'reminder' | 'notice';

export interface SmsMessage {
  /** E.164, e.g. +84912345678 (numbers are normalised before they get here). */
  to: string;
  text: string;
  kind: SmsKind;
  /** The secret inside `text` (a one-time code), masked wherever the message is shown or logged. */
  secret?: string;
}

/** What became of a message: every message is stored with it. */
export type SmsStatus =
  | { status: 'sent'; attempts: number; providerId: string | null }
  | { status: 'failed'; attempts: number; error: string };

export interface SmsGateway {
  readonly name: 'log' | 'http';
  send(message: SmsMessage): Promise<SmsStatus>;
}

/** The text with its secret replaced, for logs and pages that must not carry it. */
export function masked(message: SmsMessage): string {
  return message.secret
    ? message.text.split(message.secret).join('•'.repeat(message.secret.length))
    : message.text;
}

const template = z.string().min(1);

/** The gateway part of the hub file (`sms`). */
export const SmsConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('log'),
    /**
     * Show one-time codes in the log and on /dev/sms (a developer books with no phone). Absent: on
     * unless NODE_ENV is production — nobody with access to a production log may read a code.
     */
    showSecrets: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('http'),
    /** Where to POST; `{to}` and `{text}` may appear in it (URL-encoded when filled in). */
    url: template.url(),
    headers: z.record(z.string(), z.string()).default({}),
    /** The body's fields, each a template with `{to}`, `{text}`, `{kind}`; sent as JSON or a form. */
    body: z.record(z.string(), z.string()).default({ to: '{to}', text: '{text}' }),
    encoding: z.enum(['json', 'form']).default('json'),
    /** Tries in all, the first included [4]; waits 0.5 s, 1 s, 2 s … between them. */
    attempts: z.number().int().min(1).max(10).default(4),
    backoffMs: z.number().int().min(0).default(500),
    timeoutMs: z.number().int().positive().default(10_000),
    /** A field of the provider's JSON answer that holds its message id (dot path), if any. */
    idField: z.string().optional(),
  }),
]);
export type SmsConfig = z.infer<typeof SmsConfigSchema>;
export type SmsConfigInput = z.input<typeof SmsConfigSchema>;
