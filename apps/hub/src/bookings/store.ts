import type Database from 'better-sqlite3';
import {
  checkBookingLimits,
  localTime,
  type BookingRecord,
  type BookingRefusal,
  type BookingStatus,
  type Level,
  type OfficeConfig,
} from '@luot/core';

/** A booking as the hub stores it (`bookings`, migration 008). */
export interface BookingRow {
  code: string;
  service: string;
  /** The slot's local day, YYYY-MM-DD. */
  date: string;
  slotStart: number;
  /** null once erased (retention). */
  name: string | null;
  phone: string | null;
  cccd: string | null;
  status: BookingStatus;
  createdAt: number;
  cancelledAt: number | null;
  cancelledBy: 'citizen' | 'office' | null;
  checkedInAt: number | null;
  ticketId: string | null;
  /** null: the booking page; else the system that passed it on (import API). */
  source: string | null;
  externalId: string | null;
  locale: 'vi' | 'en';
  remindedDayBefore: number | null;
  remindedSoon: number | null;
  erasedAt: number | null;
  /** The booking's phone page is /t/<pageToken> (migration 10). */
  pageToken: string;
}

/** What a new booking needs; the rest is decided when it is made. */
export interface NewBooking {
  code: string;
  service: string;
  slotStart: number;
  name: string;
  phone: string;
  cccd: string | null;
  source: string | null;
  externalId: string | null;
  locale: 'vi' | 'en';
  /** Its phone page's token, random (a ticket's kind: `newTicketToken`). */
  pageToken: string;
}

export interface OtpRow {
  id: string;
  service: string;
  slotStart: number;
  name: string;
  phone: string;
  cccd: string | null;
  locale: 'vi' | 'en';
  codeHmac: string;
  attempts: number;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  bookingCode: string | null;
}

export interface SmsRow {
  at: number;
  phone: string;
  kind: string;
  /** With any one-time code masked. */
  text: string;
  status: 'sent' | 'failed';
  attempts: number;
  providerId: string | null;
  error: string | null;
  bookingCode: string | null;
}

const COLUMNS = `code, service, date, slot_start AS slotStart, name, phone, cccd, status, created_at AS createdAt,
  cancelled_at AS cancelledAt, cancelled_by AS cancelledBy, checked_in_at AS checkedInAt, ticket_id AS ticketId,
  source, external_id AS externalId, locale, reminded_day_before AS remindedDayBefore,
  reminded_soon AS remindedSoon, erased_at AS erasedAt, page_token AS pageToken`;

const OTP_COLUMNS = `id, service, slot_start AS slotStart, name, phone, cccd, locale, code_hmac AS codeHmac, attempts,
  created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, booking_code AS bookingCode`;

/** The core's view of a row: what the limits read. */
export function toRecord(r: BookingRow): BookingRecord {
  return {
    phone: r.phone ?? '',
    cccd: r.cccd,
    service: r.service,
    date: r.date,
    slotStart: r.slotStart,
    status: r.status,
    createdAt: r.createdAt,
    cancelledAt: r.cancelledAt,
    ...(r.cancelledBy ? { cancelledBy: r.cancelledBy } : {}),
  };
}

/**
 * Every SQL statement about bookings, prepared once. The one that matters is `book`: it reads what
 * the limits need, asks core's `checkBookingLimits`, and inserts, in one IMMEDIATE transaction —
 * SQLite's write lock is taken before the first read, so no other writer (another process on the
 * same file included) can slip a booking in between the count and the insert.
 */
export class BookingStore {
  private readonly s;
  /**
   * Bumped by every change of a booking's place (book, cancel, no-show, lapse, erase): what was
   * computed from the places may be reused while it stays the same (BookingService.nearest).
   */
  version = 0;

  constructor(private readonly db: Database.Database) {
    this.s = {
      byCode: db.prepare(`SELECT ${COLUMNS} FROM bookings WHERE code = ?`),
      byPageToken: db.prepare(`SELECT ${COLUMNS} FROM bookings WHERE page_token = ?`),
      byExternal: db.prepare(`SELECT ${COLUMNS} FROM bookings WHERE source = ? AND external_id = ?`),
      // The citizen's bookings (by phone, or CCCD when given) and the slot's: all the limits read.
      citizen: db.prepare(
        `SELECT ${COLUMNS} FROM bookings WHERE phone = @phone OR (@cccd IS NOT NULL AND cccd = @cccd)`,
      ),
      slot: db.prepare(`SELECT ${COLUMNS} FROM bookings WHERE service = ? AND slot_start = ?`),
      day: db.prepare(`SELECT ${COLUMNS} FROM bookings WHERE service = ? AND date = ?`),
      dayAll: db.prepare(`SELECT ${COLUMNS} FROM bookings WHERE date = ? ORDER BY slot_start, created_at`),
      insert: db.prepare(`INSERT INTO bookings (code, service, date, slot_start, name, phone, cccd, status,
          created_at, source, external_id, locale, page_token)
        VALUES (@code, @service, @date, @slotStart, @name, @phone, @cccd, 'booked', @createdAt, @source,
          @externalId, @locale, @pageToken)`),
      cancel: db.prepare(
        `UPDATE bookings SET status = 'cancelled', cancelled_at = ?, cancelled_by = ? WHERE code = ? AND status = 'booked'`,
      ),
      checkIn: db.prepare(
        `UPDATE bookings SET status = 'checked_in', checked_in_at = ?, ticket_id = ? WHERE code = ? AND status = 'booked'`,
      ),
      setStatus: db.prepare(`UPDATE bookings SET status = ? WHERE code = ? AND status = ?`),
      noShows: db.prepare(
        `UPDATE bookings SET status = 'no_show' WHERE status = 'booked' AND slot_start < ? RETURNING code`,
      ),
      served: db.prepare(
        // Each checked-in booking looks up its own ticket by id: never a scan of a year of tickets.
        `UPDATE bookings SET status = 'served' WHERE status = 'checked_in'
           AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = bookings.ticket_id AND t.status = 'done')`,
      ),
      erase: db.prepare(
        `UPDATE bookings SET name = NULL, phone = NULL, cccd = NULL, erased_at = ? WHERE date < ? AND erased_at IS NULL`,
      ),
      eraseSms: db.prepare(
        `UPDATE sms_messages SET phone = NULL, text = '' WHERE at < ? AND (phone IS NOT NULL OR text != '')`,
      ),
      pruneOtp: db.prepare(`DELETE FROM otp_requests WHERE created_at < ?`),
      dueReminders: db.prepare(
        `SELECT ${COLUMNS} FROM bookings WHERE status = 'booked' AND phone IS NOT NULL AND slot_start > @now
           AND ((@kind = 'day_before' AND reminded_day_before IS NULL AND slot_start <= @until)
             OR (@kind = 'soon' AND reminded_soon IS NULL AND slot_start <= @until))
         ORDER BY slot_start LIMIT 500`,
      ),
      upcoming: db.prepare(`SELECT ${COLUMNS} FROM bookings WHERE status = 'booked' AND slot_start >= ?`),
      markDayBefore: db.prepare(`UPDATE bookings SET reminded_day_before = ? WHERE code = ?`),
      markSoon: db.prepare(`UPDATE bookings SET reminded_soon = ? WHERE code = ?`),
      insertOtp:
        db.prepare(`INSERT INTO otp_requests (id, service, slot_start, name, phone, cccd, locale, code_hmac,
          attempts, created_at, expires_at)
        VALUES (@id, @service, @slotStart, @name, @phone, @cccd, @locale, @codeHmac, 0, @createdAt, @expiresAt)`),
      otp: db.prepare(`SELECT ${OTP_COLUMNS} FROM otp_requests WHERE id = ?`),
      otpAttempt: db.prepare(`UPDATE otp_requests SET attempts = attempts + 1 WHERE id = ?`),
      otpUsed: db.prepare(`UPDATE otp_requests SET used_at = ?, booking_code = ? WHERE id = ?`),
      insertSms:
        db.prepare(`INSERT INTO sms_messages (at, phone, kind, text, status, attempts, provider_id, error,
          booking_code) VALUES (@at, @phone, @kind, @text, @status, @attempts, @providerId, @error, @bookingCode)`),
      tokenOf: db.prepare(`SELECT token FROM ticket_tokens WHERE ticket_id = ?`),
      counts: db.prepare(
        `SELECT date, service, status, COUNT(*) AS n FROM bookings WHERE date BETWEEN ? AND ?
           GROUP BY date, service, status ORDER BY date, service`,
      ),
    };
  }

  /** Run `fn` as one transaction (one durable commit for several writes). */
  together<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get(code: string): BookingRow | null {
    return (this.s.byCode.get(code) as BookingRow | undefined) ?? null;
  }

  /** The booking whose phone page has this token. */
  byPageToken(token: string): BookingRow | null {
    return (this.s.byPageToken.get(token) as BookingRow | undefined) ?? null;
  }

  external(source: string, externalId: string): BookingRow | null {
    return (this.s.byExternal.get(source, externalId) as BookingRow | undefined) ?? null;
  }

  /** A citizen's bookings, by phone or (when given) CCCD. */
  citizen(phone: string, cccd: string | null): BookingRow[] {
    return this.s.citizen.all({ phone, cccd }) as BookingRow[];
  }

  /** A slot's bookings (every status). */
  slot(service: string, slotStart: number): BookingRow[] {
    return this.s.slot.all(service, slotStart) as BookingRow[];
  }

  /** The phone-page token of a ticket, if it has one. */
  tokenOf(ticketId: string): string | null {
    return (this.s.tokenOf.get(ticketId) as { token: string } | undefined)?.token ?? null;
  }

  /** A service's bookings on a day (every status): what its slots' free places are counted from. */
  day(service: string, date: string): BookingRow[] {
    return this.s.day.all(service, date) as BookingRow[];
  }

  /** Every booking of a day, by slot. */
  dayAll(date: string): BookingRow[] {
    return this.s.dayAll.all(date) as BookingRow[];
  }

  /**
   * Make a booking if the rules allow it now, in one IMMEDIATE transaction: the citizen's and the
   * slot's bookings are read, `checkBookingLimits` decides, and the row is inserted — or nothing is.
   */
  book(
    b: NewBooking,
    office: OfficeConfig,
    now: number,
    level: Level,
    /** The one-time code request this booking spends (in the same transaction: one commit). */
    otpId: string | null = null,
  ): { ok: true; booking: BookingRow } | { ok: false; refusal: BookingRefusal } {
    return this.db
      .transaction(() => {
        const existing = [
          ...(this.s.citizen.all({ phone: b.phone, cccd: b.cccd }) as BookingRow[]),
          ...(this.s.slot.all(b.service, b.slotStart) as BookingRow[]),
        ];
        // The citizen's own bookings of that slot are in both lists: count each once.
        const unique = [...new Map(existing.map((r) => [r.code, r])).values()].map(toRecord);
        const refusal = checkBookingLimits(unique, b, office, now, level);
        // A refusal writes nothing (no commit to wait for: the 950 refused racers cost reads only).
        if (refusal) return { ok: false as const, refusal };
        if (otpId !== null) this.s.otpUsed.run(now, b.code, otpId);
        const date = localTime(b.slotStart, office.sessions.timeZone).day;
        this.s.insert.run({ ...b, date, createdAt: now });
        this.version++;
        return { ok: true as const, booking: this.get(b.code)! };
      })
      .immediate();
  }

  /** Cancel a booking still to come; false when it is not `booked` any more. */
  cancel(code: string, at: number, by: 'citizen' | 'office'): boolean {
    this.version++;
    return this.s.cancel.run(at, by, code).changes === 1;
  }

  /** Inside the engine's transaction: the booking got its ticket. */
  markCheckedIn(code: string, ticketId: string, at: number): void {
    this.s.checkIn.run(at, ticketId, code);
  }

  /** A check-in came after the window: the booking lapsed (the citizen may take an ordinary number). */
  markLapsed(code: string): boolean {
    this.version++;
    return this.s.setStatus.run('lapsed', code, 'booked').changes === 1;
  }

  /** Checked-in bookings whose ticket was served (finished at a counter) become `served`. */
  markServed(): number {
    return this.s.served.run().changes;
  }

  /** Bookings still `booked` whose check-in window closed before `windowClosedBefore` (slot start + late minutes). */
  markNoShows(slotStartedBefore: number): string[] {
    this.version++;
    return (this.s.noShows.all(slotStartedBefore) as Array<{ code: string }>).map((r) => r.code);
  }

  /**
   * Retention: names, phones and CCCD numbers of bookings whose day is before `beforeDay` are
   * erased, and so are the phones and texts of messages sent before `before`; one-time code
   * requests older than `otpBefore` are deleted. Counts stay. Returns how many bookings were erased.
   */
  erase(beforeDay: string, before: number, otpBefore: number, now: number): number {
    return this.db.transaction(() => {
      const n = this.s.erase.run(now, beforeDay).changes;
      this.s.eraseSms.run(before);
      this.s.pruneOtp.run(otpBefore);
      return n;
    })();
  }

  /** Bookings still to come (status `booked`, slot from `now` on). */
  upcoming(now: number): BookingRow[] {
    return this.s.upcoming.all(now) as BookingRow[];
  }

  /** Bookings to remind (`kind`) whose slot starts after `now` and no later than `until`. */
  dueReminders(kind: 'day_before' | 'soon', now: number, until: number): BookingRow[] {
    return this.s.dueReminders.all({ kind, now, until }) as BookingRow[];
  }

  markReminded(kind: 'day_before' | 'soon', code: string, at: number): void {
    (kind === 'day_before' ? this.s.markDayBefore : this.s.markSoon).run(at, code);
  }

  addOtp(r: Omit<OtpRow, 'attempts' | 'usedAt' | 'bookingCode'>): void {
    this.s.insertOtp.run(r);
  }

  otp(id: string): OtpRow | null {
    return (this.s.otp.get(id) as OtpRow | undefined) ?? null;
  }

  otpAttempt(id: string): void {
    this.s.otpAttempt.run(id);
  }

  addSms(r: SmsRow): void {
    this.s.insertSms.run(r);
  }

  /** Bookings per day, service and status between two days (reports keep these after names are erased). */
  counts(
    from: string,
    to = from,
  ): Array<{ date: string; service: string; status: BookingStatus; n: number }> {
    return this.s.counts.all(from, to) as Array<{
      date: string;
      service: string;
      status: BookingStatus;
      n: number;
    }>;
  }
}
