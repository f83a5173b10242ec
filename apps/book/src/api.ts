import {
  BookingCatalogSchema,
  BookingErrorSchema,
  BookingViewSchema,
  DaySlotsSchema,
  OtpRequestedSchema,
  type BookingCatalog,
  type BookingError,
  type BookingLookupInput,
  type BookingView,
  type DaySlots,
  type OtpConfirm,
  type OtpRequestInput,
  type OtpRequested,
} from '@luot/protocol';
import type { z } from 'zod';

/**
 * The hub's public booking API (`/api/book/...`, docs/bookings.md), as the page calls it. Every
 * answer is checked against the contract's schema: a hub of another version, a proxy's error page
 * or a cut connection becomes a plain refusal the page can show, never a half-read object.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: BookingError };

/** What the page shows when the hub could not be reached or answered something unreadable. */
export const NETWORK_ERROR: BookingError = {
  error: 'INVALID_PAYLOAD',
  message: {
    vi: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    en: 'Could not reach the server. Please check your connection and try again.',
  },
};

/**
 * How far this phone's clock is ahead of the hub's, from the `Date` header of an answer (whole
 * seconds; 0 when there is none). A phone set a few minutes wrong would otherwise count the
 * code's 5 minutes down from the wrong end.
 */
function clockSkew(response: Response): number {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? 0 : Date.now() - date;
}

async function call<S extends z.ZodType>(
  path: string,
  schema: S,
  init?: { body: unknown },
  adjust: (value: z.infer<S>, skewMs: number) => z.infer<S> = (v) => v,
): Promise<Answer<z.infer<S>>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init ? 'POST' : 'GET',
      headers: init ? { 'content-type': 'application/json' } : {},
      body: init ? JSON.stringify(init.body) : null,
    });
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, error: NETWORK_ERROR };
    return { ok: true, value: adjust(parsed.data, clockSkew(response)) };
  }
  const refusal = BookingErrorSchema.safeParse(body);
  return { ok: false, error: refusal.success ? refusal.data : NETWORK_ERROR };
}

export const bookingApi = {
  catalog: (): Promise<Answer<BookingCatalog>> => call('/api/book/services', BookingCatalogSchema),
  slots: (service: string, date: string): Promise<Answer<DaySlots>> =>
    call(
      `/api/book/slots?service=${encodeURIComponent(service)}&date=${encodeURIComponent(date)}`,
      DaySlotsSchema,
    ),
  /** `expiresAt` comes back on this phone's clock (the hub's, shifted by the skew), for the countdown. */
  requestOtp: (request: OtpRequestInput): Promise<Answer<OtpRequested>> =>
    call('/api/book/otp', OtpRequestedSchema, { body: request }, (otp, skew) => ({
      ...otp,
      expiresAt: otp.expiresAt + skew,
    })),
  confirm: (confirm: OtpConfirm): Promise<Answer<BookingView>> =>
    call('/api/book/confirm', BookingViewSchema, { body: confirm }),
  lookup: (lookup: BookingLookupInput): Promise<Answer<BookingView>> =>
    call('/api/book/lookup', BookingViewSchema, { body: lookup }),
  cancel: (lookup: BookingLookupInput): Promise<Answer<BookingView>> =>
    call('/api/book/cancel', BookingViewSchema, { body: lookup }),
};

/** The calendar file of a booking (the phone's last 3 digits prove it is the citizen's). */
export function icsUrl(booking: BookingView, phoneLast3: string): string {
  const sep = booking.icsPath.includes('?') ? '&' : '?';
  return `${booking.icsPath}${sep}phoneLast3=${encodeURIComponent(phoneLast3)}`;
}

/** The page to see or cancel a booking, with its code filled in. */
export function manageUrl(code: string): string {
  return `/book/manage?code=${encodeURIComponent(code)}`;
}
