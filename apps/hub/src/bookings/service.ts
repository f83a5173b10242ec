import { randomBytes } from 'node:crypto';
import {
  bookingCode,
  bookingRules,
  checkBookingLimits,
  isWorkingDay,
  lastBookableDay,
  localTime,
  serviceBookingRules,
  slotPlaces,
  slotsWithRemaining,
  type BookingRefusal,
  type FreeSlot,
  type Level,
  type OfficeConfig,
  type Ticket,
} from '@luot/core';
import {
  bookingError,
  maskName,
  maskPhone,
  type BookingCatalog,
  type BookingError,
  type BookingImport,
  type BookingReport,
  type BookingView,
  type DaySlots,
  type ImportedBooking,
  type OtpRequest,
  type OtpRequested,
} from '@luot/protocol';
import type { SmsGateway, SmsMessage } from '@luot/sms';
import { masked } from '@luot/sms';
import type { Logger } from 'pino';
import { newTicketToken } from '../auth.js';
import { OTP_MAX_ATTEMPTS, OTP_TTL_MS, newOtpCode, type OtpHasher } from './otp.js';
import { toRecord, type BookingRow, type BookingStore } from './store.js';

const MINUTE = 60_000;

/** A refusal the HTTP routes answer with its status. */
export class BookingFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: BookingError,
  ) {
    super(body.error);
    this.name = 'BookingFailure';
  }
}

const fail = (status: number, ...args: Parameters<typeof bookingError>): never => {
  throw new BookingFailure(status, bookingError(...args));
};

export interface BookingServiceOptions {
  store: BookingStore;
  office: OfficeConfig;
  clock: () => number;
  /** The distancing level slots are planned with: the current one. */
  level: () => Level;
  sms: SmsGateway;
  otp: OtpHasher;
  /** The day's tickets (to show a checked-in booking's number and whether it was served). */
  ticket: (id: string) => Ticket | null;
  /** The phone page of a ticket, when it has one. */
  ticketUrl: (id: string) => string | null;
  /** The base URL phones reach (links in text messages). */
  publicUrl: () => string;
  logger: Logger;
}

/**
 * The hub's bookings (docs/bookings.md): the public booking flow (slots, one-time code, confirm,
 * lookup, cancel), the import API's operations, and what the check-in and the daily jobs need. The
 * rules are core's; this decides what is read and written, and what a citizen is told.
 */
export class BookingService {
  constructor(private readonly o: BookingServiceOptions) {}

  /** The storage, for the scheduled jobs (jobs.ts). */
  get store(): BookingStore {
    return this.o.store;
  }

  private get office(): OfficeConfig {
    return this.o.office;
  }

  /** The distancing level slots are planned with now. */
  level(): Level {
    return this.o.level();
  }

  /** Where a citizen books again (the booking page). */
  bookUrl(): string {
    return `${this.o.publicUrl()}/book`;
  }

  get enabled(): boolean {
    return bookingRules(this.office).enabled;
  }

  private requireEnabled(): void {
    if (!this.enabled) fail(404, 'BOOKINGS_OFF');
  }

  private requireService(service: string): void {
    if (!this.office.services.some((s) => s.prefix === service)) fail(404, 'UNKNOWN_SERVICE');
  }

  /** The bookable days at `now`: today and the working days of the horizon. */
  days(now = this.o.clock()): string[] {
    const tz = this.office.sessions.timeZone;
    const last = lastBookableDay(this.office, now);
    const out: string[] = [];
    for (let day = localTime(now, tz).day; day <= last; day = nextDay(day))
      if (isWorkingDay(this.office, day)) out.push(day);
    return out;
  }

  catalog(): BookingCatalog {
    this.requireEnabled();
    const rules = bookingRules(this.office);
    return {
      office: this.officeInfo(),
      // A service with no place in a slot at the current level (one counter of a long procedure
      // keeps its whole time for walk-ins) would offer a day of empty slots: it is left out.
      services: this.office.services
        .filter((s) => serviceBookingRules(this.office, s.prefix).enabled)
        .filter((s) => slotPlaces(this.office, s.prefix, this.o.level()) > 0)
        .map((s) => ({
          prefix: s.prefix,
          name: s.name,
          procedures: s.procedures ?? [],
          bring: s.bring ?? [],
        })),
      days: this.days(),
      checkIn: { earlyMinutes: rules.checkIn.earlyMinutes, lateMinutes: rules.checkIn.lateMinutes },
    };
  }

  slots(service: string, date: string): DaySlots {
    this.requireEnabled();
    this.requireService(service);
    return { service, date, slots: this.freeSlots(service, date) };
  }

  private freeSlots(service: string, date: string): FreeSlot[] {
    const records = this.o.store.day(service, date).map(toRecord);
    return slotsWithRemaining(records, this.office, date, service, this.o.level(), this.o.clock());
  }

  /**
   * The open slots of the service with a free place nearest to `slotStart` (what to offer instead).
   * Kept while no place changes and the minute is the same: when a thousand people race for the
   * last place, 950 refusals offer the same slots, and working them out afresh for each was most of
   * the race's time.
   */
  nearest(service: string, slotStart: number, count = 3): FreeSlot[] {
    const key = `${service}/${slotStart}/${count}/${this.o.store.version}/${Math.floor(this.o.clock() / 60_000)}/${this.o.level()}`;
    if (this.nearestMemo?.key !== key)
      this.nearestMemo = { key, slots: this.findNearest(service, slotStart, count) };
    return this.nearestMemo.slots;
  }
  private nearestMemo: { key: string; slots: FreeSlot[] } | null = null;

  private findNearest(service: string, slotStart: number, count: number): FreeSlot[] {
    const free = this.days().flatMap((d) =>
      this.freeSlots(service, d).filter((s) => s.open && s.remaining > 0),
    );
    return free
      .sort(
        (a, b) =>
          Math.abs(a.startsAt - slotStart) - Math.abs(b.startsAt - slotStart) || a.startsAt - b.startsAt,
      )
      .slice(0, count)
      .sort((a, b) => a.startsAt - b.startsAt);
  }

  /** A rule's refusal as the API answers it: 409 for a full slot (with the nearest free ones), else 422. */
  private refused(r: BookingRefusal, service: string, slotStart: number): never {
    const offer = r.code === 'SLOT_FULL' || r.code === 'BOOKING_CLOSED' || r.code === 'NO_SLOT';
    throw new BookingFailure(
      r.code === 'SLOT_FULL' ? 409 : 422,
      bookingError(r.code, {
        details: r.details,
        ...(offer ? { nearest: this.nearest(service, slotStart) } : {}),
      }),
    );
  }

  /**
   * Whether this booking could be made now; throws the refusal (with the nearest free slots) when
   * not. Run before a code is sent, so nobody is sent a code (or spends their allowance of codes)
   * for a slot they cannot have.
   */
  check(req: Pick<OtpRequest, 'service' | 'slotStart' | 'phone' | 'cccd'>): void {
    this.requireEnabled();
    this.requireService(req.service);
    const records = [
      ...this.o.store.citizen(req.phone, req.cccd ?? null),
      ...this.o.store.slot(req.service, req.slotStart),
    ];
    const unique = [...new Map(records.map((r) => [r.code, r])).values()].map(toRecord);
    const candidate = { ...req, cccd: req.cccd ?? null };
    const refusal = checkBookingLimits(unique, candidate, this.office, this.o.clock(), this.o.level());
    if (refusal) this.refused(refusal, req.service, req.slotStart);
  }

  /**
   * Step 1 of a booking: the rules are checked now (nobody is sent a code for a slot they cannot
   * have), a code is sent by SMS, and only its HMAC is kept. Nothing is held: the place is taken at
   * `confirm`.
   */
  async requestOtp(req: OtpRequest): Promise<OtpRequested> {
    this.check(req);
    const now = this.o.clock();

    const id = randomBytes(16).toString('base64url');
    const code = newOtpCode();
    const expiresAt = now + OTP_TTL_MS;
    const office = this.office.office.name[req.locale];
    const text =
      req.locale === 'vi'
        ? `Mã xác nhận đặt lịch tại ${office}: ${code}. Hiệu lực 5 phút. Không chia sẻ mã này.`
        : `Your booking code for ${office}: ${code}. Valid 5 minutes. Do not share it.`;
    // The request is stored once the message went out, in the message's own transaction: one
    // durable commit per code instead of two, and no request for a code nobody received.
    const sent = await this.send({ to: req.phone, text, kind: 'otp', secret: code }, null, (ok) => {
      if (!ok) return;
      this.o.store.addOtp({
        id,
        service: req.service,
        slotStart: req.slotStart,
        name: req.name,
        phone: req.phone,
        cccd: req.cccd ?? null,
        locale: req.locale,
        codeHmac: this.o.otp.hmac(id, code),
        createdAt: now,
        expiresAt,
      });
    });
    if (!sent) fail(502, 'SMS_FAILED');
    return { requestId: id, expiresAt, phoneMasked: maskPhone(req.phone), attemptsLeft: OTP_MAX_ATTEMPTS };
  }

  /**
   * Step 2: the code from the message. Wrong, expired, spent or unknown request all answer
   * OTP_INVALID (nothing to learn from the difference); the third wrong code spends the request.
   * The place is taken here, in one transaction with the limits (BookingStore.book).
   */
  confirm(requestId: string, code: string): BookingView {
    this.requireEnabled();
    const now = this.o.clock();
    const otp = this.o.store.otp(requestId);
    if (!otp || otp.usedAt !== null || now > otp.expiresAt) fail(400, 'OTP_INVALID');
    if (otp!.attempts >= OTP_MAX_ATTEMPTS) fail(400, 'OTP_TOO_MANY_TRIES');
    if (!this.o.otp.verify(requestId, code, otp!.codeHmac)) {
      this.o.store.otpAttempt(requestId);
      const left = OTP_MAX_ATTEMPTS - otp!.attempts - 1;
      if (left <= 0) fail(400, 'OTP_TOO_MANY_TRIES');
      fail(400, 'OTP_INVALID', { details: { attemptsLeft: left } });
    }
    // The request is spent by the booking it makes, in the same transaction. A refused one stays
    // (for its 5 minutes): the same answer again, or the place if someone cancelled meanwhile.
    const result = this.book({ ...otp!, source: null, externalId: null }, now, requestId);
    if (!result.ok) this.refused(result.refusal, otp!.service, otp!.slotStart);
    return this.view(result.booking);
  }

  /** Insert through the store's transaction, with a fresh random code (retried on the rare collision). */
  private book(
    b: {
      service: string;
      slotStart: number;
      name: string;
      phone: string;
      cccd: string | null;
      locale: 'vi' | 'en';
      source: string | null;
      externalId: string | null;
    },
    now: number,
    otpId: string | null = null,
  ) {
    for (let tries = 0; ; tries++) {
      const code = bookingCode((n) => randomBytes(n));
      if (this.o.store.get(code) && tries < 5) continue;
      const pageToken = newTicketToken();
      return this.o.store.book({ ...b, code, pageToken }, this.office, now, this.o.level(), otpId);
    }
  }

  /** The booking with this code whose phone ends with these digits; one answer for "no such code" and "wrong digits". */
  private find(code: string, phoneLast3: string): BookingRow {
    const b = this.o.store.get(code);
    if (!b || b.phone === null || !b.phone.endsWith(phoneLast3)) fail(404, 'NOT_FOUND');
    return b!;
  }

  /**
   * The booking of a phone page (`/t/<token>`): the token alone is the secret, as a ticket's is.
   * An unknown token is `NOT_FOUND`, the same answer as the lookup's.
   */
  byPageToken(token: string): BookingView {
    const b = this.o.store.byPageToken(token);
    if (!b) fail(404, 'NOT_FOUND');
    return this.view(b!);
  }

  lookup(code: string, phoneLast3: string): BookingView {
    return this.view(this.find(code, phoneLast3));
  }

  /** The citizen cancels a booking still to come (counts towards the cancellation block). */
  cancel(code: string, phoneLast3: string): BookingView {
    const b = this.find(code, phoneLast3);
    const now = this.o.clock();
    if (b.status !== 'booked' || b.slotStart <= now || !this.o.store.cancel(code, now, 'citizen'))
      fail(409, 'NOT_CANCELLABLE');
    return this.view(this.o.store.get(code)!);
  }

  ics(code: string, phoneLast3: string): { filename: string; body: string } {
    const b = this.find(code, phoneLast3);
    return { filename: `luot-${b.code}.ics`, body: icsOf(b, this.view(b)) };
  }

  // ——— Import API ———

  /**
   * A booking taken by another system. Idempotent by (source, externalId): the same booking posted
   * again answers what was made the first time (`created: false`); the same id with other details
   * is a conflict.
   */
  import(req: BookingImport, now = this.o.clock()): ImportedBooking {
    this.requireEnabled();
    this.requireService(req.service);
    const before = this.o.store.external(req.source, req.externalId);
    if (before) {
      const same =
        before.service === req.service &&
        before.slotStart === req.slotStart &&
        (before.phone === null || before.phone === req.phone);
      if (!same) fail(409, 'IMPORT_CONFLICT', { details: { code: before.code } });
      return this.imported(before, false);
    }
    const result = this.book({ ...req, cccd: req.cccd ?? null, locale: 'vi' }, now);
    if (!result.ok) this.refused(result.refusal, req.service, req.slotStart);
    return this.imported(result.booking, true);
  }

  importedState(source: string, externalId: string): ImportedBooking {
    const b = this.o.store.external(source, externalId);
    if (!b) fail(404, 'NOT_FOUND');
    return this.imported(b!, false);
  }

  /**
   * The source system cancels. Counted as the office's cancellation, not the citizen's: the source
   * keeps its own limits, and ours must not block a citizen for what another system decided.
   */
  cancelImported(source: string, externalId: string): ImportedBooking {
    const b = this.o.store.external(source, externalId);
    if (!b) fail(404, 'NOT_FOUND');
    if (b!.status !== 'cancelled' && !this.o.store.cancel(b!.code, this.o.clock(), 'office'))
      fail(409, 'NOT_CANCELLABLE');
    return this.imported(this.o.store.get(b!.code)!, false);
  }

  private imported(b: BookingRow, created: boolean): ImportedBooking {
    const v = this.view(b);
    return {
      externalId: b.externalId!,
      source: b.source!,
      code: b.code,
      service: b.service,
      slotStart: b.slotStart,
      status: v.status,
      window: v.window,
      ticket: v.ticket,
      createdAt: b.createdAt,
      created,
    };
  }

  // ——— Views ———

  private officeInfo() {
    return {
      name: this.office.office.name,
      address: this.office.office.address ?? null,
      timeZone: this.office.sessions.timeZone,
    };
  }

  /** The status as the citizen should read it: a checked-in ticket that was served is `served`. */
  status(b: BookingRow): BookingView['status'] {
    if (b.status === 'checked_in' && b.ticketId && this.o.ticket(b.ticketId)?.status === 'done')
      return 'served';
    return b.status;
  }

  view(b: BookingRow): BookingView {
    const svc = this.office.services.find((s) => s.prefix === b.service);
    const { checkIn } = bookingRules(this.office);
    const ticket = b.ticketId ? this.o.ticket(b.ticketId) : null;
    const local = localTime(b.slotStart, this.office.sessions.timeZone);
    return {
      code: b.code,
      service: b.service,
      serviceName: svc?.name ?? { vi: b.service, en: b.service },
      slotStart: b.slotStart,
      date: local.day,
      start: hhmm(local.minutes),
      name: b.name ? maskName(b.name) : '',
      phoneMasked: b.phone ? maskPhone(b.phone) : '',
      status: this.status(b),
      window: {
        opensAt: b.slotStart - checkIn.earlyMinutes * MINUTE,
        closesAt: b.slotStart + checkIn.lateMinutes * MINUTE,
      },
      ticket: b.ticketId
        ? {
            id: b.ticketId,
            number: ticket?.number ?? b.ticketId.slice(b.ticketId.indexOf('-') + 1),
            url: this.o.ticketUrl(b.ticketId),
          }
        : null,
      office: this.officeInfo(),
      bring: svc?.bring ?? [],
      icsPath: `/api/book/${b.code}.ics`,
      pageUrl: `${this.o.publicUrl()}/t/${b.pageToken}`,
    };
  }

  /** Bookings per day and service between two days, by status (counts only: they outlive retention). */
  report(from: string, to: string): BookingReport {
    const days = new Map<string, Map<string, BookingReport['days'][number]['services'][number]>>();
    for (const r of this.o.store.counts(from, to)) {
      let day = days.get(r.date);
      if (!day) days.set(r.date, (day = new Map()));
      let c = day.get(r.service);
      if (!c) {
        c = { service: r.service, booked: 0, checked_in: 0, served: 0, lapsed: 0, no_show: 0, cancelled: 0 };
        day.set(r.service, c);
      }
      c[r.status] += r.n;
    }
    return {
      from,
      to,
      days: [...days].map(([date, services]) => ({ date, services: [...services.values()] })),
    };
  }

  // ——— SMS ———

  /**
   * Send a message and store it with its status (the text with any code masked); `alsoWrite` joins
   * that write's transaction. False: it failed.
   */
  async send(
    message: SmsMessage,
    bookingCode: string | null,
    alsoWrite?: (sent: boolean) => void,
  ): Promise<boolean> {
    const status = await this.o.sms
      .send(message)
      .catch((e: unknown) => ({ status: 'failed', attempts: 1, error: String(e) }) as const);
    this.o.store.together(() => {
      alsoWrite?.(status.status === 'sent');
      this.o.store.addSms({
        at: this.o.clock(),
        phone: message.to,
        kind: message.kind,
        text: masked(message),
        status: status.status,
        attempts: status.attempts,
        providerId: status.status === 'sent' ? status.providerId : null,
        error: status.status === 'failed' ? status.error : null,
        bookingCode,
      });
    });
    if (status.status === 'failed')
      this.o.logger.warn({ kind: message.kind, error: status.error }, 'text message not sent');
    return status.status === 'sent';
  }

  // ——— At the office ———

  /** Check-in's lookup: the booking with this code, or null. */
  get(code: string): BookingRow | null {
    return this.o.store.get(code);
  }

  markCheckedIn(code: string, ticketId: string, at: number): void {
    this.o.store.markCheckedIn(code, ticketId, at);
  }

  markLapsed(code: string): void {
    this.o.store.markLapsed(code);
  }

  /** A day's bookings (every service), by slot. */
  dayAll(date: string): BookingRow[] {
    return this.o.store.dayAll(date);
  }

  /** Local "HH:MM" of an instant, in the office's time zone. */
  startOf(slotStart: number): string {
    return hhmm(localTime(slotStart, this.office.sessions.timeZone).minutes);
  }
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(Math.floor(minutes % 60)).padStart(2, '0')}`;
}

/** RFC 5545 text: backslash, semicolon and comma escaped, newlines as \n. */
function icsText(s: string): string {
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A calendar entry (.ics) for "Thêm vào lịch": the slot, the office and the check-in window. */
function icsOf(b: BookingRow, v: BookingView): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Luot//Dat lich//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${b.code}@luot`,
    `DTSTAMP:${icsTime(b.createdAt)}`,
    `DTSTART:${icsTime(b.slotStart)}`,
    `DTEND:${icsTime(b.slotStart + 15 * MINUTE)}`,
    `SUMMARY:${icsText(`Lịch hẹn ${v.serviceName.vi} — ${v.office.name.vi}`)}`,
    `DESCRIPTION:${icsText(
      [
        `Mã đặt lịch: ${b.code}`,
        `Xác nhận tại ki-ốt từ ${hhmmOf(v.window.opensAt, v)} đến ${hhmmOf(v.window.closesAt, v)}.`,
        ...(v.bring.length ? [`Mang theo: ${v.bring.map((t) => t.vi).join('; ')}`] : []),
      ].join('\n'),
    )}`,
    ...(v.office.address ? [`LOCATION:${icsText(v.office.address)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.join('\r\n') + '\r\n';
}

function hhmmOf(ms: number, v: BookingView): string {
  return hhmm(localTime(ms, v.office.timeZone).minutes);
}
