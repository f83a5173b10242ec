import type { LuotClient } from '@luot/client';
import { BookingFailure, type Hub } from '@luot/hub';

const NAMES = [
  'Nguyễn Thị Lan',
  'Trần Văn Hùng',
  'Lê Thị Mai',
  'Phạm Minh Tuấn',
  'Hoàng Thị Thu',
  'Vũ Đức Anh',
  'Đặng Thị Hạnh',
  'Bùi Văn Nam',
];

/**
 * Share of the day booked ahead: a tenth of what the counters can finish. A slot offers half of
 * that (the booking share's default), so a fifth of the places are taken, spread evenly over the day.
 */
const BOOKED_SHARE_OF_PLACES = 0.2;

/**
 * The demo's online numbers (docs/bookings.md): citizens booked ahead — through the import API's
 * own operation, as the demo province's system would — in slots spread over today and the next
 * working day for three services (about a tenth of the day), then checked in at the second kiosk as
 * their windows open, so booked and walk-in numbers are called side by side all day. Every fifth
 * never comes (a no-show). Outside working hours there are no open slots today: only the next
 * day's bookings are made. `everyMs`: how often the check-ins are looked for (tests: less).
 */
export function bookAhead(
  hub: Hub,
  kiosk: () => Promise<LuotClient>,
  log: (line: string) => void,
  everyMs = 15_000,
): () => void {
  const made: Array<{ code: string; slotStart: number; comes: boolean }> = [];
  let n = 0;
  for (const day of hub.bookings.days().slice(0, 2)) {
    for (const service of ['A', 'C', 'E']) {
      const open = hub.bookings.slots(service, day).slots.filter((s) => s.open && s.remaining > 0);
      const places = open.reduce((sum, s) => sum + s.remaining, 0);
      const count = Math.min(open.length, Math.max(1, Math.round(places * BOOKED_SHARE_OF_PLACES)));
      // `count` slots evenly apart, from the first open one: booked numbers all day long.
      const spread = Array.from({ length: count }, (_, i) => open[Math.floor((i * open.length) / count)]!);
      for (const slot of spread) {
        try {
          const b = hub.bookings.import({
            externalId: `demo-${service}-${slot.startsAt}`,
            service,
            slotStart: slot.startsAt,
            name: NAMES[n % NAMES.length]!,
            phone: `+84901${String(n).padStart(6, '0')}`,
            source: 'demo-ihanoi',
          });
          made.push({ code: b.code, slotStart: b.slotStart, comes: n % 5 !== 4 });
          n++;
        } catch (e) {
          if (!(e instanceof BookingFailure)) throw e;
        }
      }
    }
  }
  log(`Đặt lịch trước: ${made.length} lịch hẹn (mã: ${made.map((b) => b.code).join(', ')})`);

  // Check in whoever comes, once their window is open: every 15 seconds, on the hub's clock.
  const timer = setInterval(() => {
    const now = hub.engine.now();
    for (const b of made.filter((x) => x.comes && now >= x.slotStart - 20 * 60_000 && now <= x.slotStart)) {
      b.comes = false;
      void kiosk()
        .then((k) => k.send('booking.checkIn', { code: b.code }))
        .then(
          (r) => log(`Xác nhận lịch hẹn ${b.code}: số ${r.result.ticket.number}`),
          (e: unknown) => log(`Xác nhận lịch hẹn ${b.code} không được: ${(e as Error).message}`),
        );
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
