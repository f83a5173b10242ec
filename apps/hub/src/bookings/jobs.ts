import { bookingRules, bookingsWithoutSlot, localTime, type OfficeConfig } from '@luot/core';
import { toRecord } from './store.js';
import type { Logger } from 'pino';
import type { HubConfig } from '../config.js';
import type { BookingService } from './service.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface BookingJobsOptions {
  bookings: BookingService;
  hub: HubConfig;
  office: OfficeConfig;
  clock: () => number;
  logger: Logger;
  /** How often the jobs run [60 s]. */
  everyMs?: number;
}

/**
 * The bookings' scheduled work (docs/bookings.md), run at start and then every minute with the
 * hub's clock (a test's clock in tests):
 *
 * - **no-shows**: a booking still `booked` when its check-in window closed is a no-show (its place
 *   is gone; reports count it); a checked-in booking whose ticket was served becomes `served`;
 * - **reminders** by SMS, 24 hours and `remindMinutesBefore` [60] before the slot — each once, and
 *   only when the booking was made before that moment (nobody booked at 9:00 for 9:45 is "reminded");
 * - **slots that are gone**: a booking still to come whose slot no longer exists — the distancing
 *   level restricts its service or closes every counter serving it, the day became a holiday — is
 *   cancelled by the office, and the citizen is told by SMS with a link to book again;
 * - **retention**, once a day: names, phones and CCCD numbers of bookings older than
 *   `retentionDays` erased, with the phones and texts of old messages; spent one-time code requests
 *   deleted after a day. Counts stay.
 */
export class BookingJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private retentionDay: string | null = null;

  constructor(private readonly o: BookingJobsOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.o.everyMs ?? MINUTE);
    this.timer.unref();
  }

  /** No new pass, and a pass under way sends nothing more (the database is closing). */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }
  private stopped = false;

  /** One pass; a pass still running (reminders wait on the SMS provider) is not started twice. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  /** The database's work first, synchronously (the hub's start relies on it); then the messages. */
  private async pass(): Promise<void> {
    const now = this.o.clock();
    try {
      this.noShows(now);
      // Stored, so the import API's state stays right after the day (the view reads today's tickets).
      this.o.bookings.store.markServed();
      this.retention(now);
      await this.withoutSlot(now);
      if (this.o.hub.bookings.reminders && this.o.bookings.enabled) await this.reminders(now);
    } catch (e) {
      this.o.logger.error({ err: e }, 'booking jobs failed; they run again in a minute');
    }
  }

  noShows(now: number): string[] {
    const { lateMinutes } = bookingRules(this.o.office).checkIn;
    const codes = this.o.bookings.store.markNoShows(now - lateMinutes * MINUTE);
    if (codes.length > 0) this.o.logger.info({ count: codes.length }, 'bookings not checked in: no-shows');
    return codes;
  }

  /** Erase what retention says, once per office day (and at start). Returns the bookings erased, or null when not due. */
  retention(now: number): number | null {
    const today = localTime(now, this.o.office.sessions.timeZone).day;
    if (this.retentionDay === today) return null;
    this.retentionDay = today;
    const days = this.o.hub.bookings.retentionDays;
    const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
    const erased = this.o.bookings.store.erase(cutoff, now - days * DAY, now - DAY, now);
    if (erased > 0)
      this.o.logger.info({ erased, before: cutoff }, 'bookings past retention: names and phones erased');
    return erased;
  }

  /** Cancel (by the office) the bookings whose slot the level or the calendar took away; tell each citizen. */
  async withoutSlot(now: number): Promise<string[]> {
    const store = this.o.bookings.store;
    const rows = store.upcoming(now);
    if (rows.length === 0) return [];
    const byRecord = new Map(rows.map((r) => [toRecord(r), r]));
    const gone = bookingsWithoutSlot([...byRecord.keys()], this.o.office, this.o.bookings.level(), now).map(
      (rec) => byRecord.get(rec)!,
    );
    const office = this.o.office.office.name.vi;
    for (const b of gone) {
      if (this.stopped) break;
      if (!store.cancel(b.code, now, 'office')) continue;
      const v = this.o.bookings.view(b);
      this.o.logger.info({ code: b.code, service: b.service }, 'booking cancelled: its slot is gone');
      if (!b.phone) continue;
      const text =
        `${office} tạm dừng tiếp nhận ${v.serviceName.vi} lúc ${v.start} ngày ${v.date.split('-').reverse().join('/')}; ` +
        `lịch hẹn ${b.code} đã bị hủy. Xin lỗi vì sự bất tiện. Đặt lịch lại: ${this.o.bookings.bookUrl()}`;
      await this.o.bookings.send({ to: b.phone, text, kind: 'notice' }, b.code);
    }
    return gone.map((b) => b.code);
  }

  async reminders(now: number): Promise<number> {
    const soon = this.o.hub.bookings.remindMinutesBefore * MINUTE;
    let sent = 0;
    for (const [kind, ahead] of [
      ['day_before', DAY],
      ['soon', soon],
    ] as const) {
      for (const b of this.o.bookings.store.dueReminders(kind, now, now + ahead)) {
        if (this.stopped) return sent;
        this.o.bookings.store.markReminded(kind, b.code, now);
        // Booked after the moment of this reminder: it would tell them what they just read.
        if (b.createdAt > b.slotStart - ahead) continue;
        const v = this.o.bookings.view(b);
        const office = this.o.office.office.name.vi;
        const when = kind === 'day_before' ? `ngày ${v.date.split('-').reverse().join('/')}` : 'hôm nay';
        const text =
          `Nhắc lịch hẹn ${b.code}: ${v.serviceName.vi} lúc ${v.start} ${when} tại ${office}. ` +
          `Xác nhận tại ki-ốt từ ${this.o.bookings.startOf(v.window.opensAt)} đến ${this.o.bookings.startOf(v.window.closesAt)}.`;
        if (await this.o.bookings.send({ to: b.phone!, text, kind: 'reminder' }, b.code)) sent++;
      }
    }
    return sent;
  }
}
