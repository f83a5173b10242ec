import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  BookingCatalogSchema,
  BookingImportSchema,
  BookingLookupSchema,
  BookingViewSchema,
  bookingError,
  DaySlotsSchema,
  ImportedBookingSchema,
  ImportRefSchema,
  OtpConfirmSchema,
  OtpRequestedSchema,
  OtpRequestSchema,
  PhoneLast3Schema,
  BookingCodeSchema,
  SlotsQuerySchema,
  type BookingError,
} from '@luot/protocol';
import { z } from 'zod';
import { sha256 } from '../auth.js';
import { BookingFailure, type BookingService } from '../bookings/service.js';
import type { IntegrationConfig, LoadedConfig } from '../config.js';
import { doc } from './openapi.js';
import { RateLimiterMemory, RateLimiterRes } from './rate-limiter.js';

/** A booking request is a few hundred bytes: anything much larger is not one. */
const BODY_LIMIT = 4 * 1024;

/** A zod failure as the API answers it: INVALID_PAYLOAD with each field's reason. */
function invalid(error: z.ZodError): BookingFailure {
  const details = Object.fromEntries(error.issues.map((i) => [i.path.join('.') || '(body)', i.message]));
  return new BookingFailure(400, bookingError('INVALID_PAYLOAD', { details }));
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(r.error);
  return r.data;
}

/** Run a handler; a refusal becomes its status and body, anything else goes to the hub's error handler. */
async function answer<T>(reply: FastifyReply, fn: () => T | Promise<T>): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BookingFailure) return reply.code(e.status).send(e.body);
    throw e;
  }
}

/**
 * A limiter whose key is chosen per request (an address, a phone number, a booking code); over
 * it, a 429 in the booking API's own shape with Retry-After. rate-limiter-flexible in memory, as
 * public-limits.ts: the hub is one process.
 */
function limiter(points: number, seconds: number) {
  const l = new RateLimiterMemory({ points, duration: seconds });
  return async (key: string, reply: FastifyReply): Promise<boolean> => {
    try {
      await l.consume(key);
      return true;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      await reply
        .code(429)
        .header('retry-after', String(retry))
        .send(bookingError('TOO_MANY_REQUESTS', { details: { retryAfterSeconds: retry } }));
      return false;
    }
  };
}

/**
 * The public booking API (`/api/book/...`, the `/book` page; docs/bookings.md). Anyone can call
 * it: every route is limited per client address, the one that sends a text message per phone
 * number too, and a lookup per booking code (its second factor is only 3 digits). "No such code"
 * and "wrong digits" answer the same NOT_FOUND, and a citizen's name and phone only ever come back
 * masked.
 */
export function registerBookingRoutes(
  app: FastifyInstance,
  deps: { bookings: BookingService; config: LoadedConfig },
): void {
  const { bookings, config } = deps;
  const perIp = limiter(config.hub.publicRequestsPerMinute, 60);
  const perPhone = limiter(config.hub.bookings.otpPerPhonePerHour, 3600);
  const perCode = limiter(config.hub.bookings.lookupsPerCodePerHour, 3600);
  const byIp = async (req: FastifyRequest, reply: FastifyReply) => {
    await perIp(req.ip, reply);
  };
  const opts = { onRequest: byIp, bodyLimit: BODY_LIMIT };

  app.get(
    '/api/book/services',
    {
      ...opts,
      schema: doc({
        summary: 'What can be booked: the services (procedures, what to bring) and the bookable days',
        tags: ['bookings'],
        response: BookingCatalogSchema,
      }),
    },
    (_req, reply) => answer(reply, () => bookings.catalog()),
  );

  app.get(
    '/api/book/slots',
    {
      ...opts,
      schema: doc({
        summary: "A service's slots on a day with their free places",
        tags: ['bookings'],
        query: SlotsQuerySchema,
        response: DaySlotsSchema,
      }),
    },
    (req, reply) =>
      answer(reply, () => {
        const q = parse(SlotsQuerySchema, req.query);
        return bookings.slots(q.service, q.date);
      }),
  );

  app.post(
    '/api/book/otp',
    {
      ...opts,
      schema: doc({
        summary: 'Ask for a one-time code by SMS for a booking (nothing is held yet)',
        tags: ['bookings'],
        body: OtpRequestSchema,
        response: OtpRequestedSchema,
      }),
    },
    (req, reply) =>
      answer(reply, async () => {
        const body = parse(OtpRequestSchema, req.body);
        // A refusal (a full slot, a limit) costs the phone nothing: only a code sent counts.
        bookings.check(body);
        if (!(await perPhone(body.phone, reply))) return reply;
        return bookings.requestOtp(body);
      }),
  );

  app.post(
    '/api/book/confirm',
    {
      ...opts,
      schema: doc({
        summary:
          'Confirm with the one-time code: the place is taken now, or refused with the nearest free slots',
        tags: ['bookings'],
        body: OtpConfirmSchema,
        response: BookingViewSchema,
      }),
    },
    (req, reply) =>
      answer(reply, () => {
        const body = parse(OtpConfirmSchema, req.body);
        return bookings.confirm(body.requestId, body.code);
      }),
  );

  app.get<{ Params: { token: string } }>(
    '/api/book/page/:token',
    {
      ...opts,
      schema: doc({
        summary:
          "A booking by its phone page's token (/t/<token>): the booking before check-in, its number after",
        tags: ['bookings'],
        params: z.object({ token: z.string() }),
        response: BookingViewSchema,
      }),
    },
    (req, reply) =>
      answer(reply, () => {
        // A malformed token is "not found" like an unknown one.
        if (!/^[\w-]{10,64}$/.test(req.params.token)) return reply.code(404).send(bookingError('NOT_FOUND'));
        return bookings.byPageToken(req.params.token);
      }),
  );

  const lookup = (path: string, summary: string, fn: (code: string, last3: string) => unknown) =>
    app.post(
      path,
      {
        ...opts,
        schema: doc({ summary, tags: ['bookings'], body: BookingLookupSchema, response: BookingViewSchema }),
      },
      (req, reply) =>
        answer(reply, async () => {
          const body = parse(BookingLookupSchema, req.body);
          if (!(await perCode(body.code, reply))) return reply;
          return fn(body.code, body.phoneLast3);
        }),
    );
  lookup('/api/book/lookup', 'A booking by its code and the last 3 digits of its phone', (c, p) =>
    bookings.lookup(c, p),
  );
  lookup('/api/book/cancel', 'Cancel a booking still to come (code and last 3 digits of the phone)', (c, p) =>
    bookings.cancel(c, p),
  );

  app.get<{ Params: { file: string }; Querystring: { phoneLast3?: string } }>(
    '/api/book/:file',
    {
      ...opts,
      schema: doc({
        summary: 'A booking as a calendar entry: /api/book/<code>.ics?phoneLast3=678',
        tags: ['bookings'],
        params: z.object({ file: z.string().regex(/^[A-Z0-9]{8}\.ics$/) }),
        query: z.object({ phoneLast3: PhoneLast3Schema }),
        response: { file: 'text/calendar' },
      }),
    },
    (req, reply) =>
      answer(reply, async () => {
        const m = /^(.+)\.ics$/.exec(req.params.file);
        const code = BookingCodeSchema.safeParse(m?.[1] ?? '');
        const last3 = PhoneLast3Schema.safeParse(req.query.phoneLast3);
        // A malformed code is "not found" like any other: nothing to learn from the difference.
        if (!code.success || !last3.success) return reply.code(404).send(bookingError('NOT_FOUND'));
        if (!(await perCode(code.data, reply))) return reply;
        const ics = bookings.ics(code.data, last3.data);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${ics.filename}"`)
          .send(ics.body);
      }),
  );

  registerImportRoutes(app, bookings, config);
}

/**
 * The import API (`/api/bookings`): another system (iHanoi, VNeID…) passes on bookings it took,
 * with an integration token from the hub file (`role: "integration"`). Idempotent by (source,
 * externalId); `source` defaults to the token's id, and a token may only act for its own source.
 */
function registerImportRoutes(app: FastifyInstance, bookings: BookingService, config: LoadedConfig): void {
  const integration = (req: FastifyRequest): IntegrationConfig | null => {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    return m ? (config.integrationsByTokenHash.get(sha256(m[1]!)) ?? null) : null;
  };
  const unauthorized = (reply: FastifyReply) => reply.code(401).send(bookingError('UNAUTHORIZED'));
  const security = [{ integration: [] }];
  const ref = (params: unknown, query: unknown, who: IntegrationConfig) => {
    const r = parse(ImportRefSchema, { ...(params as object), ...(query as object) });
    return { externalId: r.externalId, source: r.source ?? who.id };
  };
  const ownSource = (source: string, who: IntegrationConfig): BookingError | null =>
    source === who.id ? null : bookingError('UNAUTHORIZED', { details: { source } });

  app.post(
    '/api/bookings',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...doc({
          summary: 'Pass on a booking another system took (idempotent by source and externalId)',
          tags: ['bookings-import'],
          body: BookingImportSchema,
          response: ImportedBookingSchema,
        }),
        security,
      },
    },
    (req, reply) =>
      answer(reply, () => {
        const who = integration(req);
        if (!who) return unauthorized(reply);
        const raw = req.body && typeof req.body === 'object' ? { source: who.id, ...req.body } : req.body;
        const body = parse(BookingImportSchema, raw);
        const foreign = ownSource(body.source, who);
        if (foreign) return reply.code(403).send(foreign);
        const made = bookings.import(body);
        return reply.code(made.created ? 201 : 200).send(made);
      }),
  );

  for (const method of ['GET', 'DELETE'] as const) {
    app.route<{ Params: { externalId: string }; Querystring: { source?: string } }>({
      method,
      url: '/api/bookings/:externalId',
      schema: {
        ...doc({
          summary:
            method === 'GET'
              ? "An imported booking's state: booked, checked in with its number, served, no-show…"
              : 'Cancel an imported booking',
          tags: ['bookings-import'],
          params: z.object({ externalId: z.string() }),
          query: z.object({ source: z.string().optional() }),
          response: ImportedBookingSchema,
        }),
        security,
      },
      handler: (req, reply) =>
        answer(reply, () => {
          const who = integration(req);
          if (!who) return unauthorized(reply);
          const r = ref(req.params, req.query, who);
          const foreign = ownSource(r.source, who);
          if (foreign) return reply.code(403).send(foreign);
          return method === 'GET'
            ? bookings.importedState(r.source, r.externalId)
            : bookings.cancelImported(r.source, r.externalId);
        }),
    });
  }
}
