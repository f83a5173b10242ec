import type { CounterBooking } from '@luot/protocol';

/** How today's bookings of the counter's services stand, as the panel's four figures. */
export interface BookingCounts {
  booked: number;
  checkedIn: number;
  late: number;
  noShow: number;
}

/**
 * Counted as the officer reads the day: still to come (booked), here (checked in, served later
 * too: they came), late (the slot started, the window still open) and no-shows (lapsed ones came
 * too late: for the office they did not come on time either). Cancelled bookings are not counted.
 */
export function bookingCounts(bookings: readonly CounterBooking[]): BookingCounts {
  const counts: BookingCounts = { booked: 0, checkedIn: 0, late: 0, noShow: 0 };
  for (const b of bookings) {
    if (b.status === 'booked') counts.booked++;
    else if (b.status === 'checked_in' || b.status === 'served') counts.checkedIn++;
    else if (b.status === 'late') counts.late++;
    else if (b.status === 'no_show' || b.status === 'lapsed') counts.noShow++;
  }
  return counts;
}

/** The list in slot order, those still expected first within a slot. */
export function sortedBookings(bookings: readonly CounterBooking[]): CounterBooking[] {
  const rank: Record<CounterBooking['status'], number> = {
    late: 0,
    booked: 1,
    checked_in: 2,
    served: 3,
    lapsed: 4,
    no_show: 5,
    cancelled: 6,
  };
  return [...bookings].sort((a, b) => a.slotStart - b.slotStart || rank[a.status] - rank[b.status]);
}
