import type { CounterBooking } from '@luot/protocol';
import { describe, expect, it } from 'vitest';
import { bookingCounts, sortedBookings } from '../../src/bookings.js';

const booking = (code: string, start: string, status: CounterBooking['status']): CounterBooking => ({
  code,
  service: 'C',
  slotStart: Date.parse(`2026-12-08T${start}:00+07:00`),
  start,
  name: 'Nguyễn Văn An',
  status,
  ticket: status === 'checked_in' ? { id: '20261208-C001', number: 'C001' } : null,
  source: null,
});

describe('today’s bookings at the counter', () => {
  const day = [
    booking('AAAAAAA1', '09:00', 'no_show'),
    booking('AAAAAAA2', '09:00', 'checked_in'),
    booking('AAAAAAA3', '09:15', 'booked'),
    booking('AAAAAAA4', '09:15', 'late'),
    booking('AAAAAAA5', '09:30', 'cancelled'),
    booking('AAAAAAA6', '08:45', 'lapsed'),
    booking('AAAAAAA7', '08:30', 'served'),
  ];

  it('counts booked, here (checked in or served), late, and no-shows (lapsed too); not the cancelled', () => {
    expect(bookingCounts(day)).toEqual({ booked: 1, checkedIn: 2, late: 1, noShow: 2 });
    expect(bookingCounts([])).toEqual({ booked: 0, checkedIn: 0, late: 0, noShow: 0 });
  });

  it('lists by slot, the late and the expected first within a slot', () => {
    expect(sortedBookings(day).map((b) => b.code)).toEqual([
      'AAAAAAA7',
      'AAAAAAA6',
      'AAAAAAA2',
      'AAAAAAA1',
      'AAAAAAA4',
      'AAAAAAA3',
      'AAAAAAA5',
    ]);
  });
});
