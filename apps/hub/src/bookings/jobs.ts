import { bookingRules, localTime, type OfficeConfig } from '@luot/core';
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

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass; a pass still running (reminders wait on the SMS provider) is not started twice. */
  run(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.o.clock();
    try {
      this.noShows(now);
      // Stored, so the import API's state stays right after the day (the view reads today's tickets).
      this.o.bookings.store.markServed();
      this.retention(now);
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

  async reminders(now: number): Promise<number> {
    const soon = this.o.hub.bookings.remindMinutesBefore * MINUTE;
    let sent = 0;
    for (const [kind, ahead] of [
      ['day_before', DAY],
      ['soon', soon],
    ] as const) {
      for (const b of this.o.bookings.store.dueReminders(kind, now, now + ahead)) {
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
