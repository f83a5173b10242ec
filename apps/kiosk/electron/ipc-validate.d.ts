/**
 * Validation of the ticket that the renderer asks main to print. The renderer is untrusted: a page from the hub
 * can be compromised, so every field is checked for type, range and size before it reaches the printer.
 */
import { z } from 'zod';
import type { TicketPrintData } from '@luot/printer';
export declare const ticketPrintSchema: z.ZodObject<
  {
    officeName: z.ZodString;
    serviceName: z.ZodString;
    number: z.ZodString;
    issuedAt: z.ZodNumber;
    timeZone: z.ZodOptional<z.ZodString>;
    peopleAhead: z.ZodNumber;
    estimatedWaitMinutes: z.ZodNullable<z.ZodNumber>;
    counters: z.ZodArray<z.ZodNumber>;
    priorityLabel: z.ZodOptional<z.ZodString>;
    outside: z.ZodOptional<
      z.ZodObject<
        {
          place: z.ZodNumber;
        },
        z.core.$strict
      >
    >;
    qrUrl: z.ZodString;
    footer: z.ZodOptional<z.ZodString>;
    locale: z.ZodOptional<
      z.ZodEnum<{
        vi: 'vi';
        en: 'en';
      }>
    >;
  },
  z.core.$strict
>;
export type PayloadCheck =
  | {
      ok: true;
      ticket: TicketPrintData;
    }
  | {
      ok: false;
      error: string;
    };
/** Check an IPC payload; the error names each bad field (`counters.0: …`). */
export declare function validatePrintPayload(payload: unknown): PayloadCheck;
