import { z } from 'zod';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, normalizeBookingCode, TextSchema } from '@luot/core';
import { ERROR_MESSAGES } from './errors.js';
import { freeText } from './text.js';

/**
 * Online numbers (issue #14, docs/bookings.md): the contract of the public booking API
 * (`/api/book/...`, the `/book` page), of the import API (`/api/bookings`, a provincial system
 * with an integration token) and of check-in at the kiosk or counter (`booking.checkIn`,
 * commands.ts). Names here are stable: the `/book` page and the kiosk build on them, so new needs
 * are added beside them, never by renaming.
 */

// ——— Phone numbers ———

/**
 * Vietnamese mobile prefixes after the leading 0 (or +84): 03x, 05x, 07x, 08x, 09x since the 2018
 * renumbering. Landlines (02x) cannot receive a one-time code, so they are not phone numbers here.
 */
const MOBILE = /^[35789]\d{8}$/;

/**
 * A Vietnamese mobile number as people type it — "0912 345 678", "0912.345.678", "84912345678",
 * "+84 912 345 678", "(+84) 912-345-678", "0084912345678" — in E.164 (+84912345678), or null when
 * it is not one. One form is stored, so the limits ("2 bookings a day per phone") and the lookup by
 * the last 3 digits see the same citizen however the number was written.
 */
export function normalizeVnPhone(input: string): string | null {
  const compact = input.normalize('NFKC').replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith('+84')) national = compact.slice(3);
  else if (compact.startsWith('0084')) national = compact.slice(4);
  else if (compact.startsWith('84') && compact.length === 11) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return null;
  // "+84 0912…": some people keep the trunk 0 after the country code.
  if (national.length === 10 && national.startsWith('0')) national = national.slice(1);
  return MOBILE.test(national) ? `+84${national}` : null;
}

/** A phone number as written → its E.164 form; refused with words when it is not a mobile number. */
export const VnPhoneSchema = z.string().transform((s, ctx) => {
  const phone = normalizeVnPhone(s);
  if (phone === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'Số điện thoại di động không hợp lệ (ví dụ 0912 345 678) / not a Vietnamese mobile number',
    });
    return z.NEVER;
  }
  return phone;
});

/** "+84912345678" → "091••••678": enough for the citizen to recognise, nothing for anyone else. */
export function maskPhone(e164: string): string {
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 3)}${'•'.repeat(Math.max(0, national.length - 6))}${national.slice(-3)}`;
}

/** "Nguyễn Văn An" → "Nguyễn V. A.": the family name and initials (a lookup never shows a whole name). */
export function maskName(name: string): string {
  const [family, ...rest] = name.split(' ').filter(Boolean);
  return [family ?? '', ...rest.map((w) => `${[...w][0]!.toUpperCase()}.`)].join(' ').trim();
}

// ——— Building blocks ———

/** A booking code as typed or scanned (lower case, spaces and dashes allowed) → its 8 symbols. */
export const BookingCodeSchema = z
  .string()
  .max(40)
  .transform(normalizeBookingCode)
  .pipe(
    z
      .string()
      .length(BOOKING_CODE_LENGTH)
      .regex(new RegExp(`^[${BOOKING_CODE_ALPHABET}]+$`), 'a booking code such as K7QM2R9X'),
  );

const service = z.string().regex(/^[A-Z]$/, 'a service prefix such as A');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A day that exists in the calendar (not 2026-02-30), as a query names it. */
const calendarDay = date.refine((d) => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
}, 'a day that exists, YYYY-MM-DD');
/** Epoch milliseconds. */
const instant = z.number().int().nonnegative();
/** A CCCD (citizen identity card) number: 12 digits. */
export const CccdSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{12}$/, 'Số CCCD gồm 12 chữ số / a CCCD number has 12 digits'));
/** The citizen's name as they typed it: cleaned and NFC (freeText), 2–100 characters. */
export const CitizenNameSchema = freeText(100).pipe(z.string().min(2));
/** The last three digits of the phone the booking was made with: the second half of a lookup. */
export const PhoneLast3Schema = z.string().regex(/^\d{3}$/, 'the last 3 digits of the phone number');

export const BOOKING_STATUSES = ['booked', 'checked_in', 'served', 'lapsed', 'no_show', 'cancelled'] as const;
/** What became of a booking (core's `BookingStatus`). */
export const BookingStatusSchema = z.enum(BOOKING_STATUSES);

/** A slot of a service with its free places (core's `FreeSlot`). */
export const FreeSlotSchema = z.object({
  /** Local start, "HH:MM". */
  start: z.string(),
  /** The same instant, epoch ms: what a booking sends as `slotStart`. */
  startsAt: instant,
  places: z.number().int(),
  remaining: z.number().int(),
  /** Bookable now: inside the horizon and not yet closed (30 minutes before by default). */
  open: z.boolean(),
});
export type FreeSlot = z.infer<typeof FreeSlotSchema>;

/** Where and what to bring: the office as the confirmation and the `.ics` show it. */
export const BookingOfficeSchema = z.object({
  name: TextSchema,
  address: z.string().nullable(),
  timeZone: z.string(),
});

// ——— Public booking API (`/api/book/...`) ———

/** `GET /api/book/services`: what can be booked, and on which days. */
export const BookableServiceSchema = z.object({
  prefix: service,
  name: TextSchema,
  /** The procedures (TTHC) received under this service, from the office file; may be empty. */
  procedures: z.array(TextSchema),
  /** What to bring (papers), from the office file; may be empty. */
  bring: z.array(TextSchema),
});
export const BookingCatalogSchema = z.object({
  office: BookingOfficeSchema,
  services: z.array(BookableServiceSchema),
  /** Bookable days, YYYY-MM-DD, today first (today and the next working days of the horizon). */
  days: z.array(date),
  /** The check-in window around a slot's start, in minutes, for the page to explain. */
  checkIn: z.object({ earlyMinutes: z.number(), lateMinutes: z.number() }),
});
export type BookingCatalog = z.infer<typeof BookingCatalogSchema>;

/** `GET /api/book/slots?service=A&date=2026-12-08`. */
export const SlotsQuerySchema = z.object({ service, date: calendarDay });
export const DaySlotsSchema = z.object({ service, date, slots: z.array(FreeSlotSchema) });
export type DaySlots = z.infer<typeof DaySlotsSchema>;

/** `POST /api/book/otp`: ask for a one-time code for this booking. Nothing is held yet. */
export const OtpRequestSchema = z
  .object({
    service,
    slotStart: instant,
    name: CitizenNameSchema,
    phone: VnPhoneSchema,
    cccd: CccdSchema.optional(),
    /** The language of the text message [vi]. */
    locale: z.enum(['vi', 'en']).default('vi'),
  })
  .strict();
export type OtpRequest = z.infer<typeof OtpRequestSchema>;
export type OtpRequestInput = z.input<typeof OtpRequestSchema>;

export const OtpRequestedSchema = z.object({
  /** Names this request in the confirmation; random, not a secret on its own. */
  requestId: z.string(),
  /** When the code stops working (epoch ms): 5 minutes after it was sent. */
  expiresAt: instant,
  /** Where it was sent, masked: "091••••678". */
  phoneMasked: z.string(),
  /** Wrong codes allowed before the request is spent [3]. */
  attemptsLeft: z.number().int(),
});
export type OtpRequested = z.infer<typeof OtpRequestedSchema>;

/** `POST /api/book/confirm`: the code from the text message; the place is taken now, or refused. */
export const OtpConfirmSchema = z
  .object({ requestId: z.string().min(8).max(80), code: z.string().regex(/^\d{6}$/, '6 digits') })
  .strict();
export type OtpConfirm = z.infer<typeof OtpConfirmSchema>;

/** A booked citizen's ticket once checked in. */
export const BookingTicketSchema = z.object({
  id: z.string(),
  /** As printed and called: "A012". */
  number: z.string(),
  /** The ticket's phone page, when known. */
  url: z.string().nullable(),
});

/**
 * A booking as its citizen sees it (the confirmation, a lookup, a cancel): never more than the code
 * and the phone's last digits already prove — the name and phone are masked.
 */
export const BookingViewSchema = z.object({
  code: z.string(),
  service,
  serviceName: TextSchema,
  /** The slot's start, epoch ms, and its local day and "HH:MM". */
  slotStart: instant,
  date,
  start: z.string(),
  /** "Nguyễn V. A." */
  name: z.string(),
  /** "091••••678" */
  phoneMasked: z.string(),
  status: BookingStatusSchema,
  /** Check in at the kiosk from `opensAt` to `closesAt` (epoch ms). */
  window: z.object({ opensAt: instant, closesAt: instant }),
  /** Its number once checked in, else null. */
  ticket: BookingTicketSchema.nullable(),
  office: BookingOfficeSchema,
  bring: z.array(TextSchema),
  /** Where to download it as a calendar entry (needs the phone's last 3 digits: `?phoneLast3=`). */
  icsPath: z.string(),
  /**
   * The booking's phone page (`/t/<token>`): the booking and its check-in window before check-in,
   * the ticket after. The link to keep; it needs nothing typed.
   */
  pageUrl: z.string(),
});
export type BookingView = z.infer<typeof BookingViewSchema>;

/** `POST /api/book/lookup` and `POST /api/book/cancel`: the code and the phone's last 3 digits. */
export const BookingLookupSchema = z
  .object({ code: BookingCodeSchema, phoneLast3: PhoneLast3Schema })
  .strict();
export type BookingLookup = z.infer<typeof BookingLookupSchema>;
export type BookingLookupInput = z.input<typeof BookingLookupSchema>;

// ——— Errors ———

export const BOOKING_ERROR_CODES = [
  // The rules (core's checkBookingLimits)
  'NO_SLOT',
  'OUTSIDE_HORIZON',
  'BOOKING_CLOSED',
  'BLOCKED_FOR_CANCELLATIONS',
  'DAILY_LIMIT',
  'SERVICE_DAY_LIMIT',
  'SLOT_FULL',
  // The API
  'INVALID_PAYLOAD',
  'BOOKINGS_OFF',
  'UNKNOWN_SERVICE',
  /** The one-time code is wrong, expired or spent, or the request is unknown: one answer for all. */
  'OTP_INVALID',
  /** Third wrong code: ask for a new one. */
  'OTP_TOO_MANY_TRIES',
  /** The text message could not be sent: try again. */
  'SMS_FAILED',
  /** No booking with this code and these digits (one answer for both, so codes cannot be probed). */
  'NOT_FOUND',
  /** Cancelling a booking that is checked in, passed or already cancelled. */
  'NOT_CANCELLABLE',
  'TOO_MANY_REQUESTS',
  // The import API
  'UNAUTHORIZED',
  /** The same (source, externalId) was imported before with different details. */
  'IMPORT_CONFLICT',
] as const;
export const BookingErrorCodeSchema = z.enum(BOOKING_ERROR_CODES);
export type BookingErrorCode = z.infer<typeof BookingErrorCodeSchema>;

/** Every refusal of the booking APIs: a code for programs, words for people, and what to do instead. */
export const BookingErrorSchema = z.object({
  error: BookingErrorCodeSchema,
  message: TextSchema,
  /** SLOT_FULL (and BOOKING_CLOSED): the nearest slots of the service with a free place. */
  nearest: z.array(FreeSlotSchema).optional(),
  /** Details for programs (a limit, a date, seconds to wait). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});
export type BookingError = z.infer<typeof BookingErrorSchema>;

/** What people read when a booking is refused (Vietnamese first). */
export const BOOKING_ERROR_MESSAGES: Record<BookingErrorCode, z.infer<typeof TextSchema>> = {
  // The booking rules' refusals are core's (packages/core/src/bookings.ts): one text for the hub's
  // commands and the booking API.
  NO_SLOT: ERROR_MESSAGES.NO_SLOT,
  OUTSIDE_HORIZON: ERROR_MESSAGES.OUTSIDE_HORIZON,
  BOOKING_CLOSED: ERROR_MESSAGES.BOOKING_CLOSED,
  BLOCKED_FOR_CANCELLATIONS: ERROR_MESSAGES.BLOCKED_FOR_CANCELLATIONS,
  DAILY_LIMIT: ERROR_MESSAGES.DAILY_LIMIT,
  SERVICE_DAY_LIMIT: ERROR_MESSAGES.SERVICE_DAY_LIMIT,
  SLOT_FULL: ERROR_MESSAGES.SLOT_FULL,
  INVALID_PAYLOAD: { vi: 'Thông tin chưa hợp lệ.', en: 'Invalid request.' },
  BOOKINGS_OFF: {
    vi: 'Cơ quan chưa nhận đặt lịch trực tuyến.',
    en: 'This office does not take online bookings.',
  },
  UNKNOWN_SERVICE: { vi: 'Lĩnh vực không tồn tại.', en: 'Unknown service.' },
  OTP_INVALID: {
    vi: 'Mã xác nhận không đúng hoặc đã hết hạn.',
    en: 'The confirmation code is wrong or has expired.',
  },
  OTP_TOO_MANY_TRIES: {
    vi: 'Nhập sai mã quá 3 lần; vui lòng yêu cầu mã mới.',
    en: 'Wrong code too many times; please ask for a new code.',
  },
  SMS_FAILED: {
    vi: 'Chưa gửi được tin nhắn chứa mã xác nhận; vui lòng thử lại.',
    en: 'The text message with the code could not be sent; please try again.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy lịch hẹn với mã và số điện thoại này.',
    en: 'No booking with this code and phone number.',
  },
  NOT_CANCELLABLE: {
    vi: 'Lịch hẹn này không thể hủy (đã xác nhận, đã qua hoặc đã hủy).',
    en: 'This booking cannot be cancelled (checked in, past or already cancelled).',
  },
  TOO_MANY_REQUESTS: {
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    en: 'Too many requests. Please try again in a few minutes.',
  },
  UNAUTHORIZED: { vi: 'Mã tích hợp không hợp lệ.', en: 'Invalid integration token.' },
  IMPORT_CONFLICT: {
    vi: 'Mã lịch hẹn của hệ thống nguồn đã được dùng cho một lịch hẹn khác.',
    en: 'This external id was already imported with different details.',
  },
};

export function bookingError(
  error: BookingErrorCode,
  extra: Omit<BookingError, 'error' | 'message'> = {},
): BookingError {
  return { error, message: BOOKING_ERROR_MESSAGES[error], ...extra };
}

// ——— Import API (`/api/bookings`, an integration token) ———

/** A slot start from another system: epoch ms, or ISO 8601 with its offset ("2026-12-08T09:15:00+07:00"). */
const slotStartInput = z.union([
  instant,
  z.iso.datetime({ offset: true }).transform((s, ctx) => {
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'not a date and time' });
      return z.NEVER;
    }
    return ms;
  }),
]);

/** `POST /api/bookings`: a booking taken by another system (iHanoi, VNeID…). */
export const BookingImportSchema = z
  .object({
    /** The booking's id in the source system; (source, externalId) is unique. */
    externalId: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[\w.:-]+$/, 'letters, digits, _ . : -'),
    service,
    slotStart: slotStartInput,
    name: CitizenNameSchema,
    phone: VnPhoneSchema,
    cccd: CccdSchema.optional(),
    /** Which system it came from, e.g. "ihanoi". */
    source: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[\w.-]+$/, 'letters, digits, _ . -'),
  })
  .strict();
export type BookingImport = z.infer<typeof BookingImportSchema>;
export type BookingImportInput = z.input<typeof BookingImportSchema>;

/** The answer of the import API: the booking with its code and state. */
export const ImportedBookingSchema = z.object({
  externalId: z.string(),
  source: z.string(),
  code: z.string(),
  service,
  slotStart: instant,
  status: BookingStatusSchema,
  window: z.object({ opensAt: instant, closesAt: instant }),
  ticket: BookingTicketSchema.nullable(),
  createdAt: instant,
  /** false when this POST found the booking imported before (idempotent retry). */
  created: z.boolean(),
});
export type ImportedBooking = z.infer<typeof ImportedBookingSchema>;

/** `?source=` on GET and DELETE `/api/bookings/:externalId` (default: the token's own name). */
export const ImportRefSchema = z.object({
  externalId: z.string().min(1).max(80),
  source: z.string().min(1).max(40).optional(),
});

// ——— At the office: check-in and the counter's list (commands.ts) ———

/** `booking.checkIn`: a code scanned or typed at the kiosk, or typed by an officer at a counter. */
export const CheckInPayloadShape = {
  code: BookingCodeSchema,
  locale: z.enum(['vi', 'en']).default('vi'),
  /** Print on the kiosk's hub-driven printer (browser kiosks), as `ticket.issue`. */
  print: z.boolean().default(false),
};

/** One of today's bookings as a counter lists them. */
export const CounterBookingSchema = z.object({
  code: z.string(),
  service,
  slotStart: instant,
  start: z.string(),
  /** The citizen's name in full: the officer greets them. Never the phone. */
  name: z.string(),
  /**
   * `late`: still booked, its slot started and the window not yet closed (10 min); `no_show`: the
   * window closed without a check-in.
   */
  status: z.enum([...BOOKING_STATUSES, 'late']),
  ticket: z.object({ id: z.string(), number: z.string() }).nullable(),
  source: z.string().nullable(),
});
export type CounterBooking = z.infer<typeof CounterBookingSchema>;

// ——— Reports ———

/** `GET /api/reports/bookings?from=&to=` (supervisor): bookings per day and service, by what became of them. */
export const BookingCountsSchema = z.object({
  service,
  booked: z.number().int(),
  checked_in: z.number().int(),
  served: z.number().int(),
  lapsed: z.number().int(),
  no_show: z.number().int(),
  cancelled: z.number().int(),
});
export const BookingReportSchema = z.object({
  from: date,
  to: date,
  days: z.array(z.object({ date, services: z.array(BookingCountsSchema) })),
});
export type BookingReport = z.infer<typeof BookingReportSchema>;
